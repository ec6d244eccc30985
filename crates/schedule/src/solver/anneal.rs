//! Simulated annealing over moves (a talk to a free slot) and swaps (two talks trade
//! slots), each checked against every hard rule before it is tried, so the timetable is
//! valid at every step. The best timetable seen is kept; it never has more overflow seats
//! than the start.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Serialize;

use super::greedy;
use super::problem::{overlaps, Problem, ProblemError};
use super::state::{Score, State, OVERFLOW_WEIGHT};

pub struct Options<'a> {
    pub seed: u64,
    /// Steps of the search; with the seed it fixes the result.
    pub iterations: u64,
    /// Stops early with the best so far (the result then depends on the machine).
    pub time_limit: Duration,
    /// Improve this timetable (slot per talk) instead of starting from scratch.
    pub start: Option<Vec<usize>>,
    /// Cost of a talk not in its starting slot, in clashes (improving only).
    pub move_weight: i64,
    /// What a missing seat costs during the search, in clashes.
    pub overflow_weight: i64,
    /// What each room beyond the first costs a track, in clashes (0: tracks may spread;
    /// the editor uses 1, which on the benchmark's M instances costs 2-3 % more clashes).
    pub track_weight: i64,
    pub stop: Option<&'a AtomicBool>,
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            seed: 1,
            iterations: 0,
            time_limit: Duration::from_secs(30),
            start: None,
            move_weight: 0,
            overflow_weight: 10,
            track_weight: 0,
            stop: None,
            progress: None,
        }
    }
}

