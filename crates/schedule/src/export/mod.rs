//! Exports of a released version: frab's schedule.xml, c3voc's schedule.json and
//! iCalendar. The XML and JSON share one model ([`Conference`]) with every value already
//! in the formats' shapes (times with the zone's offset, `HH:MM` durations, slugs that
//! pass both schemas).

pub mod c3voc;
pub mod frab;
pub mod ical;

use chrono::{Duration, NaiveDateTime, SecondsFormat, TimeZone};
use devday_shared::editions::Edition;

use crate::published::Published;
use crate::snapshot::{stable_number, SnapSession};

pub struct Conference {
    /// Lowercase letters, digits and `_`, at least 4 (both schemas' acronym patterns).
    pub acronym: String,
    pub title: String,
    pub start: String,
    pub end: String,
    pub time_zone: String,
    pub version: String,
    /// The edition's public page, ending in `/`.
    pub url: String,
    pub base_url: String,
    pub tracks: Vec<Track>,
    pub rooms: Vec<Room>,
    pub days: Vec<Day>,
}

pub struct Track {
    pub name: String,
    pub slug: String,
    /// `#rrggbb`, or `None` if the stored colour is not in that form.
    pub color: Option<String>,
}

pub struct Room {
    pub name: String,
    pub guid: String,
    pub slug: String,
    pub capacity: i32,
}

pub struct Day {
    pub index: usize,
    pub date: String,
    pub start: String,
    pub end: String,
    /// Rooms in order with their events by start; every room, empty ones too.
    pub rooms: Vec<(usize, Vec<Event>)>,
}

pub struct Event {
    pub guid: String,
    pub id: u32,
    pub room: String,
    pub title: String,
    pub kind: String,
    pub date: String,
    pub end: String,
    pub start: String,
    pub duration: String,
    pub slug: String,
    pub track: String,
    pub language: String,
    pub abstract_text: String,
    pub description: String,
    pub url: String,
    pub persons: Vec<Person>,
    /// The speaker refused recording: frab's optout, c3voc's do_not_record.
    pub do_not_record: bool,
    /// The licence recordings are published under; empty unless recorded and stated.
    pub license: String,
    /// Where attendees give feedback on the session.
    pub feedback_url: String,
    /// The published recording, once there is one.
    pub recording_url: Option<String>,
}

pub struct Person {
    pub id: u32,
    pub guid: String,
    pub name: String,
    pub biography: String,
}

/// Lowercase ASCII letters and digits, other runs as one `-`, none at either end. Letters
/// with marks are written as a German or French reader would type them ("Zustände" →
/// "zustaende", "Café" → "cafe") rather than dropped.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = ascii_of(c);
        if !plain.is_empty() {
            out.push_str(plain);
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-')
        .chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

/// The ASCII spelling of a lowercase letter with a mark; empty for anything else.
fn ascii_of(c: char) -> &'static str {
    match c {
        'ä' | 'æ' => "ae",
        'ö' | 'œ' => "oe",
        'ü' => "ue",
        'ß' => "ss",
        'à' | 'á' | 'â' | 'ã' | 'å' => "a",
        'ç' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' => "o",
        'ù' | 'ú' | 'û' => "u",
        'ý' | 'ÿ' => "y",
        'ł' => "l",
        'š' => "s",
        'ž' => "z",
        _ => "",
    }
}

fn acronym(slug: &str) -> String {
    let mut a: String = slug
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    while a.len() < 4 {
        a.push('_');
    }
    // JSON's pattern wants the last character to be a letter or digit in event slugs; the
    // acronym itself may end in `_`.
    a
}

