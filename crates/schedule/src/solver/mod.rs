//! The timetable optimiser: places every session in a slot so that no room, speaker or
//! availability rule is broken, and as few attendees as possible find two of their
//! favourites at the same time, without putting large audiences in small rooms.
//!
//! It starts from a greedy timetable (or the organisers' draft) and improves it by
//! simulated annealing over moves and swaps that never break a hard rule. The search is a
//! pure function of the problem, the seed and the iteration budget, so a seed reproduces
//! a result; the time limit only cuts a run short.

mod anneal;
mod greedy;
pub mod neutral;
mod problem;
mod state;
#[cfg(test)]
mod tests;

pub use anneal::{default_iterations, solve, Options, Outcome, Progress};
pub use problem::{Problem, ProblemError, Slot, Talk};
pub use state::Score;

/// The score of a timetable (a slot per talk).
pub fn score(problem: &Problem, slot_of: &[usize]) -> Score {
    state::State::new(problem, slot_of.to_vec(), None, 0).score()
}
