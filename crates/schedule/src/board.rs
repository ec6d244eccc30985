//! The editor's day: a table with a row per grid step and a column per room, where
//! everything in the draft is drawn, also what must not be there. Sessions that overlap in
//! one room get lanes side by side (the room's header spans its lanes), so a double booking
//! shows both sessions; a break or a session for all rooms spans the day's width unless
//! something overlaps it, in which case it is drawn in every room instead.

use std::collections::{BTreeSet, HashMap};

use chrono::{Duration, NaiveDate, NaiveDateTime};
use devday_shared::editions::Edition;
use serde::Serialize;

use crate::grid;
use crate::snapshot::{SnapBreak, SnapRoom, SnapSession, Snapshot};
use crate::view::{item, Item};

/// A room with the lanes its overlapping sessions need (1 when nothing overlaps).
#[derive(Debug, Serialize)]
pub struct Column<'a> {
    pub room: &'a SnapRoom,
    pub lanes: usize,
}

#[derive(Debug, Serialize)]
pub enum Tile<'a> {
    /// A session starting in this row, over `rows` rows and `cols` lanes.
    Session {
        item: Item<'a>,
        rows: usize,
        cols: usize,
        /// The room it is drawn in (empty: all rooms), where a drop onto it lands.
        room: &'a str,
    },
    Break {
        title: &'a str,
        rows: usize,
        cols: usize,
    },
    /// A free step in a room: sessions are dropped here.
    Empty { room: &'a str },
}

#[derive(Debug, Serialize)]
pub struct Row<'a> {
    /// `HH:MM`, local.
    pub time: String,
    /// On the hour or half hour: the label is shown (the others are for screen readers).
    pub major: bool,
    pub tiles: Vec<Tile<'a>>,
}

#[derive(Debug, Serialize)]
pub struct Board<'a> {
    pub date: String,
    pub columns: Vec<Column<'a>>,
    /// All lanes of all rooms.
    pub width: usize,
    pub rows: Vec<Row<'a>>,
}

#[derive(Clone, Copy)]
enum What<'a> {
    Session(&'a SnapSession),
    Break(&'a SnapBreak),
}

/// Something to draw over rows `from..to`.
#[derive(Clone, Copy)]
struct Span<'a> {
    from: usize,
    to: usize,
    what: What<'a>,
}

impl Span<'_> {
    fn overlaps(&self, other: &Span) -> bool {
        self.from < other.to && other.from < self.to
    }
}

