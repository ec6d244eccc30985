//! Conflicts in a timetable, found from its placements alone (no database), so the editor,
//! the release check and the tests share one definition. Hard conflicts block a release;
//! warnings are shown and acknowledged.

use crate::model::RoomId;
use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;
use utoipa::ToSchema;

use crate::draft::Session;
use crate::model::{Break, Placement, Room};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Hard,
    Warning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Two sessions in one room at once (a session spanning all rooms counts in each).
    RoomDoubleBooked,
    /// A speaker in two sessions at once.
    SpeakerDoubleBooked,
    /// A speaker with less than the change time between sessions in different rooms.
    SpeakerNoTimeToChange,
    /// A speaker who gave availability windows, none of which holds the session.
    SpeakerUnavailable,
    /// A session overlapping a break.
    CrossesBreak,
    /// More registered attendees want the session than its room holds.
    RoomTooSmall,
}

impl Kind {
    pub fn severity(self) -> Severity {
        match self {
            Kind::SpeakerNoTimeToChange | Kind::RoomTooSmall => Severity::Warning,
            _ => Severity::Hard,
        }
    }

    /// The message id (`schedule-conflict-…`) that explains it.
    pub fn message_id(self) -> &'static str {
        match self {
            Kind::RoomDoubleBooked => "schedule-conflict-room",
            Kind::SpeakerDoubleBooked => "schedule-conflict-speaker",
            Kind::SpeakerNoTimeToChange => "schedule-conflict-change",
            Kind::SpeakerUnavailable => "schedule-conflict-availability",
            Kind::CrossesBreak => "schedule-conflict-break",
            Kind::RoomTooSmall => "schedule-conflict-capacity",
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Conflict {
    pub kind: Kind,
    pub severity: Severity,
    /// The sessions involved (proposal ids).
    pub sessions: Vec<String>,
    /// The room, speaker or break it is about.
    pub subject: String,
}

/// Everything the check needs besides the sessions.
pub struct Context<'a> {
    pub rooms: &'a [Room],
    pub breaks: &'a [Break],
    /// Speakers' availability windows (UTC) by user id; absent means always available.
    pub availability: &'a HashMap<String, Vec<(NaiveDateTime, NaiveDateTime)>>,
    pub change_minutes: i32,
    /// Expected audience by session (registrations that want it); absent means unknown.
    pub audience: &'a HashMap<String, i64>,
}

fn overlaps(a: &Placement, b: &Placement) -> bool {
    a.starts_at < b.ends_at() && b.starts_at < a.ends_at()
}

/// Every conflict among the placed sessions, hard ones first.
pub fn find(sessions: &[Session], ctx: &Context) -> Vec<Conflict> {
    let placed: Vec<(&Session, &Placement)> = sessions
        .iter()
        .filter_map(|s| s.placement.as_ref().map(|p| (s, p)))
        .collect();
    let mut found = Vec::new();
    let mut add = |kind: Kind, sessions: Vec<&str>, subject: &str| {
        found.push(Conflict {
            kind,
            severity: kind.severity(),
            sessions: sessions.into_iter().map(str::to_owned).collect(),
            subject: subject.to_owned(),
        });
    };
    let room_name = |id: &Option<RoomId>| match id {
        Some(id) => ctx
            .rooms
            .iter()
            .find(|r| r.id == id)
            .map_or_else(|| id.to_string(), |r| r.name.clone()),
        None => String::new(),
    };
    for (i, (a, pa)) in placed.iter().enumerate() {
        for (b, pb) in &placed[i + 1..] {
            let same_room =
                pa.room_id.is_none() || pb.room_id.is_none() || pa.room_id == pb.room_id;
            if same_room && overlaps(pa, pb) {
                let room = if pa.room_id.is_some() {
                    &pa.room_id
                } else {
                    &pb.room_id
                };
                add(
                    Kind::RoomDoubleBooked,
                    vec![&a.proposal_id, &b.proposal_id],
                    &room_name(room),
                );
            }
            for speaker in a
                .speakers
                .iter()
                .filter(|s| b.speakers.iter().any(|t| t.user_id == s.user_id))
            {
                let pair = vec![a.proposal_id.as_str(), b.proposal_id.as_str()];
                if overlaps(pa, pb) {
                    add(Kind::SpeakerDoubleBooked, pair, &speaker.name);
                } else if pa.room_id != pb.room_id && pa.room_id.is_some() && pb.room_id.is_some() {
                    let gap = if pa.starts_at < pb.starts_at {
                        pb.starts_at - pa.ends_at()
                    } else {
                        pa.starts_at - pb.ends_at()
                    };
                    if gap < Duration::minutes(i64::from(ctx.change_minutes)) {
                        add(Kind::SpeakerNoTimeToChange, pair, &speaker.name);
                    }
                }
            }
        }
        for speaker in &a.speakers {
            if let Some(windows) = ctx
                .availability
                .get(speaker.user_id.as_str())
                .filter(|w| !w.is_empty())
            {
                if !windows
                    .iter()
                    .any(|(from, to)| *from <= pa.starts_at && pa.ends_at() <= *to)
                {
                    add(
                        Kind::SpeakerUnavailable,
                        vec![&a.proposal_id],
                        &speaker.name,
                    );
                }
            }
        }
        if let (Some(want), Some(room)) = (
            ctx.audience.get(a.proposal_id.as_str()),
            pa.room_id
                .as_ref()
                .and_then(|id| ctx.rooms.iter().find(|r| r.id == id)),
        ) {
            if *want > i64::from(room.capacity) {
                add(Kind::RoomTooSmall, vec![&a.proposal_id], &room.name);
            }
        }
        for pause in ctx.breaks {
            if pa.starts_at < pause.ends_at && pause.starts_at < pa.ends_at() {
                add(Kind::CrossesBreak, vec![&a.proposal_id], &pause.title);
            }
        }
    }
    found.sort_by_key(|c| c.severity != Severity::Hard);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Speaker;

    fn t(h: u32, m: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2027, 5, 12)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    }

