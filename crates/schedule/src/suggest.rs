//! The optimiser in the editor: the draft as an optimiser problem (slots on the grid
//! between breaks, speakers' availability, expected audiences and favourite pairs), a
//! search in the background with progress and a stop button, and the proposal shown as
//! changes to accept or discard. It only ever writes the draft.

use crate::model::RoomId;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::ProposalId;
use devday_shared::vocabulary::UserId;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::{NaiveDateTime, TimeZone};
use devday_db::schema::{
    review_scores::dsl as rs, reviews::dsl as rv, speaker_availability::dsl as av,
};
use devday_db::{write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::{AppError, AppResult};
use diesel::prelude::*;
use serde::Serialize;

use crate::draft::{self, PlaceForm, Session};
use crate::history::Batch;
use crate::model::{Break, GridSettings, Room};
use crate::solver::{self, Options, Problem, Score, Slot, Talk};
use crate::{grid, setup};

/// "Suggest a timetable" starts from scratch; "improve the draft" from the draft, moving
/// few sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Scratch,
    Improve,
}

/// What the optimiser works on, with the way back from its indices to the draft.
pub struct Prepared {
    pub problem: Problem,
    sessions: Vec<Session>,
    slots: Vec<(Option<RoomId>, NaiveDateTime)>,
    /// The draft as slot indices, when every session is placed on one.
    pub draft: Option<Vec<usize>>,
    /// Where the expected audiences come from.
    pub audience: &'static str,
}

/// One session's proposed place, against the draft.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub proposal_id: ProposalId,
    pub title: String,
    pub version: i32,
    pub from: Option<(Option<RoomId>, NaiveDateTime)>,
    pub to: (Option<RoomId>, NaiveDateTime),
    pub minutes: i32,
}

fn step(grid_settings: &GridSettings) -> i64 {
    i64::from(grid_settings.granularity_minutes.max(15))
}