/// The draft's `date` from `day_starts` to `day_ends` (UTC) in rows of `step` minutes.
pub fn day<'a>(
    edition: &Edition,
    snap: &'a Snapshot,
    date: NaiveDate,
    (day_starts, day_ends, step): (NaiveDateTime, NaiveDateTime, i64),
) -> Board<'a> {
    let on_day = |t: NaiveDateTime| grid::local_parts(edition, t).0 == date;
    let sessions: Vec<&SnapSession> = snap
        .sessions
        .iter()
        .filter(|s| on_day(s.starts_at))
        .collect();
    let breaks: Vec<&SnapBreak> = snap.breaks.iter().filter(|b| on_day(b.starts_at)).collect();

    let mut bounds: BTreeSet<NaiveDateTime> = BTreeSet::new();
    let mut t = day_starts;
    while t <= day_ends && step > 0 {
        bounds.insert(t);
        t += Duration::minutes(step);
    }
    for s in &sessions {
        bounds.extend([s.starts_at, s.ends_at()]);
    }
    for b in &breaks {
        bounds.extend([b.starts_at, b.ends_at]);
    }
    let times: Vec<NaiveDateTime> = bounds.into_iter().collect();
    let index = |t: NaiveDateTime| times.partition_point(|x| *x < t);
    let span = |from, to, what| Span {
        from: index(from),
        to: index(to),
        what,
    };

    // Per room: its own sessions; across all rooms: breaks and sessions for all rooms.
    let room_index: HashMap<&str, usize> = snap
        .rooms
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut in_room: Vec<Vec<Span>> = vec![Vec::new(); snap.rooms.len()];
    let mut across: Vec<Span> = breaks
        .iter()
        .map(|b| span(b.starts_at, b.ends_at, What::Break(b)))
        .collect();
    for s in &sessions {
        let sp = span(s.starts_at, s.ends_at(), What::Session(s));
        match s.room_id.as_deref().and_then(|id| room_index.get(id)) {
            Some(&room) => in_room[room].push(sp),
            None => across.push(sp),
        }
    }
    // Something across all rooms that overlaps anything else is drawn in every room.
    let alone = |i: usize, a: &Span| {
        !in_room.iter().flatten().any(|r| r.overlaps(a))
            && !across
                .iter()
                .enumerate()
                .any(|(j, b)| j != i && b.overlaps(a))
    };
    let (mut whole, mut split) = (Vec::new(), Vec::new());
    for (i, a) in across.iter().enumerate() {
        if alone(i, a) {
            whole.push(*a);
        } else {
            split.push(*a);
        }
    }
    for room in &mut in_room {
        room.extend(split.iter().copied());
    }

    // Lanes: the first lane free at a span's start; a span that overlaps nothing in its
    // room takes all of the room's lanes.
    let mut columns = Vec::with_capacity(snap.rooms.len());
    let mut starts: HashMap<(usize, usize), Tile<'a>> = HashMap::new();
    let mut offset = 0;
    let mut owner = Vec::new();
    for (r, spans) in in_room.iter_mut().enumerate() {
        spans.sort_by_key(|s| (s.from, s.to));
        let mut lane_free_from: Vec<usize> = Vec::new();
        let mut lanes_of = Vec::with_capacity(spans.len());
        for s in spans.iter() {
            let lane = match lane_free_from.iter().position(|free| *free <= s.from) {
                Some(l) => l,
                None => {
                    lane_free_from.push(0);
                    lane_free_from.len() - 1
                }
            };
            lane_free_from[lane] = s.to;
            lanes_of.push(lane);
        }
        let lanes = lane_free_from.len().max(1);
        let room = &snap.rooms[r];
        for (i, s) in spans.iter().enumerate() {
            let alone = !spans
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && o.overlaps(s));
            let (col, cols) = if alone {
                (offset, lanes)
            } else {
                (offset + lanes_of[i], 1)
            };
            starts.insert(
                (s.from, col),
                tile(edition, snap, s, cols, room.id.as_str()),
            );
        }
        owner.extend(std::iter::repeat_n(room.id.as_str(), lanes));
        columns.push(Column { room, lanes });
        offset += lanes;
    }
    let width = offset;
    for s in &whole {
        starts.insert((s.from, 0), tile(edition, snap, s, width.max(1), ""));
    }

    let rows_count = times.len().saturating_sub(1);
    let mut busy = vec![vec![false; width.max(1)]; rows_count];
    let mut rows = Vec::with_capacity(rows_count);
    for (r, time) in times.iter().take(rows_count).enumerate() {
        let mut tiles = Vec::new();
        let mut c = 0;
        while c < width {
            if busy[r][c] {
                c += 1;
                continue;
            }
            match starts.remove(&(r, c)) {
                Some(t) => {
                    let (rows_spanned, cols) = t.extent();
                    for row in busy.iter_mut().skip(r).take(rows_spanned) {
                        for cell in row.iter_mut().skip(c).take(cols) {
                            *cell = true;
                        }
                    }
                    tiles.push(t);
                    c += cols;
                }
                None => {
                    tiles.push(Tile::Empty { room: owner[c] });
                    c += 1;
                }
            }
        }
        let local = grid::local_parts(edition, *time).1;
        rows.push(Row {
            time: local.format("%H:%M").to_string(),
            major: local.format("%M").to_string().parse::<u32>().unwrap_or(1) % 30 == 0,
            tiles,
        });
    }
    Board {
        date: date.format("%Y-%m-%d").to_string(),
        columns,
        width,
        rows,
    }
}

fn tile<'a>(
    edition: &Edition,
    snap: &'a Snapshot,
    s: &Span<'a>,
    cols: usize,
    room: &'a str,
) -> Tile<'a> {
    let rows = s.to - s.from;
    match s.what {
        What::Session(session) => Tile::Session {
            item: item(edition, snap, session),
            rows,
            cols,
            room,
        },
        What::Break(b) => Tile::Break {
            title: &b.title,
            rows,
            cols,
        },
    }
}

