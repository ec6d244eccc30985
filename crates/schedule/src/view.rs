//! The public timetable as pages show it: a day as a table (rooms as columns, rows from
//! one start or end to the next), filtered by track, room, language and level.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use devday_shared::editions::Edition;
use serde::{Deserialize, Serialize};

use crate::grid;
use crate::snapshot::{SnapRoom, SnapSession, Snapshot};

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Filter {
    pub day: String,
    pub track: String,
    pub room: String,
    pub language: String,
    pub level: String,
    /// The session type (its English name, as releases keep it).
    pub kind: String,
    /// Words in the title or a speaker's name.
    pub q: String,
    /// `grid` or `list` when the visitor chose; otherwise the screen's width decides.
    pub view: String,
}

impl Filter {
    pub fn admits(&self, s: &SnapSession) -> bool {
        let is = |want: &str, have: Option<&str>| want.is_empty() || have == Some(want);
        let q = self.q.trim().to_lowercase();
        is(&self.track, s.track_id.as_deref())
            && (self.room.is_empty()
                || s.room_id.is_none()
                || s.room_id.as_deref() == Some(&self.room))
            && is(&self.language, Some(&s.language))
            && is(&self.level, Some(&s.level))
            && is(&self.kind, Some(&s.session_type))
            && (q.is_empty()
                || s.title.to_lowercase().contains(&q)
                || s.speakers
                    .iter()
                    .any(|p| p.name.to_lowercase().contains(&q)))
    }

    /// How the day is laid out: `grid`, `list`, or `auto` (grid on wide screens).
    pub fn layout(&self) -> &'static str {
        match self.view.as_str() {
            "grid" => "grid",
            "list" => "list",
            _ => "auto",
        }
    }

    /// The filter as a query string without day and view, for links that change those.
    pub fn query(&self) -> String {
        let pairs: Vec<(&str, &str)> = [
            ("q", self.q.trim()),
            ("track", &self.track),
            ("kind", &self.kind),
            ("room", &self.room),
            ("language", &self.language),
            ("level", &self.level),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect();
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    /// The cache key of a filtered page.
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}|{}|{}|{}",
            self.layout(),
            self.day,
            self.track,
            self.room,
            self.language,
            self.level,
            self.kind,
            self.q.trim().to_lowercase()
        )
    }

    /// Whether anything is filtered (the page then says how many sessions match).
    pub fn is_active(&self) -> bool {
        [
            &self.track,
            &self.room,
            &self.language,
            &self.level,
            &self.kind,
            &self.q,
        ]
        .iter()
        .any(|v| !v.trim().is_empty())
    }
}

/// A session as a page shows it, times local to the edition.
#[derive(Debug, Clone, Serialize)]
pub struct Item<'a> {
    pub session: &'a SnapSession,
    pub day: String,
    pub starts: String,
    pub ends: String,
    pub room: String,
    pub track: Option<&'a str>,
    pub track_de: Option<&'a str>,
    pub track_class: String,
}

pub fn item<'a>(edition: &Edition, snap: &'a Snapshot, s: &'a SnapSession) -> Item<'a> {
    let (day, starts) = grid::local_parts(edition, s.starts_at);
    let track_index = s
        .track_id
        .as_ref()
        .and_then(|t| snap.tracks.iter().position(|x| &x.id == t));
    Item {
        session: s,
        day: day.format("%Y-%m-%d").to_string(),
        starts: starts.format("%H:%M").to_string(),
        ends: grid::local_parts(edition, s.ends_at())
            .1
            .format("%H:%M")
            .to_string(),
        room: room_name(snap, s.room_id.as_deref()),
        track: track_index.map(|i| snap.tracks[i].name.as_str()),
        track_de: track_index.map(|i| snap.tracks[i].name_de.as_str()),
        track_class: track_index
            .map(|i| format!("track-{i}"))
            .unwrap_or_default(),
    }
}

/// The tracks' colours as classes `track-<index>` (the CSP allows no inline styles): the
/// session's left border, the legend's and list's dot.
pub fn track_css(tracks: &[crate::snapshot::SnapTrack]) -> String {
    tracks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.hex_colour().map(|c| (i, c)))
        .map(|(i, c)| {
            format!(
                ".track-{i}{{border-left-color:{c};--track:{c}}}.track-{i} .dot,.dot.track-{i}{{background:{c}}}\n"
            )
        })
        .collect()
}