/// The draft as an optimiser problem. Sessions for all rooms stay where they are; the
/// others may go to any room at any step of the grid that does not run into a break, the
/// end of the day or a session for all rooms.
pub fn prepare(conn: &mut DbConn, edition: &Edition) -> AppResult<Prepared> {
    let rooms: Vec<Room> = setup::rooms(conn, &edition.id)?;
    if rooms.is_empty() {
        return Err(AppError::Refused(devday_shared::Refusal::NoRooms));
    }
    let grid_settings = setup::grid_settings(conn, &edition.id)?;
    let breaks: Vec<Break> = setup::breaks(conn, &edition.id)?;
    let all = draft::sessions(conn, &edition.id)?;
    let fixed: Vec<(NaiveDateTime, NaiveDateTime)> = all
        .iter()
        .filter_map(|s| {
            s.placement
                .as_ref()
                .filter(|p| p.room_id.is_none())
                .map(|p| (p.starts_at, p.ends_at()))
        })
        .collect();
    let sessions: Vec<Session> = all
        .into_iter()
        .filter(|s| s.placement.as_ref().is_none_or(|p| p.room_id.is_some()))
        .collect();
    let minute = |t: NaiveDateTime| t.and_utc().timestamp() / 60;
    let mut slots = Vec::new();
    let mut problem_slots = Vec::new();
    for day in grid::days(edition) {
        let (Some(open), Some(close)) = (
            grid::to_utc(edition, day, grid_settings.day_starts),
            grid::to_utc(edition, day, grid_settings.day_ends),
        ) else {
            continue;
        };
        let mut start = open;
        while start < close {
            // The stretch until the next break, session for all rooms, or the day's end.
            let blocked = breaks
                .iter()
                .map(|b| (b.starts_at, b.ends_at))
                .chain(fixed.iter().copied())
                .any(|(a, b)| a <= start && start < b);
            let end = breaks
                .iter()
                .map(|b| b.starts_at)
                .chain(fixed.iter().map(|f| f.0))
                .filter(|t| *t > start)
                .fold(close, NaiveDateTime::min);
            if !blocked {
                for (r, room) in rooms.iter().enumerate() {
                    slots.push((Some(room.id.clone()), start));
                    problem_slots.push(Slot {
                        room: r,
                        start: minute(start),
                        minutes: minute(end) - minute(start),
                    });
                }
            }
            start += chrono::Duration::minutes(step(&grid_settings));
        }
    }
    // Pinned sessions get a slot of their own, exactly where they are.
    let pinned_slot: Vec<Option<usize>> = sessions
        .iter()
        .map(|s| {
            let p = s.placement.as_ref().filter(|p| p.pinned)?;
            let room = rooms
                .iter()
                .position(|r| Some(&r.id) == p.room_id.as_ref())?;
            slots.push((p.room_id.clone(), p.starts_at));
            problem_slots.push(Slot {
                room,
                start: minute(p.starts_at),
                minutes: i64::from(p.duration_minutes),
            });
            Some(problem_slots.len() - 1)
        })
        .collect();
    // Speakers and when they are away: outside their windows, if they gave any.
    let mut speaker_index: HashMap<UserId, usize> = HashMap::new();
    for s in &sessions {
        for sp in &s.speakers {
            let next = speaker_index.len();
            speaker_index.entry(sp.user_id.clone()).or_insert(next);
        }
    }
    let mut unavailable = vec![Vec::new(); speaker_index.len()];
    let mut windows: HashMap<String, Vec<(i64, i64)>> = HashMap::new();
    for (user, from, to) in av::speaker_availability
        .filter(av::edition_id.eq(&edition.id))
        .select((av::user_id, av::starts_at, av::ends_at))
        .load::<(String, NaiveDateTime, NaiveDateTime)>(conn)?
    {
        windows
            .entry(user)
            .or_default()
            .push((minute(from), minute(to)));
    }
    let (first, last) = (
        problem_slots.iter().map(|s| s.start).min().unwrap_or(0),
        problem_slots
            .iter()
            .map(|s| s.start + s.minutes)
            .max()
            .unwrap_or(0),
    );
    for (user, &i) in &speaker_index {
        if let Some(list) = windows.get_mut(user.as_str()) {
            list.sort_unstable();
            let mut at = first;
            for &(a, b) in list.iter() {
                if a > at {
                    unavailable[i].push((at, a));
                }
                at = at.max(b);
            }
            if at < last {
                unavailable[i].push((at, last));
            }
        }
    }
    // Expected audiences and favourite pairs: from registrations if people said what
    // interests them, else the review scores and the tracks.
    let ids: Vec<&str> = sessions.iter().map(|s| s.proposal_id.as_str()).collect();
    let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut by_person: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (reg, proposals) in crate::audience::interests(conn, &edition.id)? {
        let list: Vec<usize> = proposals
            .iter()
            .filter_map(|p| index.get(p.as_str()).copied())
            .collect();
        if !list.is_empty() {
            by_person.insert(reg, list);
        }
    }
    let capacity = rooms
        .iter()
        .map(|r| i64::from(r.capacity))
        .max()
        .unwrap_or(0);
    let (together, demand, audience) = if by_person.is_empty() {
        let scores: Vec<(String, i32)> = rv::reviews
            .inner_join(rs::review_scores)
            .filter(rv::proposal_id.eq_any(&ids))
            .select((rv::proposal_id, rs::score))
            .load(conn)?;
        let mut mean: HashMap<&str, (i64, i64)> = HashMap::new();
        for (p, score) in &scores {
            let e = mean.entry(p.as_str()).or_default();
            e.0 += i64::from(*score);
            e.1 += 1;
        }
        let avg = |id: &str| mean.get(id).map_or(0.0, |(s, n)| *s as f64 / *n as f64);
        let best = ids.iter().map(|id| avg(id)).fold(0.0, f64::max);
        let demand: Vec<i64> = ids
            .iter()
            .map(|id| {
                if best > 0.0 {
                    (avg(id) / best * capacity as f64 * 0.8) as i64
                } else {
                    0
                }
            })
            .collect();
        // Sessions of one track share an audience: keep them apart in time.
        let by_track: Vec<Vec<usize>> = {
            let mut tracks: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for (i, s) in sessions.iter().enumerate() {
                if let Some(t) = &s.track_id {
                    tracks.entry(t.as_str()).or_default().push(i);
                }
            }
            tracks.into_values().collect()
        };
        (
            Problem::weights_from_favourites(sessions.len(), &by_track),
            demand,
            "reviews",
        )
    } else {
        let lists: Vec<Vec<usize>> = by_person.into_values().collect();
        let mut count = vec![0i64; sessions.len()];
        for list in &lists {
            for &i in list {
                count[i] += 1;
            }
        }
        (
            Problem::weights_from_favourites(sessions.len(), &lists),
            count,
            "registrations",
        )
    };
    let mut track_ids: Vec<&String> = sessions
        .iter()
        .filter_map(|s| s.track_id.as_ref())
        .collect();
    track_ids.sort_unstable();
    track_ids.dedup();
    let talks: Vec<Talk> = sessions
        .iter()
        .enumerate()
        .map(|(i, s)| Talk {
            minutes: i64::from(
                s.placement
                    .as_ref()
                    .map_or(s.default_minutes, |p| p.duration_minutes),
            ),
            speakers: s
                .speakers
                .iter()
                .filter_map(|sp| speaker_index.get(&sp.user_id).copied())
                .collect(),
            demand: demand[i],
            pinned: pinned_slot[i],
            track: s
                .track_id
                .as_ref()
                .and_then(|t| track_ids.iter().position(|x| *x == t)),
        })
        .collect();
    let draft: Option<Vec<usize>> = sessions
        .iter()
        .zip(&pinned_slot)
        .map(|(s, pinned)| {
            let p = s.placement.as_ref()?;
            pinned.or_else(|| {
                slots
                    .iter()
                    .position(|(room, start)| *room == p.room_id && *start == p.starts_at)
            })
        })
        .collect();
    Ok(Prepared {
        problem: Problem {
            capacities: rooms.iter().map(|r| i64::from(r.capacity)).collect(),
            slots: problem_slots,
            talks,
            unavailable,
            together,
        },
        sessions,
        slots,
        draft,
        audience,
    })
}

