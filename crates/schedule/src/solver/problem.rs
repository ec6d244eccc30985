//! The optimiser's view of a timetable: slots (a room for a stretch of time), talks with
//! their speakers and expected audience, and how many attendees favour each pair of talks.

use std::collections::HashMap;

/// A place a talk can start: a room for `[start, start + minutes)`, times in minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub room: usize,
    pub start: i64,
    pub minutes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Talk {
    pub minutes: i64,
    pub speakers: Vec<usize>,
    /// Expected audience.
    pub demand: i64,
    /// The slot it must keep, if organisers pinned it.
    pub pinned: Option<usize>,
    /// Its track; a track's talks are kept in few rooms.
    pub track: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Problem {
    pub capacities: Vec<i64>,
    pub slots: Vec<Slot>,
    pub talks: Vec<Talk>,
    /// Per speaker, `[start, end)` windows they are away.
    pub unavailable: Vec<Vec<(i64, i64)>>,
    /// Per talk, the other talks favoured together with it and by how many attendees.
    pub together: Vec<Vec<(usize, u32)>>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProblemError {
    #[error("talk {0} has no slot it fits in")]
    NoSlot(usize),
    #[error("talk {0} is pinned to a slot that does not exist or is too short")]
    BadPin(usize),
    #[error("more talks ({talks}) than slots ({slots})")]
    TooManyTalks { talks: usize, slots: usize },
    #[error("no timetable without conflicts was found for talk {0}")]
    Infeasible(usize),
}

impl Problem {
    /// Builds the pair weights from each attendee's favourites (talk indices).
    pub fn weights_from_favourites(
        talks: usize,
        favourites: &[Vec<usize>],
    ) -> Vec<Vec<(usize, u32)>> {
        let mut pairs: HashMap<(usize, usize), u32> = HashMap::new();
        for list in favourites {
            for (i, &a) in list.iter().enumerate() {
                for &b in &list[i + 1..] {
                    if a != b && a < talks && b < talks {
                        *pairs.entry((a.min(b), a.max(b))).or_default() += 1;
                    }
                }
            }
        }
        let mut together = vec![Vec::new(); talks];
        for ((a, b), w) in pairs {
            together[a].push((b, w));
            together[b].push((a, w));
        }
        for list in &mut together {
            list.sort_unstable();
        }
        together
    }

    /// The talk's interval if it starts in `slot`.
    pub fn interval(&self, talk: usize, slot: usize) -> (i64, i64) {
        let start = self.slots[slot].start;
        (start, start + self.talks[talk].minutes)
    }

    /// Whether `talk` may use `slot` at all: long enough, pin respected, speakers there.
    pub fn allowed(&self, talk: usize, slot: usize) -> bool {
        let t = &self.talks[talk];
        if t.pinned.is_some_and(|p| p != slot) || self.slots[slot].minutes < t.minutes {
            return false;
        }
        let (from, to) = self.interval(talk, slot);
        t.speakers.iter().all(|&p| {
            self.unavailable
                .get(p)
                .is_none_or(|w| w.iter().all(|&(a, b)| to <= a || b <= from))
        })
    }

    pub fn check(&self) -> Result<(), ProblemError> {
        if self.talks.len() > self.slots.len() {
            return Err(ProblemError::TooManyTalks {
                talks: self.talks.len(),
                slots: self.slots.len(),
            });
        }
        for (i, t) in self.talks.iter().enumerate() {
            if let Some(p) = t.pinned {
                if p >= self.slots.len() || self.slots[p].minutes < t.minutes {
                    return Err(ProblemError::BadPin(i));
                }
            }
            if !(0..self.slots.len()).any(|s| self.allowed(i, s)) {
                return Err(ProblemError::NoSlot(i));
            }
        }
        Ok(())
    }
}

pub fn overlaps(a: (i64, i64), b: (i64, i64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}