pub fn room_name(snap: &Snapshot, id: Option<&str>) -> String {
    id.and_then(|id| snap.rooms.iter().find(|r| r.id == id))
        .map(|r| r.name.clone())
        .unwrap_or_default()
}

#[derive(Debug, Serialize)]
pub enum Cell<'a> {
    /// A session starting in this row, over `rows` rows and `cols` rooms.
    Session {
        item: Item<'a>,
        rows: usize,
        cols: usize,
    },
    /// A break over all rooms.
    Break {
        title: &'a str,
        rows: usize,
        cols: usize,
    },
    /// Nothing here: the editor drops sessions onto these.
    Empty { room: &'a str },
}

#[derive(Debug, Serialize)]
pub struct Row<'a> {
    pub time: String,
    pub cells: Vec<Cell<'a>>,
}

#[derive(Debug, Serialize)]
pub struct Day<'a> {
    pub date: String,
    pub rooms: Vec<&'a SnapRoom>,
    pub rows: Vec<Row<'a>>,
    /// The same sessions in order, for narrow screens.
    pub list: Vec<Item<'a>>,
    /// The sessions and the breaks in order: the list view.
    pub agenda: Vec<Entry<'a>>,
}

/// A line of the day's list: a session, or a break for everyone.
#[derive(Debug, Serialize)]
pub enum Entry<'a> {
    Session(Item<'a>),
    Break {
        title: &'a str,
        starts: String,
        ends: String,
    },
}

/// The days the release has sessions on (local dates).
pub fn days(edition: &Edition, snap: &Snapshot) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = grid::days(edition);
    days.retain(|d| {
        snap.sessions
            .iter()
            .any(|s| grid::local_parts(edition, s.starts_at).0 == *d)
    });
    days
}

/// One day as a table. With `steps` (from, to, minutes) every step is a row of its own,
/// as the editor needs to drop sessions on any slot.
pub fn day<'a>(
    edition: &Edition,
    snap: &'a Snapshot,
    date: NaiveDate,
    filter: &Filter,
    steps: Option<(NaiveDateTime, NaiveDateTime, i64)>,
) -> Day<'a> {
    let on_day = |t: NaiveDateTime| grid::local_parts(edition, t).0 == date;
    let sessions: Vec<&SnapSession> = snap
        .sessions
        .iter()
        .filter(|s| on_day(s.starts_at) && filter.admits(s))
        .collect();
    let breaks: Vec<_> = snap.breaks.iter().filter(|b| on_day(b.starts_at)).collect();
    let rooms: Vec<&SnapRoom> = snap
        .rooms
        .iter()
        .filter(|r| filter.room.is_empty() || r.id == filter.room)
        .collect();
    let mut bounds: BTreeSet<NaiveDateTime> = BTreeSet::new();
    for s in &sessions {
        bounds.insert(s.starts_at);
        bounds.insert(s.ends_at());
    }
    for b in &breaks {
        bounds.insert(b.starts_at);
        bounds.insert(b.ends_at);
    }
    if let Some((from, to, minutes)) = steps {
        let mut t = from;
        while t <= to && minutes > 0 {
            bounds.insert(t);
            t += chrono::Duration::minutes(minutes);
        }
    }
    let times: Vec<NaiveDateTime> = bounds.into_iter().collect();
    let index = |t: NaiveDateTime| times.iter().position(|x| *x == t).unwrap_or(0);
    // busy[row][col]: covered by a cell that started in an earlier row.
    let rows_count = times.len().saturating_sub(1);
    let mut busy = vec![vec![false; rooms.len()]; rows_count];
    let mut rows: Vec<Row> = Vec::with_capacity(rows_count);
    for (r, start) in times.iter().take(rows_count).enumerate() {
        let mut cells = Vec::new();
        let mut col = 0;
        if let Some(b) = breaks.iter().find(|b| b.starts_at == *start) {
            let span = index(b.ends_at) - r;
            mark(r, r + span, 0..rooms.len(), &mut busy);
            cells.push(Cell::Break {
                title: &b.title,
                rows: span,
                cols: rooms.len().max(1),
            });
            rows_push(&mut rows, edition, *start, cells);
            continue;
        }
        if let Some(s) = sessions
            .iter()
            .find(|s| s.starts_at == *start && s.room_id.is_none())
        {
            let span = index(s.ends_at()) - r;
            mark(r, r + span, 0..rooms.len(), &mut busy);
            cells.push(Cell::Session {
                item: item(edition, snap, s),
                rows: span,
                cols: rooms.len().max(1),
            });
            rows_push(&mut rows, edition, *start, cells);
            continue;
        }
        while col < rooms.len() {
            if busy[r][col] {
                col += 1;
                continue;
            }
            let here = sessions
                .iter()
                .find(|s| s.starts_at == *start && s.room_id.as_deref() == Some(&rooms[col].id));
            match here {
                Some(s) => {
                    let span = index(s.ends_at()) - r;
                    mark(r, r + span, col..col + 1, &mut busy);
                    cells.push(Cell::Session {
                        item: item(edition, snap, s),
                        rows: span,
                        cols: 1,
                    });
                }
                None => cells.push(Cell::Empty {
                    room: &rooms[col].id,
                }),
            }
            col += 1;
        }
        rows_push(&mut rows, edition, *start, cells);
    }
    let hhmm = |t: NaiveDateTime| grid::local_parts(edition, t).1.format("%H:%M").to_string();
    let mut timed: Vec<(NaiveDateTime, Entry)> = sessions
        .iter()
        .map(|s| (s.starts_at, Entry::Session(item(edition, snap, s))))
        .chain(breaks.iter().map(|b| {
            (
                b.starts_at,
                Entry::Break {
                    title: &b.title,
                    starts: hhmm(b.starts_at),
                    ends: hhmm(b.ends_at),
                },
            )
        }))
        .collect();
    timed.sort_by_key(|(t, _)| *t);
    Day {
        date: date.format("%Y-%m-%d").to_string(),
        rooms,
        rows,
        list: sessions.iter().map(|s| item(edition, snap, s)).collect(),
        agenda: timed.into_iter().map(|(_, e)| e).collect(),
    }
}

