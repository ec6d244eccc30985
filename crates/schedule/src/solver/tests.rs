//! Properties of the optimiser on random problems: every timetable it returns keeps the
//! hard rules, pinned talks stay, improving never makes the draft worse, and a seed
//! reproduces its result.

use proptest::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::problem::{Problem, Slot, Talk};
use super::state::State;
use super::{solve, Options};

/// A random conference: `rooms` rooms with `per_room` 45-minute slots, talks for most of
/// them, speakers with one or two talks and some away for an hour, random favourites.
fn problem(rooms: usize, per_room: usize, seed: u64) -> Problem {
    let mut rng = StdRng::seed_from_u64(seed);
    let slots: Vec<Slot> = (0..rooms)
        .flat_map(|room| {
            (0..per_room).map(move |i| Slot {
                room,
                start: 540 + 50 * i as i64,
                minutes: 45,
            })
        })
        .collect();
    let count = (slots.len() * 3 / 4).max(1);
    let speakers = (count * 3 / 4).max(1);
    let talks: Vec<Talk> = (0..count)
        .map(|i| Talk {
            minutes: if rng.random_bool(0.5) { 30 } else { 45 },
            speakers: if i < speakers {
                vec![i]
            } else {
                vec![rng.random_range(0..speakers)]
            },
            demand: rng.random_range(10..200),
            pinned: None,
            track: Some(i % 3),
        })
        .collect();
    let unavailable = (0..speakers)
        .map(|_| {
            if rng.random_bool(0.2) {
                let from = 540 + 50 * rng.random_range(0..per_room as i64);
                vec![(from, from + 60)]
            } else {
                Vec::new()
            }
        })
        .collect();
    let favourites: Vec<Vec<usize>> = (0..60)
        .map(|_| {
            (0..rng.random_range(2..6))
                .map(|_| rng.random_range(0..count))
                .collect()
        })
        .collect();
    Problem {
        capacities: (0..rooms).map(|r| 200 - 40 * r as i64).collect(),
        together: Problem::weights_from_favourites(count, &favourites),
        slots,
        talks,
        unavailable,
    }
}

fn quick(seed: u64) -> Options<'static> {
    Options {
        seed,
        iterations: 3000,
        ..Options::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_timetable_keeps_the_hard_rules(rooms in 1usize..5, per_room in 2usize..8, seed in any::<u64>()) {
        let p = problem(rooms, per_room, seed);
        // Random availability can leave no valid timetable; the solver must say so then.
        if let Ok(out) = solve(&p, &quick(seed)) {
            prop_assert!(State::new(&p, out.slot_of.clone(), None, 0).is_valid());
            prop_assert!(out.score.overflow_seats <= out.start_score.overflow_seats);
        }
    }

    #[test]
    fn pinned_talks_never_move(rooms in 1usize..5, per_room in 2usize..8, seed in any::<u64>(), pick in any::<prop::sample::Index>()) {
        let mut p = problem(rooms, per_room, seed);
        let Ok(first) = solve(&p, &quick(seed)) else { return Ok(()) };
        let talk = pick.index(p.talks.len());
        p.talks[talk].pinned = Some(first.slot_of[talk]);
        let out = solve(&p, &quick(seed.wrapping_add(1)))?;
        prop_assert_eq!(out.slot_of[talk], first.slot_of[talk]);
    }

    #[test]
    fn improving_never_worsens_the_draft(rooms in 1usize..5, per_room in 2usize..8, seed in any::<u64>()) {
        let p = problem(rooms, per_room, seed);
        let Ok(draft) = solve(&p, &Options { iterations: 1, ..quick(seed) }) else { return Ok(()) };
        let before = State::new(&p, draft.slot_of.clone(), None, 0).score();
        let out = solve(&p, &Options { start: Some(draft.slot_of), move_weight: 5, ..quick(seed) })?;
        prop_assert!(State::new(&p, out.slot_of.clone(), None, 0).is_valid());
        prop_assert!(
            State::cost(&out.score, 0, 1) <= State::cost(&before, 0, 1),
            "{:?} after {:?}", out.score, before
        );
    }

    #[test]
    fn a_seed_reproduces_its_timetable(seed in any::<u64>()) {
        let p = problem(3, 6, seed);
        if let (Ok(a), Ok(b)) = (solve(&p, &quick(seed)), solve(&p, &quick(seed))) {
            prop_assert_eq!(a.slot_of, b.slot_of);
        }
    }
}

#[test]
fn the_search_removes_clashes_the_greedy_start_has() {
    // Four talks everyone wants, two rooms, two times: greedy puts two pairs side by side.
    let p = Problem {
        capacities: vec![100, 100],
        slots: (0..2)
            .flat_map(|room| {
                (0..2).map(move |i| Slot {
                    room,
                    start: 600 + 60 * i,
                    minutes: 45,
                })
            })
            .collect(),
        talks: (0..4)
            .map(|i| Talk {
                minutes: 45,
                speakers: vec![i],
                demand: 50,
                pinned: None,
                track: None,
            })
            .collect(),
        unavailable: vec![Vec::new(); 4],
        together: Problem::weights_from_favourites(
            4,
            &[vec![0, 1], vec![0, 1], vec![2, 3], vec![2, 3]],
        ),
    };
    let out = solve(
        &p,
        &Options {
            iterations: 5000,
            ..Options::default()
        },
    )
    .expect("solvable");
    assert_eq!(out.score.clashes, 0, "{:?}", out);
}

#[test]
fn most_random_problems_are_solved() {
    // The properties above skip problems without a valid timetable; they must be rare.
    let solved = (0..50)
        .filter(|&seed| solve(&problem(3, 6, seed), &quick(seed)).is_ok())
        .count();
    assert!(solved >= 40, "only {solved} of 50 solved");
}

#[test]
fn a_track_stays_in_one_room_when_asked() {
    // Two tracks of two talks, two rooms, two times, nobody's favourites: only the track
    // term decides. Greedy (by demand) puts each track's talks in both rooms.
    let p = Problem {
        capacities: vec![100, 90],
        slots: (0..2)
            .flat_map(|room| {
                (0..2).map(move |i| Slot {
                    room,
                    start: 600 + 60 * i,
                    minutes: 45,
                })
            })
            .collect(),
        talks: (0..4)
            .map(|i| Talk {
                minutes: 45,
                speakers: vec![i],
                demand: 90 - i as i64,
                pinned: None,
                track: Some(i % 2),
            })
            .collect(),
        unavailable: vec![Vec::new(); 4],
        together: vec![Vec::new(); 4],
    };
    let spread = solve(
        &p,
        &Options {
            iterations: 1,
            ..Options::default()
        },
    )
    .expect("solvable");
    assert_eq!(spread.score.track_rooms, 2, "{spread:?}");
    let kept = solve(
        &p,
        &Options {
            iterations: 5000,
            track_weight: 1,
            ..Options::default()
        },
    )
    .expect("solvable");
    assert_eq!(kept.score.track_rooms, 0, "{kept:?}");
}
