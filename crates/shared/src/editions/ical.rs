//! The conference as an iCalendar file (RFC 5545): one all-day event spanning the edition,
//! linked from the ticket mail and the edition page so attendees can add it to a calendar.

use chrono::Days;

use super::Edition;

/// The edition as a VCALENDAR with one all-day VEVENT. `url` is the edition's public page.
pub fn conference(edition: &Edition, url: &str) -> String {
    // DTEND of an all-day event is exclusive: the day after the last day.
    let end = edition
        .ends_on
        .checked_add_days(Days::new(1))
        .unwrap_or(edition.ends_on);
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//devday//conference//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@devday", edition.id),
        format!("DTSTAMP:{}", edition.created_at.format("%Y%m%dT%H%M%SZ")),
        format!("DTSTART;VALUE=DATE:{}", edition.starts_on.format("%Y%m%d")),
        format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
        format!("SUMMARY:{}", escape(&edition.name)),
        format!("LOCATION:{}", escape(&edition.venue)),
        format!("URL:{url}"),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines.iter().map(|l| fold(l)).collect()
}

/// TEXT values escape backslash, semicolon, comma and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines longer than 75 octets continue on the next line after a space (never inside a
/// UTF-8 character); every line ends with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn edition(name: &str) -> Edition {
        let day = NaiveDate::from_ymd_opt(2027, 5, 6).expect("date");
        Edition {
            id: "e1".into(),
            slug: "devday-2027".into(),
            name: name.into(),
            starts_on: day,
            ends_on: day.succ_opt().expect("date"),
            timezone: "Europe/Berlin".into(),
            venue: "Dresden, Hörsaalzentrum; Saal 1".into(),
            cfp_opens_at: None,
            cfp_closes_at: None,
            registration_opens_at: None,
            registration_closes_at: None,
            archived_at: None,
            created_at: day.and_hms_opt(9, 0, 0).expect("time"),
            description_md: String::new(),
            description_de_md: String::new(),
            format: Default::default(),
            streams_public: true,
        }
    }

    #[test]
    fn an_all_day_event_over_the_edition_with_escaped_text() {
        let ics = conference(
            &edition("DevDay 2027"),
            "https://devday.example/devday-2027/",
        );
        assert!(ics.contains("DTSTART;VALUE=DATE:20270506\r\n"));
        assert!(
            ics.contains("DTEND;VALUE=DATE:20270508\r\n"),
            "end is exclusive"
        );
        assert!(ics.contains("LOCATION:Dresden\\, Hörsaalzentrum\\; Saal 1\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let ics = conference(&edition(&"Ü".repeat(60)), "https://x/");
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}\r\n", "Ü".repeat(60))));
    }
}