    fn session(
        id: &str,
        room: Option<&str>,
        start: NaiveDateTime,
        minutes: i32,
        speakers: &[&str],
    ) -> Session {
        Session {
            proposal_id: id.into(),
            title: id.into(),
            track_id: None,
            language: "en".into(),
            level: "beginner".into(),
            session_type: "Talk".into(),
            session_type_de: "Vortrag".into(),
            default_minutes: minutes,
            speakers: speakers
                .iter()
                .map(|s| Speaker {
                    user_id: (*s).into(),
                    name: s.to_uppercase(),
                })
                .collect(),
            placement: Some(Placement {
                proposal_id: id.into(),
                edition_id: "e".into(),
                room_id: room.map(Into::into),
                starts_at: start,
                duration_minutes: minutes,
                version: 1,
                updated_at: start,
                pinned: false,
            }),
        }
    }

    fn check(
        sessions: &[Session],
        availability: &HashMap<String, Vec<(NaiveDateTime, NaiveDateTime)>>,
    ) -> Vec<(Kind, Vec<String>, String)> {
        let breaks = [Break {
            id: "b".into(),
            edition_id: "e".into(),
            title: "Lunch".into(),
            starts_at: t(12, 0),
            ends_at: t(13, 0),
        }];
        let audience = HashMap::new();
        let ctx = Context {
            rooms: &[],
            breaks: &breaks,
            availability,
            change_minutes: 10,
            audience: &audience,
        };
        find(sessions, &ctx)
            .into_iter()
            .map(|c| (c.kind, c.sessions, c.subject))
            .collect()
    }

    #[test]
    fn a_clean_timetable_has_no_conflicts() {
        let s = [
            session("a", Some("r1"), t(10, 0), 45, &["x"]),
            session("b", Some("r1"), t(10, 45), 45, &["y"]),
            session("c", Some("r2"), t(11, 0), 45, &["x"]),
            session("d", None, t(9, 0), 30, &["z"]),
        ];
        assert!(check(&s, &HashMap::new()).is_empty());
    }

