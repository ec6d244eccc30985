//! A complete assignment of talks to slots with what the search needs to judge a change
//! quickly: which talks use each room and each speaker, and the cost terms.

use serde::Serialize;

use super::problem::{overlaps, Problem};

/// What a timetable costs; lower is better in this order of importance: nothing over
/// capacity beyond the start, then clashes, then moves away from the draft.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Over attendees, pairs of their favourites that overlap in time.
    pub clashes: u64,
    /// Seats missing where the expected audience exceeds the room.
    pub overflow_seats: u64,
    /// Talks whose expected audience exceeds their room.
    pub over_capacity: u64,
    /// Talks not in the slot they started from (improving a draft).
    pub moved: u64,
    /// Over tracks, the rooms a track uses beyond its first.
    pub track_rooms: u64,
}

/// Weights of the cost terms: overflow seats count like this many clashes.
pub const OVERFLOW_WEIGHT: i64 = 1000;

#[derive(Debug, Clone)]
pub struct State<'p> {
    pub problem: &'p Problem,
    pub slot_of: Vec<usize>,
    /// Talk using each slot, if any.
    pub occupant: Vec<Option<usize>>,
    pub in_room: Vec<Vec<usize>>,
    pub of_speaker: Vec<Vec<usize>>,
    /// Where each talk started (for "few moves"); `None` when building from scratch.
    pub origin: Option<Vec<usize>>,
    pub move_weight: i64,
    /// What one more room for a track costs, in clashes.
    pub track_weight: i64,
    /// Talks per track and room.
    track_count: Vec<Vec<u32>>,
    times: Times,
    /// `near[t * classes + c]`: the favourite weight between `t` and the talks whose
    /// interval is class `c`. A clash check then looks at the few classes overlapping an
    /// interval instead of every talk favoured together with `t`.
    near: Vec<i64>,
}

/// The distinct intervals talks can occupy (a slot's start and a talk's length) and which
/// of them overlap.
#[derive(Debug, Clone)]
struct Times {
    lengths: Vec<i64>,
    /// Per talk, the index of its length in `lengths`.
    length_of: Vec<usize>,
    /// `class[slot * lengths.len() + length]`.
    class: Vec<usize>,
    overlapping: Vec<Vec<usize>>,
}

impl Times {
    fn new(problem: &Problem) -> Self {
        let mut lengths: Vec<i64> = problem.talks.iter().map(|t| t.minutes).collect();
        lengths.sort_unstable();
        lengths.dedup();
        let length_of = problem
            .talks
            .iter()
            .map(|t| lengths.binary_search(&t.minutes).unwrap_or(0))
            .collect();
        let mut ids: std::collections::HashMap<(i64, i64), usize> =
            std::collections::HashMap::new();
        let mut spans: Vec<(i64, i64)> = Vec::new();
        let mut class = Vec::with_capacity(problem.slots.len() * lengths.len());
        for slot in &problem.slots {
            for &len in &lengths {
                let span = (slot.start, slot.start + len);
                let id = *ids.entry(span).or_insert_with(|| {
                    spans.push(span);
                    spans.len() - 1
                });
                class.push(id);
            }
        }
        let overlapping = spans
            .iter()
            .map(|a| {
                (0..spans.len())
                    .filter(|&b| overlaps(*a, spans[b]))
                    .collect()
            })
            .collect();
        Times {
            lengths,
            length_of,
            class,
            overlapping,
        }
    }

    fn of(&self, talk: usize, slot: usize) -> usize {
        self.class[slot * self.lengths.len() + self.length_of[talk]]
    }

    fn count(&self) -> usize {
        self.overlapping.len()
    }
}

impl<'p> State<'p> {
    pub fn new(
        problem: &'p Problem,
        slot_of: Vec<usize>,
        origin: Option<Vec<usize>>,
        move_weight: i64,
    ) -> Self {
        let times = Times::new(problem);
        let classes = times.count();
        let mut near = vec![0; problem.talks.len() * classes];
        for (t, list) in problem.together.iter().enumerate() {
            for &(u, w) in list {
                if let Some(&s) = slot_of.get(u) {
                    near[t * classes + times.of(u, s)] += i64::from(w);
                }
            }
        }
        let tracks = problem
            .talks
            .iter()
            .filter_map(|t| t.track)
            .max()
            .map_or(0, |m| m + 1);
        let mut track_count = vec![vec![0u32; problem.capacities.len()]; tracks];
        for (t, &s) in slot_of.iter().enumerate() {
            if let Some(k) = problem.talks[t].track {
                track_count[k][problem.slots[s].room] += 1;
            }
        }
        let mut occupant = vec![None; problem.slots.len()];
        let mut in_room = vec![Vec::new(); problem.capacities.len()];
        let mut of_speaker = vec![Vec::new(); problem.unavailable.len()];
        for (t, &s) in slot_of.iter().enumerate() {
            occupant[s] = Some(t);
            in_room[problem.slots[s].room].push(t);
            for &p in &problem.talks[t].speakers {
                of_speaker[p].push(t);
            }
        }
        State {
            problem,
            slot_of,
            occupant,
            in_room,
            of_speaker,
            origin,
            move_weight,
            track_weight: 0,
            track_count,
            times,
            near,
        }
    }