fn hhmm(minutes: i32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The conference of a release in the exports' shapes. `base_url` has no trailing `/`.
pub fn conference(p: &Published, base_url: &str) -> Conference {
    let edition: &Edition = &p.edition;
    let snap = &p.snapshot;
    let stamp = |t: NaiveDateTime| edition.local(t).to_rfc3339_opts(SecondsFormat::Secs, false);
    let acronym = acronym(&edition.slug);
    let url = format!("{base_url}/{}/", edition.slug);
    let tracks: Vec<Track> = snap
        .tracks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let slug = slugify(&t.name);
            Track {
                name: t.name.clone(),
                slug: if slug.len() >= 2 && slug.starts_with(|c: char| c.is_ascii_lowercase()) {
                    slug
                } else {
                    format!("track-{}", i + 1)
                },
                color: t.hex_colour().map(str::to_lowercase),
            }
        })
        .collect();
    let rooms: Vec<Room> = snap
        .rooms
        .iter()
        .enumerate()
        .map(|(i, r)| Room {
            name: r.name.clone(),
            guid: r.id.to_string(),
            slug: match slugify(&r.name) {
                s if s.is_empty() => format!("room-{}", i + 1),
                s => s,
            },
            capacity: r.capacity,
        })
        .collect();
    let event = |s: &SnapSession, room: &str| {
        let id = stable_number(&s.guid).max(1);
        let title = slugify(&s.title);
        let slug = if title.is_empty() {
            format!("{acronym}-{id:04}")
        } else {
            format!("{acronym}-{id:04}-{title}")
        };
        Event {
            guid: s.guid.clone(),
            id,
            room: room.to_owned(),
            title: s.title.clone(),
            kind: s.session_type.to_lowercase(),
            date: stamp(s.starts_at),
            end: stamp(s.ends_at()),
            start: edition.local(s.starts_at).format("%H:%M").to_string(),
            duration: hhmm(s.duration_minutes),
            slug,
            track: s
                .track_id
                .as_ref()
                .and_then(|t| snap.tracks.iter().find(|x| &x.id == t))
                .map(|t| t.name.clone())
                .unwrap_or_default(),
            language: s.language.clone(),
            abstract_text: s.abstract_md.clone(),
            description: s.description_md.clone(),
            url: format!("{base_url}/{}/schedule/sessions/{}", edition.slug, s.guid),
            feedback_url: format!(
                "{base_url}/{}/schedule/sessions/{}/feedback",
                edition.slug, s.guid
            ),
            recording_url: p.recordings.get(&s.guid).cloned(),
            persons: s
                .speakers
                .iter()
                .map(|sp| Person {
                    id: stable_number(&sp.id).max(1),
                    guid: sp.id.clone(),
                    name: sp.name.clone(),
                    biography: sp.biography_md.clone(),
                })
                .collect(),
            do_not_record: s.do_not_record,
            license: if s.do_not_record {
                String::new()
            } else {
                snap.recording_license.clone()
            },
        }
    };
    // Every conference day, with sessions or not: readers count them (`days`).
    let days: Vec<Day> = crate::grid::days(edition)
        .into_iter()
        .enumerate()
        .map(|(i, date)| {
            let on_day: Vec<&SnapSession> = snap
                .sessions
                .iter()
                .filter(|s| edition.local(s.starts_at).date_naive() == date)
                .collect();
            // A day without sessions spans the whole day.
            let midnight = edition
                .tz()
                .from_local_datetime(&date.and_time(chrono::NaiveTime::MIN))
                .earliest()
                .map(|t| t.naive_utc())
                .unwrap_or_default();
            let first = on_day.iter().map(|s| s.starts_at).min().unwrap_or(midnight);
            let last = on_day
                .iter()
                .map(|s| s.ends_at())
                .max()
                .unwrap_or(midnight + Duration::hours(24) - Duration::minutes(1));
            Day {
                index: i + 1,
                date: date.format("%Y-%m-%d").to_string(),
                start: stamp(first),
                end: stamp(last),
                rooms: snap
                    .rooms
                    .iter()
                    .enumerate()
                    .map(|(r, room)| {
                        // Sessions for every room are listed under the first room.
                        let events = on_day
                            .iter()
                            .filter(|s| match &s.room_id {
                                Some(id) => *id == room.id,
                                None => r == 0,
                            })
                            .map(|s| event(s, &room.name))
                            .collect();
                        (r, events)
                    })
                    .collect(),
            }
        })
        .collect();
    let all_days = crate::grid::days(edition);
    Conference {
        title: edition.name.clone(),
        start: all_days.first().map(|d| d.to_string()).unwrap_or_default(),
        end: all_days.last().map(|d| d.to_string()).unwrap_or_default(),
        time_zone: edition.timezone.clone(),
        version: format!("{} ({})", p.release.number, p.release.name),
        url,
        base_url: format!("{base_url}/{}/", edition.slug),
        acronym,
        tracks,
        rooms,
        days,
    }
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_spell_marked_letters_out() {
        assert_eq!(slugify("Zustände als Typen"), "zustaende-als-typen");
        assert_eq!(slugify("Große Café-Pause!"), "grosse-cafe-pause");
        assert_eq!(slugify("  Rust & <Async>  "), "rust-async");
        assert_eq!(slugify("日本語"), "");
    }
}
