//! The draft timetable: confirmed sessions and where they sit. Every change names the
//! version it started from, so two organisers editing at once cannot overwrite each
//! other unseen: the second gets a conflict and reloads.

use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::ProposalId;
use devday_shared::vocabulary::UserId;
use std::collections::HashMap;

use chrono::NaiveDate;
use devday_cfp::model::ProposalState;
use devday_db::schema::{
    placements::dsl as pl, proposal_speakers::dsl as ps, proposals::dsl as p,
    session_types::dsl as st, users::dsl as u,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::{AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::grid;
use crate::history::{self, Batch};
use crate::model::{GridSettings, Placement, Room};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Speaker {
    pub user_id: UserId,
    pub name: String,
}

/// A confirmed session with its speakers and, once placed, its place in the draft.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Session {
    pub proposal_id: ProposalId,
    pub title: String,
    pub track_id: Option<String>,
    pub language: String,
    pub level: String,
    pub session_type: String,
    pub session_type_de: String,
    /// The session type's length, used when it is first placed.
    pub default_minutes: i32,
    pub speakers: Vec<Speaker>,
    pub placement: Option<Placement>,
}

/// The confirmed sessions of an edition, by title.
pub fn sessions(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Session>> {
    type Row = (
        ProposalId,
        String,
        Option<String>,
        String,
        String,
        String,
        String,
        i32,
        Option<Placement>,
    );
    let rows: Vec<Row> = p::proposals
        .inner_join(st::session_types)
        .left_join(pl::placements)
        .filter(p::edition_id.eq(edition_id))
        .filter(p::state.eq(ProposalState::Confirmed))
        .order(p::title.asc())
        .select((
            p::id,
            p::title,
            p::track_id,
            p::language,
            p::level,
            st::name,
            st::name_de,
            st::duration_minutes,
            Option::<Placement>::as_select(),
        ))
        .load(conn)?;
    let ids: Vec<&ProposalId> = rows.iter().map(|r| &r.0).collect();
    let mut speakers: HashMap<String, Vec<Speaker>> = HashMap::new();
    for (proposal_id, user_id, name) in ps::proposal_speakers
        .inner_join(u::users)
        .filter(ps::proposal_id.eq_any(ids))
        .order(u::display_name.asc())
        .select((ps::proposal_id, u::id, u::display_name))
        .load::<(String, UserId, String)>(conn)?
    {
        speakers
            .entry(proposal_id)
            .or_default()
            .push(Speaker { user_id, name });
    }
    Ok(rows
        .into_iter()
        .map(
            |(
                proposal_id,
                title,
                track_id,
                language,
                level,
                session_type,
                session_type_de,
                minutes,
                placement,
            )| {
                Session {
                    speakers: speakers.remove(proposal_id.as_str()).unwrap_or_default(),
                    proposal_id,
                    title,
                    track_id,
                    language,
                    level,
                    session_type,
                    session_type_de,
                    default_minutes: minutes,
                    placement,
                }
            },
        )
        .collect())
}

/// A session's title, for the messages that name it.
pub fn title(conn: &mut DbConn, proposal_id: &ProposalId) -> QueryResult<String> {
    p::proposals.find(proposal_id).select(p::title).first(conn)
}

/// Where to put a session: the editor's form, the drag and drop and the API send this.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct PlaceForm {
    /// `YYYY-MM-DD`, one of the edition's days.
    pub day: String,
    /// A room's id, or `all` for a session spanning every room.
    pub room: String,
    /// `HH:MM`, local time.
    pub start: String,
    /// Minutes; empty keeps the current length (or the session type's).
    pub duration: String,
    /// The version the change starts from: 0 for a session not yet placed.
    pub version: String,
    /// Keep it here when the optimiser proposes a timetable.
    pub pinned: bool,
}

/// Puts a session on the grid or moves it, as part of `batch`; answers the placement as
/// saved.
pub fn place(
    conn: &mut DbConn,
    edition: &Edition,
    grid_settings: &GridSettings,
    rooms: &[Room],
    proposal_id: &ProposalId,
    form: &PlaceForm,
    batch: &Batch,
) -> AppResult<Placement> {
    let session = sessions(conn, &edition.id)?
        .into_iter()
        .find(|s| s.proposal_id == *proposal_id)
        .ok_or(AppError::NotFound)?;
    let mut errors = FieldErrors::new();
    let room_id = match form.room.trim() {
        "all" => None,
        id => match rooms.iter().find(|r| r.id == id) {
            Some(room) => Some(room.id.clone()),
            None => {
                errors.add("room", "schedule-pick-room");
                None
            }
        },
    };
    let day = NaiveDate::parse_from_str(form.day.trim(), "%Y-%m-%d").ok();
    let time = grid::parse_time(&form.start);
    if time.is_none() {
        errors.add("start", "time-invalid");
    }
    let minutes = match form.duration.trim() {
        "" => Some(
            session
                .placement
                .as_ref()
                .map_or(session.default_minutes, |p| p.duration_minutes),
        ),
        d => d.parse::<i32>().ok(),
    };
    let start = day.zip(time).and_then(|(d, t)| grid::to_utc(edition, d, t));
    match (start, minutes) {
        (None, _) if time.is_some() => errors.add("day", "schedule-not-a-day"),
        (_, None) => errors.add("duration", "schedule-bad-duration"),
        (Some(start), Some(minutes)) => {
            if let Some(why) = grid::misfit(edition, grid_settings, start, minutes) {
                let field = match why {
                    "schedule-bad-duration" => "duration",
                    "schedule-not-a-day" => "day",
                    _ => "start",
                };
                errors.add(field, why);
            }
        }
        _ => {}
    }
    errors.into_result()?;
    let (Some(start), Some(minutes)) = (start, minutes) else {
        return Err(AppError::Refused(devday_shared::Refusal::InvalidPlacement));
    };
    let expected = form.version.trim().parse::<i32>().unwrap_or(-1);
    write_transaction(conn, |conn| {
        let before = placement_of(conn, proposal_id)?;
        let current = before.as_ref().map_or(0, |b| b.version);
        if current != expected {
            return Err(AppError::Refused(
                devday_shared::Refusal::TimetableChangedMeanwhile,
            ));
        }
        history::record(
            conn,
            batch,
            &edition.id,
            proposal_id,
            before.as_ref(),
            current + 1,
        )?;
        diesel::delete(pl::placements.find(proposal_id)).execute(conn)?;
        diesel::insert_into(pl::placements)
            .values((
                pl::proposal_id.eq(proposal_id),
                pl::edition_id.eq(&edition.id),
                pl::room_id.eq(&room_id),
                pl::starts_at.eq(start),
                pl::duration_minutes.eq(minutes),
                pl::version.eq(current + 1),
                pl::updated_at.eq(now()),
                pl::pinned.eq(form.pinned),
            ))
            .execute(conn)?;
        Ok(pl::placements
            .find(proposal_id)
            .select(Placement::as_select())
            .first(conn)?)
    })
}

fn placement_of(conn: &mut DbConn, proposal_id: &str) -> QueryResult<Option<Placement>> {
    pl::placements
        .find(proposal_id)
        .select(Placement::as_select())
        .first(conn)
        .optional()
}

/// Takes a session off the grid, back to the unscheduled list, as part of `batch`.
pub fn unplace(
    conn: &mut DbConn,
    edition_id: &EditionId,
    proposal_id: &ProposalId,
    expected_version: i32,
    batch: &Batch,
) -> AppResult<()> {
    write_transaction(conn, |conn| match placement_of(conn, proposal_id)? {
        Some(placed) if placed.edition_id != *edition_id => Err(AppError::NotFound),
        Some(placed) if placed.version == expected_version => {
            history::record(conn, batch, edition_id, proposal_id, Some(&placed), 0)?;
            diesel::delete(pl::placements.find(proposal_id)).execute(conn)?;
            Ok(())
        }
        _ => Err(AppError::Refused(
            devday_shared::Refusal::TimetableChangedMeanwhile,
        )),
    })
}