    #[test]
    fn rooms_speakers_breaks_and_availability_are_checked() {
        let s = [
            session("a", Some("r1"), t(10, 0), 45, &["x"]),
            session("b", Some("r1"), t(10, 30), 45, &["y"]),
            session("c", Some("r2"), t(10, 30), 30, &["x"]),
            session("d", Some("r2"), t(11, 50), 30, &["y"]),
            session("e", None, t(9, 0), 75, &["z"]),
        ];
        let mut availability = HashMap::new();
        availability.insert("z".to_owned(), vec![(t(13, 0), t(18, 0))]);
        let found = check(&s, &availability);
        let kinds: Vec<Kind> = found.iter().map(|c| c.0).collect();
        assert!(found
            .iter()
            .any(|c| c.0 == Kind::RoomDoubleBooked && c.1 == ["a", "b"]));
        assert!(found
            .iter()
            .any(|c| c.0 == Kind::SpeakerDoubleBooked && c.1 == ["a", "c"] && c.2 == "X"));
        // "e" spans every room from 9:00 to 10:15: it collides with a (r1) but not c (10:30).
        assert!(found
            .iter()
            .any(|c| c.0 == Kind::RoomDoubleBooked && c.1 == ["a", "e"]));
        assert!(!found
            .iter()
            .any(|c| c.1.contains(&"c".to_owned()) && c.1.contains(&"e".to_owned())));
        assert!(found
            .iter()
            .any(|c| c.0 == Kind::CrossesBreak && c.1 == ["d"] && c.2 == "Lunch"));
        assert!(found
            .iter()
            .any(|c| c.0 == Kind::SpeakerUnavailable && c.1 == ["e"]));
        // b ends 11:15 in r1, d starts 11:50 in r2: 35 minutes is enough to change rooms.
        assert!(!kinds.contains(&Kind::SpeakerNoTimeToChange));
        assert_eq!(found.first().map(|c| c.0.severity()), Some(Severity::Hard));
    }

    #[test]
    fn a_speaker_needs_time_to_change_rooms() {
        let s = [
            session("a", Some("r1"), t(10, 0), 45, &["x"]),
            session("b", Some("r2"), t(10, 50), 30, &["x"]),
            session("c", Some("r1"), t(10, 45), 30, &["y"]),
            session("d", Some("r1"), t(11, 15), 30, &["y"]),
        ];
        let found = check(&s, &HashMap::new());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Kind::SpeakerNoTimeToChange);
        assert_eq!(found[0].0.severity(), Severity::Warning);
    }
}

#[cfg(test)]
mod capacity_tests {
    use super::*;

    #[test]
    fn a_room_too_small_for_its_audience_is_a_warning() {
        let start = chrono::NaiveDate::from_ymd_opt(2027, 5, 12)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap_or_default();
        let sessions = [Session {
            proposal_id: "a".into(),
            title: "A".into(),
            track_id: None,
            language: "en".into(),
            level: "beginner".into(),
            session_type: "Talk".into(),
            session_type_de: "Vortrag".into(),
            default_minutes: 45,
            speakers: Vec::new(),
            placement: Some(Placement {
                proposal_id: "a".into(),
                edition_id: "e".into(),
                room_id: Some("r1".into()),
                starts_at: start,
                duration_minutes: 45,
                version: 1,
                updated_at: start,
                pinned: false,
            }),
        }];
        let rooms = [Room {
            id: "r1".into(),
            edition_id: "e".into(),
            name: "Small".into(),
            capacity: 50,
            position: 0,
            stream_url: String::new(),
        }];
        let nobody_away = HashMap::new();
        let check = |audience: &HashMap<String, i64>| {
            let ctx = Context {
                rooms: &rooms,
                breaks: &[],
                availability: &nobody_away,
                change_minutes: 5,
                audience,
            };
            find(&sessions, &ctx)
        };
        let mut audience = HashMap::new();
        audience.insert("a".to_owned(), 50);
        assert!(check(&audience).is_empty(), "exactly full is fine");
        audience.insert("a".to_owned(), 51);
        let found = check(&audience);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].kind, found[0].severity, found[0].subject.as_str()),
            (Kind::RoomTooSmall, Severity::Warning, "Small")
        );
    }
}
