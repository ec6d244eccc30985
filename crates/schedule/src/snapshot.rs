//! What a release freezes: the public timetable with everything its pages and exports
//! show, so the public never sees the draft and old versions stay as they were.

use crate::model::RoomId;
use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Snapshot {
    pub rooms: Vec<SnapRoom>,
    pub tracks: Vec<SnapTrack>,
    pub breaks: Vec<SnapBreak>,
    /// By start, then room order.
    pub sessions: Vec<SnapSession>,
    /// What changed against the release before (empty for the first).
    pub changes: Vec<Change>,
    /// What recordings are published under, as the CfP settings said at the release;
    /// empty in releases from before (and when none is stated).
    #[serde(default)]
    pub recording_license: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SnapRoom {
    pub id: RoomId,
    pub name: String,
    pub capacity: i32,
    pub stream_url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SnapTrack {
    pub id: devday_cfp::model::TrackId,
    pub name: String,
    /// German name; empty in releases from before names had two languages.
    #[serde(default)]
    pub name_de: String,
    pub colour: String,
}

impl SnapTrack {
    /// The colour if it is `#rrggbb`, the only form the exports and the CSS take.
    pub fn hex_colour(&self) -> Option<&str> {
        let c = self.colour.as_str();
        (c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|x| x.is_ascii_hexdigit()))
            .then_some(c)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SnapBreak {
    pub title: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SnapSpeaker {
    pub id: String,
    pub name: String,
    pub company: String,
    pub biography_md: String,
    pub has_photo: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SnapSession {
    /// Stable across releases: the proposal's id, not the slot's.
    pub guid: String,
    pub title: String,
    pub abstract_md: String,
    pub description_md: String,
    pub track_id: Option<String>,
    pub session_type: String,
    /// German name of the session type; empty in releases from before.
    #[serde(default)]
    pub session_type_de: String,
    pub language: String,
    pub level: String,
    /// `None`: in every room.
    pub room_id: Option<RoomId>,
    /// UTC.
    pub starts_at: NaiveDateTime,
    pub duration_minutes: i32,
    pub speakers: Vec<SnapSpeaker>,
    /// Times it moved in a release: iCalendar's SEQUENCE.
    pub sequence: i32,
    /// A speaker said, when confirming, that it may not be recorded (the exports' optout);
    /// `false` in releases from before devday asked.
    #[serde(default)]
    pub do_not_record: bool,
}

impl Snapshot {
    /// The same rooms, tracks and breaks without sessions: what a first release is
    /// compared against.
    pub fn empty_like(other: &Snapshot) -> Snapshot {
        Snapshot {
            rooms: other.rooms.clone(),
            tracks: other.tracks.clone(),
            breaks: other.breaks.clone(),
            sessions: Vec::new(),
            changes: Vec::new(),
            recording_license: other.recording_license.clone(),
        }
    }
}

impl SnapSession {
    pub fn ends_at(&self) -> NaiveDateTime {
        self.starts_at + Duration::minutes(i64::from(self.duration_minutes))
    }

    /// A small stable number for formats that want integer ids (frab's event id).
    pub fn number(&self) -> u32 {
        stable_number(&self.guid)
    }
}

/// The first 28 bits of a UUID (or any hex-led id) as a positive number.
pub fn stable_number(id: &str) -> u32 {
    let hex: String = id.chars().filter(char::is_ascii_hexdigit).take(7).collect();
    u32::from_str_radix(&hex, 16).unwrap_or(0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Moved,
    Cancelled,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Change {
    pub kind: ChangeKind,
    pub guid: String,
    pub title: String,
    /// Where it was (moved, cancelled): room id (`None`: all rooms) and start.
    pub from: Option<Slot>,
    /// Where it is now (added, moved).
    pub to: Option<Slot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Slot {
    pub room_id: Option<RoomId>,
    pub starts_at: NaiveDateTime,
    pub duration_minutes: i32,
}

impl From<&SnapSession> for Slot {
    fn from(s: &SnapSession) -> Self {
        Slot {
            room_id: s.room_id.clone(),
            starts_at: s.starts_at,
            duration_minutes: s.duration_minutes,
        }
    }
}

/// Added, moved (room, start or length) and cancelled sessions from `before` to `after`;
/// bumps the sequence of moved sessions in `after`.
pub fn diff(before: Option<&Snapshot>, after: &mut Snapshot) -> Vec<Change> {
    let Some(before) = before else {
        return Vec::new();
    };
    let old: HashMap<&str, &SnapSession> = before
        .sessions
        .iter()
        .map(|s| (s.guid.as_str(), s))
        .collect();
    let mut changes = Vec::new();
    for session in &mut after.sessions {
        match old.get(session.guid.as_str()) {
            None => changes.push(Change {
                kind: ChangeKind::Added,
                guid: session.guid.clone(),
                title: session.title.clone(),
                from: None,
                to: Some(Slot::from(&*session)),
            }),
            Some(was) => {
                session.sequence = was.sequence;
                let (from, to) = (Slot::from(*was), Slot::from(&*session));
                if from != to {
                    session.sequence += 1;
                    changes.push(Change {
                        kind: ChangeKind::Moved,
                        guid: session.guid.clone(),
                        title: session.title.clone(),
                        from: Some(from),
                        to: Some(to),
                    });
                }
            }
        }
    }
    for gone in before
        .sessions
        .iter()
        .filter(|s| !after.sessions.iter().any(|n| n.guid == s.guid))
    {
        changes.push(Change {
            kind: ChangeKind::Cancelled,
            guid: gone.guid.clone(),
            title: gone.title.clone(),
            from: Some(Slot::from(gone)),
            to: None,
        });
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(guid: &str, room: &str, hour: u32) -> SnapSession {
        SnapSession {
            guid: guid.into(),
            title: guid.to_uppercase(),
            abstract_md: String::new(),
            description_md: String::new(),
            track_id: None,
            session_type: "Talk".into(),
            session_type_de: "Vortrag".into(),
            language: "en".into(),
            level: "beginner".into(),
            room_id: Some(room.into()),
            starts_at: chrono::NaiveDate::from_ymd_opt(2027, 5, 12)
                .and_then(|d| d.and_hms_opt(hour, 0, 0))
                .unwrap_or_default(),
            duration_minutes: 45,
            speakers: Vec::new(),
            sequence: 0,
            do_not_record: false,
        }
    }

    fn snapshot(sessions: Vec<SnapSession>) -> Snapshot {
        Snapshot {
            rooms: vec![],
            tracks: vec![],
            breaks: vec![],
            sessions,
            changes: vec![],
            recording_license: String::new(),
        }
    }

    #[test]
    fn changes_between_releases_and_sequences() {
        let mut v1 = snapshot(vec![session("a", "r1", 10), session("b", "r1", 11)]);
        assert!(diff(None, &mut v1).is_empty());
        let mut v2 = snapshot(vec![session("a", "r2", 10), session("c", "r1", 11)]);
        let changes = diff(Some(&v1), &mut v2);
        let kinds: Vec<(ChangeKind, &str)> =
            changes.iter().map(|c| (c.kind, c.guid.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (ChangeKind::Moved, "a"),
                (ChangeKind::Added, "c"),
                (ChangeKind::Cancelled, "b")
            ]
        );
        assert_eq!(v2.sessions[0].sequence, 1);
        assert_eq!(v2.sessions[1].sequence, 0);
        // Unchanged in the next release: the sequence stays.
        let mut v3 = v2.clone();
        assert!(diff(Some(&v2), &mut v3).is_empty());
        assert_eq!(v3.sessions[0].sequence, 1);
    }

    #[test]
    fn stable_numbers_come_from_the_guid() {
        assert_eq!(stable_number("0000001f-aaaa"), 1);
        assert_eq!(stable_number("abcdef12-0000"), 0x0abc_def1);
    }
}
