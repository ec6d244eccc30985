//! What organisers set up before building the timetable: rooms, the day grid and breaks.

use crate::model::{BreakId, RoomId};
use chrono::{NaiveDate, NaiveTime};
use devday_db::schema::{
    rooms::dsl as rm, schedule_breaks::dsl as sb, schedule_settings::dsl as ss,
};
use devday_db::{write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::vocabulary::EditionId;
use devday_shared::{AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::grid;
use crate::model::{Break, GridSettings, Room};

pub fn rooms(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Room>> {
    rm::rooms
        .filter(rm::edition_id.eq(edition_id))
        .order((rm::position.asc(), rm::name.asc()))
        .select(Room::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct RoomForm {
    pub name: String,
    /// Seats.
    pub capacity: String,
    /// Place among the rooms, left to right; empty puts a new room last.
    pub position: String,
    pub stream_url: String,
}

struct ValidRoom {
    name: String,
    capacity: i32,
    position: Option<i32>,
    stream_url: String,
}

fn check_room(form: &RoomForm) -> AppResult<ValidRoom> {
    let mut errors = FieldErrors::new();
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.add("name", "field-required");
    }
    let capacity = form.capacity.trim().parse::<i32>().ok();
    if !capacity.is_some_and(|c| (1..=100_000).contains(&c)) {
        errors.add("capacity", "number-out-of-range");
    }
    let position = match form.position.trim() {
        "" => None,
        p => match p.parse::<i32>().ok().filter(|p| (0..=1000).contains(p)) {
            Some(p) => Some(p),
            None => {
                errors.add("position", "number-out-of-range");
                None
            }
        },
    };
    let stream_url = form.stream_url.trim();
    if !(stream_url.is_empty() || stream_url.starts_with("https://")) || stream_url.len() > 500 {
        errors.add("stream_url", "schedule-url-https");
    }
    errors.into_result()?;
    Ok(ValidRoom {
        name: name.to_owned(),
        capacity: capacity.unwrap_or(1),
        position,
        stream_url: stream_url.to_owned(),
    })
}

pub fn add_room(conn: &mut DbConn, edition_id: &EditionId, form: &RoomForm) -> AppResult<Room> {
    let valid = check_room(form)?;
    write_transaction(conn, |conn| {
        taken_name(conn, edition_id, &valid.name, None)?;
        let last: Option<i32> = rm::rooms
            .filter(rm::edition_id.eq(edition_id))
            .select(diesel::dsl::max(rm::position))
            .first(conn)?;
        let id = uuid::Uuid::new_v4().to_string();
        diesel::insert_into(rm::rooms)
            .values((
                rm::id.eq(&id),
                rm::edition_id.eq(edition_id),
                rm::name.eq(&valid.name),
                rm::capacity.eq(valid.capacity),
                rm::position.eq(valid.position.unwrap_or(last.map_or(0, |p| p + 1))),
                rm::stream_url.eq(&valid.stream_url),
            ))
            .execute(conn)?;
        Ok(rm::rooms.find(&id).select(Room::as_select()).first(conn)?)
    })
}

fn taken_name(
    conn: &mut DbConn,
    edition_id: &EditionId,
    name: &str,
    except: Option<&str>,
) -> AppResult<()> {
    let same: Vec<String> = rm::rooms
        .filter(rm::edition_id.eq(edition_id))
        .filter(rm::name.eq(name))
        .select(rm::id)
        .load(conn)?;
    if same.iter().any(|id| Some(id.as_str()) != except) {
        let mut errors = FieldErrors::new();
        errors.add("name", "schedule-room-name-taken");
        return Err(AppError::Invalid(errors));
    }
    Ok(())
}

pub fn update_room(
    conn: &mut DbConn,
    edition_id: &EditionId,
    id: &str,
    form: &RoomForm,
) -> AppResult<()> {
    let valid = check_room(form)?;
    write_transaction(conn, |conn| {
        taken_name(conn, edition_id, &valid.name, Some(id))?;
        let target = rm::rooms
            .filter(rm::id.eq(id))
            .filter(rm::edition_id.eq(edition_id));
        let changed = match valid.position {
            Some(position) => diesel::update(target)
                .set((
                    rm::name.eq(&valid.name),
                    rm::capacity.eq(valid.capacity),
                    rm::position.eq(position),
                    rm::stream_url.eq(&valid.stream_url),
                ))
                .execute(conn)?,
            None => diesel::update(target)
                .set((
                    rm::name.eq(&valid.name),
                    rm::capacity.eq(valid.capacity),
                    rm::stream_url.eq(&valid.stream_url),
                ))
                .execute(conn)?,
        };
        if changed == 0 {
            return Err(AppError::NotFound);
        }
        Ok(())
    })
}

/// Removes a room; sessions placed in it go back to the unscheduled list.
pub fn delete_room(conn: &mut DbConn, edition_id: &EditionId, id: &RoomId) -> AppResult<()> {
    let gone = diesel::delete(
        rm::rooms
            .filter(rm::id.eq(id))
            .filter(rm::edition_id.eq(edition_id)),
    )
    .execute(conn)?;
    if gone == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

pub fn grid_settings(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<GridSettings> {
    let row: Option<(String, String, i32, i32)> = ss::schedule_settings
        .find(edition_id)
        .select((
            ss::day_starts,
            ss::day_ends,
            ss::granularity_minutes,
            ss::change_minutes,
        ))
        .first(conn)
        .optional()?;
    let default = GridSettings::default();
    Ok(match row {
        Some((starts, ends, granularity_minutes, change_minutes)) => GridSettings {
            day_starts: grid::parse_time(&starts).unwrap_or(default.day_starts),
            day_ends: grid::parse_time(&ends).unwrap_or(default.day_ends),
            granularity_minutes,
            change_minutes,
        },
        None => default,
    })
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct GridForm {
    /// `HH:MM`, local time.
    pub day_starts: String,
    pub day_ends: String,
    pub granularity_minutes: String,
    pub change_minutes: String,
}

impl From<&GridSettings> for GridForm {
    fn from(g: &GridSettings) -> Self {
        GridForm {
            day_starts: g.day_starts.format("%H:%M").to_string(),
            day_ends: g.day_ends.format("%H:%M").to_string(),
            granularity_minutes: g.granularity_minutes.to_string(),
            change_minutes: g.change_minutes.to_string(),
        }
    }
}

/// Two `HH:MM` fields, the second after the first; errors go beside the field named.
fn time_span(
    (start, start_field): (&str, &str),
    (end, end_field): (&str, &str),
    errors: &mut FieldErrors,
) -> (Option<NaiveTime>, Option<NaiveTime>) {
    let (starts, ends) = (grid::parse_time(start), grid::parse_time(end));
    if starts.is_none() {
        errors.add(start_field, "time-invalid");
    }
    match (starts, ends) {
        (_, None) => errors.add(end_field, "time-invalid"),
        (Some(s), Some(e)) if e <= s => errors.add(end_field, "schedule-end-before-start"),
        _ => {}
    }
    (starts, ends)
}

pub fn save_grid(conn: &mut DbConn, edition_id: &EditionId, form: &GridForm) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let (starts, ends) = time_span(
        (&form.day_starts, "day_starts"),
        (&form.day_ends, "day_ends"),
        &mut errors,
    );
    let granularity = form.granularity_minutes.trim().parse::<i32>().ok();
    if !granularity.is_some_and(|g| [5, 10, 15, 30, 60].contains(&g)) {
        errors.add("granularity_minutes", "schedule-granularity-choice");
    }
    let change = form.change_minutes.trim().parse::<i32>().ok();
    if !change.is_some_and(|c| (0..=60).contains(&c)) {
        errors.add("change_minutes", "number-out-of-range");
    }
    errors.into_result()?;
    let (Some(starts), Some(ends), Some(granularity), Some(change)) =
        (starts, ends, granularity, change)
    else {
        return Err(AppError::Refused(devday_shared::Refusal::InvalidGrid));
    };
    write_transaction(conn, |conn| {
        diesel::delete(ss::schedule_settings.find(edition_id)).execute(conn)?;
        diesel::insert_into(ss::schedule_settings)
            .values((
                ss::edition_id.eq(edition_id),
                ss::day_starts.eq(starts.format("%H:%M").to_string()),
                ss::day_ends.eq(ends.format("%H:%M").to_string()),
                ss::granularity_minutes.eq(granularity),
                ss::change_minutes.eq(change),
            ))
            .execute(conn)?;
        Ok(())
    })
}

pub fn breaks(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Break>> {
    sb::schedule_breaks
        .filter(sb::edition_id.eq(edition_id))
        .order(sb::starts_at.asc())
        .select(Break::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct BreakForm {
    /// "Coffee", "Lunch".
    pub title: String,
    /// `YYYY-MM-DD`, one of the edition's days.
    pub day: String,
    /// `HH:MM`, local time.
    pub starts: String,
    pub ends: String,
}

pub fn add_break(conn: &mut DbConn, edition: &Edition, form: &BreakForm) -> AppResult<Break> {
    let mut errors = FieldErrors::new();
    let title = form.title.trim();
    if title.is_empty() || title.chars().count() > 100 {
        errors.add("title", "field-required");
    }
    let day = NaiveDate::parse_from_str(form.day.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| grid::days(edition).contains(d));
    if day.is_none() {
        errors.add("day", "schedule-not-a-day");
    }
    let (starts, ends) = time_span((&form.starts, "starts"), (&form.ends, "ends"), &mut errors);
    let utc = |t| day.zip(t).and_then(|(d, t)| grid::to_utc(edition, d, t));
    let (from, to) = (utc(starts), utc(ends));
    if errors.is_empty() && (from.is_none() || to.is_none()) {
        errors.add("starts", "time-invalid");
    }
    errors.into_result()?;
    let (Some(from), Some(to)) = (from, to) else {
        return Err(AppError::Refused(devday_shared::Refusal::InvalidBreak));
    };
    let id = uuid::Uuid::new_v4().to_string();
    diesel::insert_into(sb::schedule_breaks)
        .values((
            sb::id.eq(&id),
            sb::edition_id.eq(&edition.id),
            sb::title.eq(title),
            sb::starts_at.eq(from),
            sb::ends_at.eq(to),
        ))
        .execute(conn)?;
    Ok(sb::schedule_breaks
        .find(&id)
        .select(Break::as_select())
        .first(conn)?)
}

pub fn delete_break(conn: &mut DbConn, edition_id: &EditionId, id: &BreakId) -> AppResult<()> {
    let gone = diesel::delete(
        sb::schedule_breaks
            .filter(sb::id.eq(id))
            .filter(sb::edition_id.eq(edition_id)),
    )
    .execute(conn)?;
    if gone == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