    pub fn interval(&self, t: usize) -> (i64, i64) {
        self.problem.interval(t, self.slot_of[t])
    }

    /// Whether `t` could be at `slot` with the talks in `away` ignored (they move too).
    pub fn fits(&self, t: usize, slot: usize, away: &[usize]) -> bool {
        let p = self.problem;
        if !p.allowed(t, slot) {
            return false;
        }
        let at = p.interval(t, slot);
        let room = p.slots[slot].room;
        let clear = |u: &usize| *u == t || away.contains(u) || !overlaps(at, self.interval(*u));
        self.in_room[room].iter().all(clear)
            && p.talks[t]
                .speakers
                .iter()
                .all(|&sp| self.of_speaker[sp].iter().all(clear))
    }

    /// Clash weight of `t` if it were in `slot`, against everyone except `skip` (whose
    /// weight with `t` is `skip_weight`).
    pub fn clash_in(&self, t: usize, slot: usize, skip: Option<(usize, i64)>) -> i64 {
        let classes = self.times.count();
        let class = self.times.of(t, slot);
        let row = &self.near[t * classes..(t + 1) * classes];
        let mut sum: i64 = self.times.overlapping[class].iter().map(|&c| row[c]).sum();
        if let Some((u, w)) = skip {
            if overlaps(self.problem.interval(t, slot), self.interval(u)) {
                sum -= w;
            }
        }
        sum
    }

    pub fn overflow(&self, t: usize, slot: usize) -> i64 {
        let p = self.problem;
        (p.talks[t].demand - p.capacities[p.slots[slot].room]).max(0)
    }

    pub fn moved_cost(&self, t: usize, slot: usize) -> i64 {
        match &self.origin {
            Some(o) if o[t] != slot => self.move_weight,
            _ => 0,
        }
    }

    /// Change in the rooms used by `t`'s track if `t` moves from room `from` to room `to`
    /// while, in a swap, `partner` moves the other way.
    pub fn track_delta(&self, t: usize, from: usize, to: usize, partner: Option<usize>) -> i64 {
        let Some(k) = self.problem.talks[t].track else {
            return 0;
        };
        if from == to || partner.is_some_and(|u| self.problem.talks[u].track == Some(k)) {
            return 0;
        }
        let count = &self.track_count[k];
        let leaves_empty = i64::from(count[from] == 1);
        let opens = i64::from(count[to] == 0);
        opens - leaves_empty
    }

    /// Puts `t` in `slot` (the caller checked it fits).
    pub fn assign(&mut self, t: usize, slot: usize) {
        let old = self.slot_of[t];
        let classes = self.times.count();
        let (was, now) = (self.times.of(t, old), self.times.of(t, slot));
        if was != now {
            for &(u, w) in &self.problem.together[t] {
                self.near[u * classes + was] -= i64::from(w);
                self.near[u * classes + now] += i64::from(w);
            }
        }
        if self.occupant[old] == Some(t) {
            self.occupant[old] = None;
        }
        let (old_room, new_room) = (self.problem.slots[old].room, self.problem.slots[slot].room);
        if let Some(k) = self.problem.talks[t].track {
            self.track_count[k][old_room] -= 1;
            self.track_count[k][new_room] += 1;
        }
        if old_room != new_room {
            self.in_room[old_room].retain(|u| *u != t);
            self.in_room[new_room].push(t);
        }
        self.slot_of[t] = slot;
        self.occupant[slot] = Some(t);
    }

    pub fn score(&self) -> Score {
        let p = self.problem;
        let mut score = Score::default();
        for t in 0..p.talks.len() {
            let at = self.interval(t);
            for &(u, w) in &p.together[t] {
                if u > t && overlaps(at, self.interval(u)) {
                    score.clashes += u64::from(w);
                }
            }
            let over = self.overflow(t, self.slot_of[t]);
            if over > 0 {
                score.over_capacity += 1;
                score.overflow_seats += over.unsigned_abs();
            }
            if self.moved_cost(t, self.slot_of[t]) > 0 {
                score.moved += 1;
            }
        }
        score.track_rooms = self
            .track_count
            .iter()
            .map(|rooms| rooms.iter().filter(|n| **n > 0).count().saturating_sub(1) as u64)
            .sum();
        score
    }

    pub fn cost(score: &Score, move_weight: i64, track_weight: i64) -> i64 {
        score.clashes as i64
            + OVERFLOW_WEIGHT * score.overflow_seats as i64
            + move_weight * score.moved as i64
            + track_weight * score.track_rooms as i64
    }

    /// Every hard rule holds (for tests and as a last check).
    pub fn is_valid(&self) -> bool {
        let p = self.problem;
        (0..p.talks.len()).all(|t| {
            let s = self.slot_of[t];
            p.allowed(t, s)
                && (0..p.talks.len()).all(|u| {
                    u == t
                        || !overlaps(self.interval(t), self.interval(u))
                        || (p.slots[self.slot_of[u]].room != p.slots[s].room
                            && !p.talks[t]
                                .speakers
                                .iter()
                                .any(|x| p.talks[u].speakers.contains(x)))
                })
        })
    }
}
