//! At the door: from a time the organisers choose, seats of confirmed people who have not
//! come yet may go to people on the waiting list who are there. The desk sees who is next
//! and how many seats the door may give; each seat given is logged (who, from which place
//! on the list, by whom, when). No one's registration is taken away: a late holder still
//! gets in, so the door gives at most the room's seats minus everyone already in, and never
//! passes the venue's hard limit.

use chrono::NaiveDateTime;
use devday_db::schema::{
    door_admissions::dsl as da, registration_settings::dsl as rs, registration_tickets::dsl as rt,
    registrations::dsl as r, ticket_types::dsl as tt, users::dsl as u, waitlist_entries::dsl as w,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::editions::form::local_to_utc;
use devday_shared::editions::Edition;
use devday_shared::mail::Mailer;
use devday_shared::vocabulary::{EditionId, RegistrationId, UserId};
use devday_shared::{AppError, AppResult, FieldErrors, Refusal};
use diesel::prelude::*;
use serde::Serialize;

use crate::model::{RegistrationState, TicketKind, TicketType, WaitlistEntry, WaitlistState};
use crate::register::Registered;
use crate::{seats, settings, waitlist};

/// What the desk sees.
#[derive(Debug, Clone, Serialize)]
pub struct Door {
    pub release_at: Option<NaiveDateTime>,
    /// The door gives seats now.
    pub open: bool,
    /// The conference's seats (its capacity: the room, not the overbooking margin).
    pub seats: i64,
    /// Holders of a conference ticket who are in.
    pub present: i64,
    /// Seats given at the door to people who are not checked in yet.
    pub given_not_in: i64,
    /// How many the door may still give.
    pub free: i64,
    /// The waiting list in order (the first few).
    pub next: Vec<WaitlistEntry>,
    pub log: Vec<Given>,
}

/// One seat the door gave.
#[derive(Debug, Clone, Serialize, Queryable)]
pub struct Given {
    pub name: String,
    pub queue_no: i32,
    pub by: Option<String>,
    pub at: NaiveDateTime,
}

/// How many of the list the desk sees at once.
const NEXT: i64 = 12;

fn conference(conn: &mut DbConn, edition_id: &EditionId) -> AppResult<TicketType> {
    Ok(tt::ticket_types
        .filter(tt::edition_id.eq(edition_id))
        .filter(tt::kind.eq(TicketKind::Conference))
        .order(tt::position.asc())
        .select(TicketType::as_select())
        .first(conn)?)
}

/// The door as it stands for `edition` at `at`.
pub fn door(conn: &mut DbConn, edition: &Edition, at: NaiveDateTime) -> AppResult<Door> {
    let release_at = settings::get(conn, &edition.id)?.door_release_at;
    let ticket = conference(conn, &edition.id)?;
    let holders: Vec<RegistrationId> = rt::registration_tickets
        .inner_join(r::registrations)
        .filter(rt::ticket_type_id.eq(&ticket.id))
        .filter(r::state.eq(RegistrationState::Confirmed))
        .select(r::id)
        .load(conn)?;
    let present = devday_badges::checkin::present(conn, &edition.id, &holders)?;
    let given: Vec<RegistrationId> = da::door_admissions
        .filter(da::edition_id.eq(&edition.id))
        .select(da::registration_id)
        .load(conn)?;
    let given_not_in = given.iter().filter(|g| !present.contains(g)).count() as i64;
    let (present, seats) = (present.len() as i64, i64::from(ticket.capacity));
    let next = w::waitlist_entries
        .filter(w::ticket_type_id.eq(&ticket.id))
        .filter(w::state.eq_any(WaitlistState::ACTIVE))
        .order(w::queue_no.asc())
        .limit(NEXT)
        .select(WaitlistEntry::as_select())
        .load(conn)?;
    let log = da::door_admissions
        .inner_join(r::registrations)
        .left_join(u::users.on(da::admitted_by.eq(u::id.nullable())))
        .filter(da::edition_id.eq(&edition.id))
        .order(da::admitted_at.desc())
        .select((
            r::name,
            da::queue_no,
            u::display_name.nullable(),
            da::admitted_at,
        ))
        .load(conn)?;
    Ok(Door {
        open: release_at.is_some_and(|r| r <= at),
        release_at,
        seats,
        present,
        given_not_in,
        free: (seats - present - given_not_in).max(0),
        next,
        log,
    })
}

/// Sets (or, empty, clears) the time from which the door gives seats; local to the
/// edition, on or before its last day.
pub fn set_release(
    conn: &mut DbConn,
    edition: &Edition,
    value: &str,
) -> AppResult<Option<NaiveDateTime>> {
    let at = match value.trim() {
        "" => None,
        v => {
            let mut errors = FieldErrors::new();
            let at = local_to_utc(edition, v);
            if at.is_none() {
                errors.add("door_release_at", "datetime-invalid");
            }
            errors.into_result()?;
            at
        }
    };
    // The settings row exists once the texts are saved; registration is closed before.
    settings::get(conn, &edition.id)?;
    let n = diesel::update(rs::registration_settings.find(&edition.id))
        .set(rs::door_release_at.eq(at))
        .execute(conn)?;
    if n == 0 {
        return Err(AppError::Refused(Refusal::RegistrationClosed));
    }
    Ok(at)
}

/// Gives a seat at the door to the person at place `queue_no` of the conference's waiting
/// list, who is there: their registration is confirmed and the ticket mailed, and the
/// desk checks them in as anyone else. Refused before the release time, when no seat is
/// free at the door, and at the venue's hard limit.
pub fn give(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    queue_no: i32,
    by: &UserId,
) -> AppResult<Registered> {
    let registered = write_transaction(conn, |conn| {
        let ticket = conference(conn, &edition.id)?;
        let entry: WaitlistEntry = w::waitlist_entries
            .filter(w::ticket_type_id.eq(&ticket.id))
            .filter(w::queue_no.eq(queue_no))
            .filter(w::state.eq_any(WaitlistState::ACTIVE))
            .select(WaitlistEntry::as_select())
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)?;
        // Desks giving at once count one after the other: the ticket type's row is
        // locked (an update that changes nothing) before the door is counted.
        diesel::update(tt::ticket_types.find(&ticket.id))
            .set(tt::taken.eq(tt::taken))
            .execute(conn)?;
        let door = door(conn, edition, now())?;
        if !door.open {
            return Err(AppError::Refused(Refusal::DoorNotOpen));
        }
        if door.free < 1 {
            return Err(AppError::Refused(Refusal::NoSeatAtDoor));
        }
        // An open offer holds its seat already; anyone else takes one on top of the
        // margin, below the hard limit.
        if entry.state == WaitlistState::Waiting && !seats::take_beyond_capacity(conn, &ticket.id)?
        {
            return Err(AppError::Refused(Refusal::ConferenceFull));
        }
        let n = diesel::update(
            w::waitlist_entries
                .filter(w::id.eq(&entry.id))
                .filter(w::state.eq(entry.state)),
        )
        .set((
            w::state.eq(WaitlistState::Accepted),
            w::updated_at.eq(now()),
        ))
        .execute(conn)?;
        if n != 1 {
            return Err(AppError::NotFound);
        }
        waitlist::left_the_list(conn, &ticket.id)?;
        let registered = waitlist::seat(conn, mailer, edition, &entry)?;
        diesel::insert_into(da::door_admissions)
            .values((
                da::registration_id.eq(&registered.registration.id),
                da::edition_id.eq(&edition.id),
                da::queue_no.eq(entry.queue_no),
                da::admitted_by.eq(by),
                da::admitted_at.eq(now()),
            ))
            .execute(conn)?;
        tracing::info!(edition = %edition.slug, queue_no, by = %by, "seat given at the door");
        Ok(registered)
    })?;
    mailer.notify();
    Ok(registered)
}
