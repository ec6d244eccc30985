//! What the timetable hands on to next year (see `editions::carry`): the rooms with their
//! capacities and streams, and the day grid with its breaks. No placement or release
//! travels.

use devday_db::schema::{rooms::dsl as r, schedule_breaks::dsl as b, schedule_settings::dsl as ss};
use devday_db::DbConn;
use devday_shared::editions::carry::{Carry, Carrying, Preview};
use devday_shared::editions::Edition;
use devday_shared::AppResult;
use diesel::prelude::*;
use diesel::sql_types::Text;

use crate::model::{Break, Room};

pub const ROOMS: Carry = Carry {
    key: "rooms",
    preview: |conn, from| {
        Ok(Preview::named(
            rooms(conn, from)?
                .into_iter()
                .map(|room| (room.name.clone(), room.name))
                .collect(),
        ))
    },
    copy: copy_rooms,
};

pub const GRID: Carry = Carry {
    key: "grid",
    preview: |conn, from| {
        let grid = ss::schedule_settings
            .find(&from.id)
            .count()
            .get_result::<i64>(conn)?;
        let breaks = breaks(conn, from)?;
        Ok(Preview {
            count: usize::from(grid > 0) + breaks.len(),
            names: breaks
                .into_iter()
                .map(|b| (b.title.clone(), b.title))
                .collect(),
        })
    },
    copy: copy_grid,
};

fn rooms(conn: &mut DbConn, from: &Edition) -> QueryResult<Vec<Room>> {
    r::rooms
        .filter(r::edition_id.eq(&from.id))
        .order(r::position.asc())
        .select(Room::as_select())
        .load(conn)
}

fn breaks(conn: &mut DbConn, from: &Edition) -> QueryResult<Vec<Break>> {
    b::schedule_breaks
        .filter(b::edition_id.eq(&from.id))
        .order(b::starts_at.asc())
        .select(Break::as_select())
        .load(conn)
}

fn copy_rooms(conn: &mut DbConn, c: &mut Carrying<'_>) -> AppResult<usize> {
    let rows = rooms(conn, c.from)?;
    for mut row in rows.iter().cloned() {
        row.id = c.new_id(&row.id);
        row.edition_id = c.to.id.clone();
        diesel::insert_into(r::rooms).values(&row).execute(conn)?;
    }
    Ok(rows.len())
}

/// The day's hours and granularity, and the breaks at the same times a year on.
fn copy_grid(conn: &mut DbConn, c: &mut Carrying<'_>) -> AppResult<usize> {
    // The grid is one row, copied in the database as it is.
    let grid = diesel::insert_into(ss::schedule_settings)
        .values(
            ss::schedule_settings
                .filter(ss::edition_id.eq(&c.from.id))
                .select((
                    c.to.id.as_str().into_sql::<Text>(),
                    ss::day_starts,
                    ss::day_ends,
                    ss::granularity_minutes,
                    ss::change_minutes,
                )),
        )
        .into_columns((
            ss::edition_id,
            ss::day_starts,
            ss::day_ends,
            ss::granularity_minutes,
            ss::change_minutes,
        ))
        .execute(conn)?;
    let rows = breaks(conn, c.from)?;
    for mut row in rows.iter().cloned() {
        row.id = c.new_id(&row.id);
        row.edition_id = c.to.id.clone();
        row.starts_at = c.moved(row.starts_at);
        row.ends_at = c.moved(row.ends_at);
        diesel::insert_into(b::schedule_breaks)
            .values(&row)
            .execute(conn)?;
    }
    Ok(grid + rows.len())
}