/// Marks rows `from..to` of the columns `cols` as covered.
fn mark(from: usize, to: usize, cols: std::ops::Range<usize>, busy: &mut [Vec<bool>]) {
    for row in busy.iter_mut().take(to).skip(from) {
        for c in cols.clone() {
            row[c] = true;
        }
    }
}

fn rows_push<'a>(
    rows: &mut Vec<Row<'a>>,
    edition: &Edition,
    start: NaiveDateTime,
    cells: Vec<Cell<'a>>,
) {
    rows.push(Row {
        time: grid::local_parts(edition, start)
            .1
            .format("%H:%M")
            .to_string(),
        cells,
    });
}

/// What runs at `now` and what starts next, per room (for the event days).
pub fn now_and_next<'a>(
    edition: &Edition,
    snap: &'a Snapshot,
    now: NaiveDateTime,
) -> (Vec<Item<'a>>, Vec<Item<'a>>) {
    let running: Vec<Item> = snap
        .sessions
        .iter()
        .filter(|s| s.starts_at <= now && now < s.ends_at())
        .map(|s| item(edition, snap, s))
        .collect();
    let mut next: Vec<Item> = Vec::new();
    for room in snap.rooms.iter().map(|r| Some(r.id.as_str())).chain([None]) {
        if let Some(s) = snap
            .sessions
            .iter()
            .filter(|s| s.starts_at > now && s.room_id.as_deref() == room)
            .min_by_key(|s| s.starts_at)
        {
            next.push(item(edition, snap, s));
        }
    }
    next.sort_by_key(|i| i.session.starts_at);
    (running, next)
}

#[cfg(test)]
mod tests {
    use super::Filter;

    #[test]
    fn links_that_change_day_or_view_keep_the_rest_of_the_filter() {
        let filter = Filter {
            day: "2030-05-20".into(),
            track: "t1".into(),
            q: " Rust & C ".into(),
            view: "list".into(),
            ..Filter::default()
        };
        assert_eq!(filter.query(), "q=Rust+%26+C&track=t1");
        assert_eq!(filter.layout(), "list");
        assert_eq!(Filter::default().query(), "");
    }

    #[test]
    fn an_unknown_view_lets_the_screen_decide_and_shares_its_cached_page() {
        let odd = Filter {
            view: "<script>".into(),
            ..Filter::default()
        };
        assert_eq!(odd.layout(), "auto");
        assert_eq!(odd.key(), Filter::default().key());
        assert!(!Filter {
            view: "list".into(),
            ..Filter::default()
        }
        .is_active());
    }
}
