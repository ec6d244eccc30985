//! The neutral exchange format (`confsched-instance/1` in, `confsched-solution/1` out) of
//! `devday schedule-solve`, shared with other schedulers and their checker.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::problem::{Problem, Slot, Talk};

#[derive(Debug, Deserialize)]
pub struct Instance {
    pub name: String,
    pub rooms: Vec<InRoom>,
    pub slots: Vec<InSlot>,
    pub speakers: Vec<InSpeaker>,
    pub talks: Vec<InTalk>,
    #[serde(default)]
    pub attendees: Vec<InAttendee>,
}

#[derive(Debug, Deserialize)]
pub struct InRoom {
    pub id: String,
    pub capacity: i64,
}

#[derive(Debug, Deserialize)]
pub struct InSlot {
    pub id: String,
    pub room: String,
    pub start: String,
    pub duration: i64,
}

#[derive(Debug, Deserialize)]
pub struct InSpeaker {
    pub id: String,
    #[serde(default)]
    pub unavailable: Vec<Window>,
}

#[derive(Debug, Deserialize)]
pub struct Window {
    pub start: String,
    pub end: String,
}

#[derive(Debug, Deserialize)]
pub struct InTalk {
    pub id: String,
    pub duration: i64,
    pub speakers: Vec<String>,
    #[serde(default)]
    pub demand: i64,
    #[serde(default)]
    pub track: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct InAttendee {
    pub favourites: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    #[error("bad time {0:?}: expected YYYY-MM-DDTHH:MM")]
    Time(String),
    #[error("{kind} {id:?} is not defined")]
    Unknown { kind: &'static str, id: String },
}

fn minutes(text: &str) -> Result<i64, FormatError> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .map(|t| t.and_utc().timestamp() / 60)
        .map_err(|_| FormatError::Time(text.to_owned()))
}

fn index<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<&'a str, usize> {
    ids.enumerate().map(|(i, id)| (id.as_str(), i)).collect()
}

/// Reads an instance into a problem; talks, slots and rooms keep the instance's order.
pub fn read(json: &str) -> Result<(Instance, Problem), FormatError> {
    let inst: Instance = serde_json::from_str(json)?;
    let rooms = index(inst.rooms.iter().map(|r| &r.id));
    let speakers = index(inst.speakers.iter().map(|s| &s.id));
    let talks = index(inst.talks.iter().map(|t| &t.id));
    let unknown = |kind: &'static str, id: &str| FormatError::Unknown {
        kind,
        id: id.to_owned(),
    };
    let mut slots = Vec::with_capacity(inst.slots.len());
    for s in &inst.slots {
        slots.push(Slot {
            room: *rooms
                .get(s.room.as_str())
                .ok_or_else(|| unknown("room", &s.room))?,
            start: minutes(&s.start)?,
            minutes: s.duration,
        });
    }
    let mut problem_talks = Vec::with_capacity(inst.talks.len());
    let mut tracks: HashMap<String, usize> = HashMap::new();
    for t in &inst.talks {
        let mut who = Vec::new();
        for s in &t.speakers {
            who.push(
                *speakers
                    .get(s.as_str())
                    .ok_or_else(|| unknown("speaker", s))?,
            );
        }
        problem_talks.push(Talk {
            minutes: t.duration,
            speakers: who,
            demand: t.demand,
            pinned: None,
            track: t.track.as_ref().map(|name| {
                let next = tracks.len();
                *tracks.entry(name.clone()).or_insert(next)
            }),
        });
    }
    let mut unavailable = Vec::with_capacity(inst.speakers.len());
    for s in &inst.speakers {
        let mut windows = Vec::new();
        for w in &s.unavailable {
            windows.push((minutes(&w.start)?, minutes(&w.end)?));
        }
        unavailable.push(windows);
    }
    let mut favourites = Vec::with_capacity(inst.attendees.len());
    for a in &inst.attendees {
        let mut list = Vec::new();
        for f in &a.favourites {
            list.push(*talks.get(f.as_str()).ok_or_else(|| unknown("talk", f))?);
        }
        favourites.push(list);
    }
    let problem = Problem {
        capacities: inst.rooms.iter().map(|r| r.capacity).collect(),
        together: Problem::weights_from_favourites(problem_talks.len(), &favourites),
        slots,
        talks: problem_talks,
        unavailable,
    };
    Ok((inst, problem))
}

#[derive(Debug, Serialize)]
pub struct Solution<'a> {
    pub format: &'static str,
    pub instance: &'a str,
    pub solver: String,
    pub assignments: BTreeMap<&'a str, Assignment<'a>>,
}

#[derive(Debug, Serialize)]
pub struct Assignment<'a> {
    pub room: &'a str,
    pub start: &'a str,
    pub slot: &'a str,
}

/// The solution for `slot_of` (a slot index per talk).
pub fn write<'a>(inst: &'a Instance, slot_of: &[usize], solver: String) -> Solution<'a> {
    Solution {
        format: "confsched-solution/1",
        instance: &inst.name,
        solver,
        assignments: inst
            .talks
            .iter()
            .zip(slot_of)
            .map(|(t, &s)| {
                let slot = &inst.slots[s];
                (
                    t.id.as_str(),
                    Assignment {
                        room: &slot.room,
                        start: &slot.start,
                        slot: &slot.id,
                    },
                )
            })
            .collect(),
    }
}
