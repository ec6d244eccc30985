//! The starting timetable: pinned talks first, then the others by expected audience, each
//! into the biggest room at the earliest start where it fits.

use super::problem::{Problem, ProblemError};
use super::state::State;

pub fn build(problem: &Problem) -> Result<Vec<usize>, ProblemError> {
    problem.check()?;
    let mut order: Vec<usize> = (0..problem.talks.len()).collect();
    order.sort_by_key(|&t| {
        let talk = &problem.talks[t];
        (talk.pinned.is_none(), std::cmp::Reverse(talk.demand), t)
    });
    let mut slots: Vec<usize> = (0..problem.slots.len()).collect();
    slots.sort_by_key(|&s| {
        let slot = &problem.slots[s];
        (
            std::cmp::Reverse(problem.capacities[slot.room]),
            slot.start,
            s,
        )
    });
    // Talks not yet placed are in no room's or speaker's list, so `fits` never looks at them.
    let mut state = State::new(problem, Vec::new(), None, 0);
    state.slot_of = vec![usize::MAX; problem.talks.len()];
    for &t in &order {
        let free = |s: &&usize| state.occupant[**s].is_none() && state.fits(t, **s, &[]);
        match slots.iter().find(free) {
            Some(&slot) => place(&mut state, t, slot),
            None => {
                if !make_room(&mut state, t, &slots) {
                    return Err(ProblemError::Infeasible(t));
                }
            }
        }
    }
    Ok(state.slot_of)
}

fn place(state: &mut State, t: usize, slot: usize) {
    state.slot_of[t] = slot;
    state.occupant[slot] = Some(t);
    state.in_room[state.problem.slots[slot].room].push(t);
    for &p in &state.problem.talks[t].speakers {
        state.of_speaker[p].push(t);
    }
}

fn unplace(state: &mut State, t: usize) {
    let slot = state.slot_of[t];
    state.occupant[slot] = None;
    state.in_room[state.problem.slots[slot].room].retain(|u| *u != t);
    for &p in &state.problem.talks[t].speakers {
        state.of_speaker[p].retain(|u| *u != t);
    }
    state.slot_of[t] = usize::MAX;
}

/// When every place for `t` is blocked: finds a slot blocked by one movable talk only and
/// moves that talk to a free slot of its own.
fn make_room(state: &mut State, t: usize, slots: &[usize]) -> bool {
    let problem = state.problem;
    for &s in slots {
        if !problem.allowed(t, s) {
            continue;
        }
        let at = problem.interval(t, s);
        let room = problem.slots[s].room;
        let mut blockers: Vec<usize> = state.in_room[room]
            .iter()
            .chain(
                problem.talks[t]
                    .speakers
                    .iter()
                    .flat_map(|&p| state.of_speaker[p].iter()),
            )
            .copied()
            .filter(|&u| super::problem::overlaps(at, state.interval(u)) || state.slot_of[u] == s)
            .collect();
        blockers.sort_unstable();
        blockers.dedup();
        let [b] = blockers[..] else { continue };
        if problem.talks[b].pinned.is_some() {
            continue;
        }
        let was = state.slot_of[b];
        unplace(state, b);
        place(state, t, s);
        let free = |x: &&usize| state.occupant[**x].is_none() && state.fits(b, **x, &[]);
        if let Some(&other) = slots.iter().find(free) {
            place(state, b, other);
            return true;
        }
        unplace(state, t);
        place(state, b, was);
    }
    false
}
