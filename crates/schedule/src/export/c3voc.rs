//! c3voc's schedule.json (valid against its JSON schema), the JSON twin of schedule.xml.

use serde_json::{json, Map, Value};

use super::Conference;

pub fn render(c: &Conference) -> String {
    let rooms: Vec<Value> = c
        .rooms
        .iter()
        .map(|r| json!({"name": r.name, "guid": r.guid, "slug": r.slug, "capacity": r.capacity}))
        .collect();
    let tracks: Vec<Value> = c
        .tracks
        .iter()
        .map(|t| match &t.color {
            Some(color) => json!({"name": t.name, "slug": t.slug, "color": color}),
            None => json!({"name": t.name, "slug": t.slug}),
        })
        .collect();
    let days: Vec<Value> = c
        .days
        .iter()
        .map(|d| {
            let mut by_room = Map::new();
            for (r, events) in &d.rooms {
                let events: Vec<Value> = events
                    .iter()
                    .map(|e| {
                        json!({
                            "guid": e.guid, "id": e.id, "date": e.date, "start": e.start,
                            "end": e.end, "duration": e.duration, "room": e.room, "slug": e.slug,
                            "url": e.url, "title": e.title, "subtitle": "", "track": e.track,
                            "type": e.kind, "language": e.language, "abstract": e.abstract_text,
                            "description": e.description, "recording_license": e.license,
                            "do_not_record": e.do_not_record,
                            "persons": e.persons.iter().map(|p| json!({
                                "id": p.id, "guid": p.guid, "name": p.name, "biography": p.biography,
                            })).collect::<Vec<_>>(),
                            "links": e.recording_url.iter().map(|url| json!({
                                "type": "media", "url": url, "title": "Recording",
                            })).collect::<Vec<_>>(),
                            "attachments": [], "feedback_url": e.feedback_url,
                        })
                    })
                    .collect();
                by_room.insert(c.rooms[*r].name.clone(), Value::Array(events));
            }
            json!({
                "index": d.index, "date": d.date, "day_start": d.start, "day_end": d.end,
                "rooms": by_room,
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": "devday", "version": env!("CARGO_PKG_VERSION")},
        "schedule": {
            "version": c.version,
            "base_url": c.base_url,
            "conference": {
                "acronym": c.acronym, "title": c.title, "start": c.start, "end": c.end,
                "daysCount": c.days.len(), "timeslot_duration": "00:05",
                "time_zone_name": c.time_zone, "url": c.url,
                "tracks": tracks, "rooms": rooms, "days": days,
            },
        },
    });
    doc.to_string()
}
