//! frab's schedule.xml (valid against c3voc's schedule.xml.xsd), read by Giggity,
//! EventFahrplan, pyfahrplan and the c3voc video tooling.

use std::fmt::Write;

use super::Conference;

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters other than tab and line breaks are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

pub fn render(c: &Conference, self_url: &str) -> String {
    let mut x = String::with_capacity(16 * 1024);
    // `write!` into a String cannot fail.
    let _ = writeln!(x, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(x, "<schedule>");
    let _ = writeln!(
        x,
        r#"  <generator name="devday" version="{}"/>"#,
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(x, "  <url>{}</url>", esc(self_url));
    let _ = writeln!(x, "  <version>{}</version>", esc(&c.version));
    let _ = writeln!(x, "  <conference>");
    let _ = writeln!(x, "    <acronym>{}</acronym>", esc(&c.acronym));
    let _ = writeln!(x, "    <title>{}</title>", esc(&c.title));
    let _ = writeln!(x, "    <start>{}</start>", c.start);
    let _ = writeln!(x, "    <end>{}</end>", c.end);
    let _ = writeln!(x, "    <days>{}</days>", c.days.len());
    let _ = writeln!(x, "    <timeslot_duration>00:05</timeslot_duration>");
    let _ = writeln!(x, "    <base_url>{}</base_url>", esc(&c.base_url));
    let _ = writeln!(x, "    <url>{}</url>", esc(&c.url));
    let _ = writeln!(
        x,
        "    <time_zone_name>{}</time_zone_name>",
        esc(&c.time_zone)
    );
    for t in &c.tracks {
        let color = t
            .color
            .as_ref()
            .map(|c| format!(r#" color="{c}""#))
            .unwrap_or_default();
        let _ = writeln!(
            x,
            r#"    <track name="{}" slug="{}"{color}/>"#,
            esc(&t.name),
            t.slug
        );
    }
    let _ = writeln!(x, "  </conference>");
    for day in &c.days {
        let _ = writeln!(
            x,
            r#"  <day index="{}" date="{}" start="{}" end="{}">"#,
            day.index, day.date, day.start, day.end
        );
        for (r, events) in &day.rooms {
            let room = &c.rooms[*r];
            let _ = writeln!(
                x,
                r#"    <room name="{}" guid="{}">"#,
                esc(&room.name),
                room.guid
            );
            for e in events {
                let _ = writeln!(x, r#"      <event guid="{}" id="{}">"#, e.guid, e.id);
                let none = String::new();
                let text = [
                    ("room", &e.room),
                    ("title", &e.title),
                    // Readers such as pretalx's importer expect it, empty or not.
                    ("subtitle", &none),
                    ("type", &e.kind),
                    ("date", &e.date),
                    ("start", &e.start),
                    ("duration", &e.duration),
                    ("abstract", &e.abstract_text),
                    ("slug", &e.slug),
                    ("track", &e.track),
                    ("language", &e.language),
                    ("description", &e.description),
                    ("url", &e.url),
                    ("feedback_url", &e.feedback_url),
                ];
                for (name, value) in text {
                    let _ = writeln!(x, "        <{name}>{}</{name}>", esc(value));
                }
                let _ = writeln!(x, "        <persons>");
                for p in &e.persons {
                    let _ = writeln!(
                        x,
                        r#"          <person id="{}" guid="{}">{}</person>"#,
                        p.id,
                        p.guid,
                        esc(&p.name)
                    );
                }
                let _ = writeln!(x, "        </persons>");
                let _ = writeln!(
                    x,
                    "        <recording><license>{}</license><optout>{}</optout></recording>",
                    esc(&e.license),
                    e.do_not_record
                );
                match &e.recording_url {
                    Some(url) => {
                        let _ = writeln!(
                            x,
                            r#"        <links><link href="{}" type="media">Recording</link></links>"#,
                            esc(url)
                        );
                    }
                    None => {
                        let _ = writeln!(x, "        <links/>");
                    }
                }
                let _ = writeln!(x, "        <attachments/>");
                let _ = writeln!(x, "      </event>");
            }
            let _ = writeln!(x, "    </room>");
        }
        let _ = writeln!(x, "  </day>");
    }
    let _ = writeln!(x, "</schedule>");
    x
}