/// A search under way or finished, per edition (in this server process).
#[derive(Clone, Serialize)]
pub struct Job {
    pub mode: Mode,
    pub audience: &'static str,
    /// Steps done and planned.
    pub done: u64,
    pub of: u64,
    pub running: bool,
    pub error: Option<String>,
    /// The draft's score (when every session is placed) and the proposal's.
    pub draft_score: Option<Score>,
    pub score: Option<Score>,
    pub changes: Vec<Change>,
    #[serde(skip)]
    stop: Arc<AtomicBool>,
}

static JOBS: Mutex<Option<HashMap<EditionId, Job>>> = Mutex::new(None);

fn with_jobs<T>(f: impl FnOnce(&mut HashMap<EditionId, Job>) -> T) -> T {
    let mut guard = JOBS.lock().unwrap_or_else(PoisonError::into_inner);
    f(guard.get_or_insert_with(HashMap::new))
}

pub fn job(edition_id: &EditionId) -> Option<Job> {
    with_jobs(|jobs| jobs.get(edition_id).cloned())
}

/// Starts a search in a background thread (one per edition at a time).
pub fn start(edition_id: &EditionId, prepared: Prepared, mode: Mode) -> AppResult<()> {
    if mode == Mode::Improve && prepared.draft.is_none() {
        return Err(AppError::Refused(
            devday_shared::Refusal::SuggestPlaceAllFirst,
        ));
    }
    let stop = Arc::new(AtomicBool::new(false));
    let iterations = solver::default_iterations(&prepared.problem);
    let started = with_jobs(|jobs| {
        if jobs.get(edition_id).is_some_and(|j| j.running) {
            return false;
        }
        jobs.insert(
            edition_id.to_owned(),
            Job {
                mode,
                audience: prepared.audience,
                done: 0,
                of: iterations,
                running: true,
                error: None,
                draft_score: None,
                score: None,
                changes: Vec::new(),
                stop: stop.clone(),
            },
        );
        true
    });
    if !started {
        return Err(AppError::Refused(devday_shared::Refusal::SuggestRunning));
    }
    let edition = edition_id.to_owned();
    std::thread::spawn(move || {
        let report = |p: solver::Progress| {
            with_jobs(|jobs| {
                if let Some(j) = jobs.get_mut(&edition) {
                    j.done = p.iteration;
                }
            })
        };
        let options = Options {
            iterations,
            time_limit: Duration::from_secs(120),
            start: (mode == Mode::Improve)
                .then(|| prepared.draft.clone())
                .flatten(),
            move_weight: 20,
            // Organisers like a track to stay in its room; the benchmark counts clashes only.
            track_weight: 1,
            stop: Some(&stop),
            progress: Some(&report),
            ..Options::default()
        };
        let outcome = solver::solve(&prepared.problem, &options);
        let draft_score = prepared
            .draft
            .as_ref()
            .map(|d| solver::score(&prepared.problem, d));
        with_jobs(|jobs| {
            let Some(j) = jobs.get_mut(&edition) else {
                return;
            };
            j.running = false;
            match outcome {
                Ok(out) => {
                    j.done = out.iterations;
                    j.score = Some(solver::score(&prepared.problem, &out.slot_of));
                    j.draft_score = draft_score;
                    j.changes = prepared
                        .sessions
                        .iter()
                        .zip(&out.slot_of)
                        .filter_map(|(s, &slot)| {
                            let to = prepared.slots[slot].clone();
                            let from = s
                                .placement
                                .as_ref()
                                .map(|p| (p.room_id.clone(), p.starts_at));
                            (from.as_ref() != Some(&to)).then(|| Change {
                                proposal_id: s.proposal_id.clone(),
                                title: s.title.clone(),
                                version: s.placement.as_ref().map_or(0, |p| p.version),
                                from,
                                to,
                                minutes: s
                                    .placement
                                    .as_ref()
                                    .map_or(s.default_minutes, |p| p.duration_minutes),
                            })
                        })
                        .collect();
                }
                Err(e) => j.error = Some(e.to_string()),
            }
        });
    });
    Ok(())
}

