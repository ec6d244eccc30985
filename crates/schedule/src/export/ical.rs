//! The timetable as iCalendar (RFC 5545): times in the edition's timezone with its
//! VTIMEZONE, a UID per session that survives releases, SEQUENCE counting its moves.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{OffsetComponents, Tz};
use devday_shared::editions::ical::{escape, fold};
use devday_shared::editions::Edition;

use crate::release::Release;
use crate::snapshot::{SnapSession, Snapshot};
use crate::view::room_name;

/// A calendar called `name` of `sessions` (all of a release, one, or someone's own
/// programme).
pub fn calendar(
    name: &str,
    edition: &Edition,
    release: &Release,
    snap: &Snapshot,
    sessions: &[&SnapSession],
    base_url: &str,
) -> String {
    let tz = edition.tz();
    let mut lines = head(name);
    lines.push(format!("X-WR-TIMEZONE:{}", tz.name()));
    lines.extend(vtimezone(tz, edition.starts_on.year()));
    let local = |t: NaiveDateTime| edition.local(t).format("%Y%m%dT%H%M%S").to_string();
    for s in sessions {
        let speakers: Vec<&str> = s.speakers.iter().map(|p| p.name.as_str()).collect();
        let mut description = s.abstract_md.clone();
        if !speakers.is_empty() {
            description = format!("{}\n\n{description}", speakers.join(", "));
        }
        let room = room_name(snap, s.room_id.as_deref());
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}@devday", s.guid),
            format!("DTSTAMP:{}", release.released_at.format("%Y%m%dT%H%M%SZ")),
            format!("SEQUENCE:{}", s.sequence),
            format!("DTSTART;TZID={}:{}", tz.name(), local(s.starts_at)),
            format!("DTEND;TZID={}:{}", tz.name(), local(s.ends_at())),
            format!("SUMMARY:{}", escape(&s.title)),
            format!("DESCRIPTION:{}", escape(&description)),
            format!("LOCATION:{}", escape(&room)),
            format!(
                "URL:{base_url}/{}/schedule/sessions/{}",
                edition.slug, s.guid
            ),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

/// A calendar called `name` with nothing in it yet: a feed subscribed before the first
/// release fills itself on the next look.
pub fn empty(name: &str) -> String {
    let mut lines = head(name);
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

/// What every calendar starts with. Subscribed calendars look again hourly, so a release
/// reaches them the same day.
fn head(name: &str) -> Vec<String> {
    vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//devday//schedule//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!("X-WR-CALNAME:{}", escape(name)),
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H".to_owned(),
        "X-PUBLISHED-TTL:PT1H".to_owned(),
    ]
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// The zone's rules in `year`: the offset on 1 January and every change during the year,
/// found hour by hour (no RRULE: the events are all in this year).
pub fn vtimezone(tz: Tz, year: i32) -> Vec<String> {
    let Some(start) = NaiveDate::from_ymd_opt(year, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0))
    else {
        return Vec::new();
    };
    let at = |t: NaiveDateTime| tz.offset_from_utc_datetime(&t);
    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", tz.name())];
    let mut component = |utc: NaiveDateTime, before: i32| {
        let offset = at(utc);
        let after = offset.fix().local_minus_utc();
        let kind = if offset.dst_offset().is_zero() {
            "STANDARD"
        } else {
            "DAYLIGHT"
        };
        let wall = utc + Duration::seconds(i64::from(before));
        lines.extend([
            format!("BEGIN:{kind}"),
            format!("DTSTART:{}", wall.format("%Y%m%dT%H%M%S")),
            format!("TZOFFSETFROM:{}", offset_text(before)),
            format!("TZOFFSETTO:{}", offset_text(after)),
            format!("TZNAME:{offset}"),
            format!("END:{kind}"),
        ]);
    };
    let first = at(start).fix().local_minus_utc();
    component(start - Duration::seconds(i64::from(first)), first);
    let mut previous = first;
    let mut t = start;
    while t.year() == year {
        let next = t + Duration::hours(1);
        let offset = at(next).fix().local_minus_utc();
        if offset != previous {
            // The change lies within this hour: find its minute.
            let mut m = t;
            while at(m).fix().local_minus_utc() == previous {
                m += Duration::minutes(1);
            }
            component(m, previous);
            previous = offset;
        }
        t = next;
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn berlin_has_its_two_changes_in_2027() {
        let lines = vtimezone(chrono_tz::Europe::Berlin, 2027).join("\n");
        assert!(lines.contains("BEGIN:DAYLIGHT\nDTSTART:20270328T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST"), "{lines}");
        assert!(lines.contains("BEGIN:STANDARD\nDTSTART:20271031T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET"), "{lines}");
        assert_eq!(lines.matches("BEGIN:STANDARD").count(), 2);
    }

    #[test]
    fn a_zone_without_changes_has_one_component() {
        let lines = vtimezone(chrono_tz::Asia::Tokyo, 2027).join("\n");
        assert_eq!(lines.matches("BEGIN:STANDARD").count(), 1, "{lines}");
        assert!(lines.contains("TZOFFSETTO:+0900"));
    }
}