impl Tile<'_> {
    /// Rows and columns it covers.
    fn extent(&self) -> (usize, usize) {
        match self {
            Tile::Session { rows, cols, .. } | Tile::Break { rows, cols, .. } => (*rows, *cols),
            Tile::Empty { .. } => (1, 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::SnapTrack;
    use chrono::{NaiveDate, NaiveTime};

    fn edition() -> Edition {
        let day = NaiveDate::from_ymd_opt(2027, 5, 20).unwrap_or_default();
        Edition {
            id: "e".into(),
            slug: "e".into(),
            name: "E".into(),
            starts_on: day,
            ends_on: day,
            timezone: "UTC".into(),
            venue: String::new(),
            cfp_opens_at: None,
            cfp_closes_at: None,
            registration_opens_at: None,
            registration_closes_at: None,
            archived_at: None,
            created_at: NaiveDateTime::default(),
            description_md: String::new(),
            description_de_md: String::new(),
            format: Default::default(),
            streams_public: true,
        }
    }

    fn at(h: u32, m: u32) -> NaiveDateTime {
        edition()
            .starts_on
            .and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default())
    }

    fn session(id: &str, room: Option<&str>, h: u32, m: u32, minutes: i32) -> SnapSession {
        let mut s: SnapSession = serde_json::from_value(serde_json::json!({
            "guid": id, "title": id, "abstract_md": "", "description_md": "",
            "language": "en", "level": "beginner", "session_type": "Talk",
            "track_id": null, "room_id": room, "starts_at": at(h, m),
            "duration_minutes": minutes, "speakers": [], "sequence": 0,
        }))
        .expect("a session");
        s.room_id = room.map(crate::model::RoomId::from);
        s
    }

    fn snapshot(sessions: Vec<SnapSession>, breaks: Vec<SnapBreak>) -> Snapshot {
        serde_json::from_value(serde_json::json!({
            "rooms": [
                {"id": "a", "name": "A", "capacity": 100, "stream_url": ""},
                {"id": "b", "name": "B", "capacity": 50, "stream_url": ""},
            ],
            "tracks": Vec::<SnapTrack>::new(),
            "breaks": breaks,
            "sessions": sessions,
            "changes": [],
        }))
        .expect("a snapshot")
    }

    fn drawn<'a>(board: &'a Board) -> Vec<(&'a str, usize, usize, usize)> {
        board
            .rows
            .iter()
            .enumerate()
            .flat_map(|(r, row)| {
                row.tiles.iter().filter_map(move |t| match t {
                    Tile::Session {
                        item, rows, cols, ..
                    } => Some((item.session.guid.as_str(), r, *rows, *cols)),
                    _ => None,
                })
            })
            .collect()
    }

    /// Every row covers the full width: the table is rectangular.
    fn assert_rectangular(board: &Board) {
        let mut covered = vec![0usize; board.rows.len()];
        for (r, row) in board.rows.iter().enumerate() {
            for t in &row.tiles {
                let (rows, cols) = t.extent();
                for c in covered.iter_mut().skip(r).take(rows) {
                    *c += cols;
                }
            }
        }
        assert!(covered.iter().all(|c| *c == board.width), "{covered:?}");
    }

    fn draw(snap: &Snapshot) -> Board<'_> {
        day(
            &edition(),
            snap,
            edition().starts_on,
            (at(9, 0), at(12, 0), 15),
        )
    }

    #[test]
    fn a_double_booked_room_draws_both_sessions_side_by_side() {
        let snap = snapshot(
            vec![
                session("one", Some("a"), 10, 0, 45),
                session("two", Some("a"), 10, 30, 30),
                session("three", Some("b"), 10, 0, 45),
                session("later", Some("a"), 11, 30, 30),
            ],
            vec![],
        );
        let board = draw(&snap);
        assert_eq!(board.columns[0].lanes, 2);
        assert_eq!(board.columns[1].lanes, 1);
        assert_eq!(board.width, 3);
        let tiles = drawn(&board);
        assert!(tiles.contains(&("one", 4, 3, 1)), "{tiles:?}");
        assert!(tiles.contains(&("two", 6, 2, 1)), "{tiles:?}");
        // Nothing overlaps it: it takes both lanes of its room.
        assert!(tiles.contains(&("later", 10, 2, 2)), "{tiles:?}");
        assert!(tiles.contains(&("three", 4, 3, 1)), "{tiles:?}");
        assert_rectangular(&board);
    }

    #[test]
    fn breaks_span_the_day_unless_something_overlaps_them() {
        let lunch = |h| SnapBreak {
            title: "Lunch".into(),
            starts_at: at(h, 0),
            ends_at: at(h + 1, 0),
        };
        let snap = snapshot(vec![session("k", None, 9, 0, 60)], vec![lunch(11)]);
        let board = draw(&snap);
        assert!(matches!(
            board.rows[0].tiles[0],
            Tile::Session { cols: 2, .. }
        ));
        assert!(matches!(
            board.rows[8].tiles[0],
            Tile::Break {
                cols: 2,
                rows: 4,
                ..
            }
        ));
        assert_rectangular(&board);

        let snap = snapshot(
            vec![
                session("x", Some("b"), 10, 45, 30),
                session("k", None, 9, 0, 60),
            ],
            vec![lunch(11)],
        );
        let board = draw(&snap);
        // The break is drawn in each room; the session crossing it beside it in room B.
        let breaks = board.rows[8]
            .tiles
            .iter()
            .filter(|t| matches!(t, Tile::Break { cols: 1, .. }))
            .count();
        assert_eq!(breaks, 2);
        assert!(drawn(&board).contains(&("x", 7, 2, 1)));
        // Room B has two lanes now; the keynote spans all three.
        assert!(
            drawn(&board).contains(&("k", 0, 4, 3)),
            "{:?}",
            drawn(&board)
        );
        assert_rectangular(&board);
    }
}