/// The default number of steps: 80,000 per talk, at most 16 million (under a second for
/// 40 talks, about 20 s for 800 on a 2-core machine).
pub fn default_iterations(problem: &Problem) -> u64 {
    (problem.talks.len() as u64 * 80_000).clamp(1_000_000, 16_000_000)
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Progress {
    pub iteration: u64,
    pub of: u64,
    pub best: Score,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub slot_of: Vec<usize>,
    pub score: Score,
    pub start_score: Score,
    pub iterations: u64,
    /// Cut short by the time limit or a stop request.
    pub stopped_early: bool,
}

fn weight(problem: &Problem, a: usize, b: usize) -> i64 {
    let list = &problem.together[a];
    list.binary_search_by_key(&b, |(u, _)| *u)
        .map(|i| i64::from(list[i].1))
        .unwrap_or(0)
}

/// A proposed change with its difference in clashes (plus moves) and in overflow seats.
enum Change {
    Move { t: usize, to: usize, delta: Delta },
    Swap { t: usize, u: usize, delta: Delta },
}

#[derive(Clone, Copy)]
struct Delta {
    clashes: i64,
    overflow: i64,
}

impl Change {
    fn delta(&self) -> Delta {
        match self {
            Change::Move { delta, .. } | Change::Swap { delta, .. } => *delta,
        }
    }
}

fn propose(
    state: &State,
    rng: &mut StdRng,
    movable: &[usize],
    compat: &[Vec<usize>],
) -> Option<Change> {
    let p = state.problem;
    let t = movable[rng.random_range(0..movable.len())];
    let to = compat[t][rng.random_range(0..compat[t].len())];
    let from = state.slot_of[t];
    if to == from {
        return None;
    }
    let (old_t, new_t) = (p.interval(t, from), p.interval(t, to));
    match state.occupant[to] {
        None => {
            if !state.fits(t, to, &[]) {
                return None;
            }
            let delta = Delta {
                clashes: state.clash_in(t, to, None) - state.clash_in(t, from, None)
                    + state.moved_cost(t, to)
                    - state.moved_cost(t, from)
                    + state.track_weight
                        * state.track_delta(t, p.slots[from].room, p.slots[to].room, None),
                overflow: state.overflow(t, to) - state.overflow(t, from),
            };
            Some(Change::Move { t, to, delta })
        }
        Some(u) => {
            if p.talks[u].pinned.is_some() || !p.allowed(u, from) {
                return None;
            }
            if !state.fits(t, to, &[u]) || !state.fits(u, from, &[t]) {
                return None;
            }
            let (old_u, new_u) = (p.interval(u, to), p.interval(u, from));
            let same_room = p.slots[to].room == p.slots[from].room;
            let share = p.talks[t]
                .speakers
                .iter()
                .any(|x| p.talks[u].speakers.contains(x));
            if (same_room || share) && overlaps(new_t, new_u) {
                return None;
            }
            let w = weight(p, t, u);
            let pair = |a: (i64, i64), b: (i64, i64)| if overlaps(a, b) { w } else { 0 };
            // Each side's clashes without the other, then the pair itself.
            let after = state.clash_in(t, to, Some((u, w)))
                + state.clash_in(u, from, Some((t, w)))
                + pair(new_t, new_u);
            let before = state.clash_in(t, from, Some((u, w)))
                + state.clash_in(u, to, Some((t, w)))
                + pair(old_t, old_u);
            let delta = Delta {
                clashes: after - before + state.moved_cost(t, to) + state.moved_cost(u, from)
                    - state.moved_cost(t, from)
                    - state.moved_cost(u, to)
                    + state.track_weight
                        * (state.track_delta(t, p.slots[from].room, p.slots[to].room, Some(u))
                            + state.track_delta(u, p.slots[to].room, p.slots[from].room, Some(t))),
                overflow: state.overflow(t, to) + state.overflow(u, from)
                    - state.overflow(t, from)
                    - state.overflow(u, to),
            };
            Some(Change::Swap { t, u, delta })
        }
    }
}

pub fn solve(problem: &Problem, options: &Options) -> Result<Outcome, ProblemError> {
    problem.check()?;
    let improving = options.start.is_some();
    let start = match &options.start {
        Some(start) => {
            let state = State::new(problem, start.clone(), None, 0);
            if start.len() != problem.talks.len() || !state.is_valid() {
                return Err(ProblemError::Infeasible(0));
            }
            start.clone()
        }
        None => greedy::build(problem)?,
    };
    let move_weight = if improving { options.move_weight } else { 0 };
    let origin = improving.then(|| start.clone());
    let mut state = State::new(problem, start, origin, move_weight);
    state.track_weight = options.track_weight;
    let start_score = state.score();
    // The search prices a missing seat at `search_weight` clashes, low enough to pass
    // through crowded rooms on the way; the timetable kept is judged at OVERFLOW_WEIGHT
    // and never has more overflow than the start.
    let search_weight = options.overflow_weight;
    let mut cost = State::cost(&start_score, move_weight, options.track_weight);
    let mut overflow = start_score.overflow_seats as i64;
    let mut clashes = cost - OVERFLOW_WEIGHT * overflow;
    let max_overflow = overflow;
    let (mut best_cost, mut best) = (cost, state.slot_of.clone());

    let compat: Vec<Vec<usize>> = (0..problem.talks.len())
        .map(|t| {
            (0..problem.slots.len())
                .filter(|&s| problem.allowed(t, s))
                .collect()
        })
        .collect();
    let movable: Vec<usize> = (0..problem.talks.len())
        .filter(|&t| problem.talks[t].pinned.is_none() && compat[t].len() > 1)
        .collect();
    let iterations = if options.iterations == 0 {
        default_iterations(problem)
    } else {
        options.iterations
    };
    let mut rng = StdRng::seed_from_u64(options.seed);
    let began = Instant::now();
    let mut stopped_early = false;
    let mut done = 0;
    if !movable.is_empty() {
        // Start hot enough to take a typical worsening step about a third of the time.
        let mut worse: Vec<i64> = Vec::new();
        for _ in 0..2000 {
            if let Some(change) = propose(&state, &mut rng, &movable, &compat) {
                let d = change.delta();
                let delta = d.clashes + search_weight * d.overflow;
                if delta > 0 && d.overflow == 0 {
                    worse.push(delta);
                }
            }
        }
        let hot = if worse.is_empty() {
            1.0
        } else {
            worse.iter().sum::<i64>() as f64 / worse.len() as f64
        };
        let cold = 0.05_f64.min(hot);
        // Small problems settle fast: three heat-ups from where the last cooling ended
        // find better timetables there than one long cooling (measured on the S and M
        // benchmark instances; for larger ones one long cooling is better).
        let cycles: u64 = if problem.talks.len() <= 60 { 3 } else { 1 };
        while done < iterations {
            if done % 4096 == 0 {
                if began.elapsed() >= options.time_limit
                    || options.stop.is_some_and(|s| s.load(Ordering::Relaxed))
                {
                    stopped_early = true;
                    break;
                }
                if done % (4096 * 64) == 0 {
                    if let Some(report) = options.progress {
                        let best_score =
                            State::new(problem, best.clone(), state.origin.clone(), move_weight)
                                .score();
                        report(Progress {
                            iteration: done,
                            of: iterations,
                            best: best_score,
                        });
                    }
                }
            }
            let per = iterations.div_ceil(cycles);
            let heat = hot * (cold / hot).powf((done % per) as f64 / per as f64);
            done += 1;
            let Some(change) = propose(&state, &mut rng, &movable, &compat) else {
                continue;
            };
            let d = change.delta();
            let delta = d.clashes + search_weight * d.overflow;
            if delta > 0 && rng.random::<f64>() >= (-(delta as f64) / heat).exp() {
                continue;
            }
            match change {
                Change::Move { t, to, .. } => state.assign(t, to),
                Change::Swap { t, u, .. } => {
                    let (ts, us) = (state.slot_of[t], state.slot_of[u]);
                    state.assign(t, us);
                    state.assign(u, ts);
                }
            }
            overflow += d.overflow;
            clashes += d.clashes;
            cost = clashes + OVERFLOW_WEIGHT * overflow;
            if cost < best_cost && overflow <= max_overflow {
                best_cost = cost;
                best.clone_from(&state.slot_of);
            }
        }
    }
    let state = State::new(problem, best, state.origin.clone(), move_weight);
    debug_assert!(state.is_valid());
    Ok(Outcome {
        score: state.score(),
        slot_of: state.slot_of,
        start_score,
        iterations: done,
        stopped_early,
    })
}