pub fn stop(edition_id: &EditionId) {
    with_jobs(|jobs| {
        if let Some(j) = jobs.get(edition_id) {
            j.stop.store(true, Ordering::Relaxed);
        }
    });
}

pub fn discard(edition_id: &EditionId) {
    with_jobs(|jobs| {
        if jobs.get(edition_id).is_some_and(|j| !j.running) {
            jobs.remove(edition_id);
        }
    });
}

/// Writes the proposal into the draft, all or nothing: if anyone changed one of the
/// sessions since the search began, nothing is written.
/// Applies the finished proposal as one action (undone together), by `by`.
pub fn accept(conn: &mut DbConn, edition: &Edition, by: &str) -> AppResult<usize> {
    let Some(job) = job(&edition.id).filter(|j| !j.running && j.score.is_some()) else {
        return Err(AppError::NotFound);
    };
    let grid_settings = setup::grid_settings(conn, &edition.id)?;
    let rooms = setup::rooms(conn, &edition.id)?;
    let tz = edition.tz();
    let batch = Batch::new(Some(by));
    write_transaction(conn, |conn| -> AppResult<()> {
        // Sessions trading places collide on the way: first take the movers off the grid.
        for c in job.changes.iter().filter(|c| c.from.is_some()) {
            draft::unplace(conn, &edition.id, &c.proposal_id, c.version, &batch)?;
        }
        for c in &job.changes {
            let local = tz.from_utc_datetime(&c.to.1).naive_local();
            let form = PlaceForm {
                day: local.date().to_string(),
                room: c.to.0.as_deref().unwrap_or("all").to_owned(),
                start: local.time().format("%H:%M").to_string(),
                duration: c.minutes.to_string(),
                version: "0".into(),
                pinned: false,
            };
            draft::place(
                conn,
                edition,
                &grid_settings,
                &rooms,
                &c.proposal_id,
                &form,
                &batch,
            )
            .map_err(|e| match e {
                AppError::Invalid(_) => {
                    AppError::Refused(devday_shared::Refusal::TimetableChangedMeanwhile)
                }
                other => other,
            })?;
        }
        Ok(())
    })?;
    with_jobs(|jobs| jobs.remove(&edition.id));
    Ok(job.changes.len())
}
