//! Finding registrations and their tickets, and counting them.

use crate::model::RegistrationId;
use crate::model::RegistrationState;
use devday_db::schema::{
    registration_tickets::dsl as rt, registrations::dsl as r, ticket_types::dsl as tt,
};
use devday_db::{now, DbConn};
use devday_shared::bilingual::pick;
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::TicketTypeId;
use devday_shared::{crypto, AppResult};
use diesel::prelude::*;

use crate::model::{Registration, TicketType};

use crate::settings;
use devday_db::sql::lower;

/// A registration of the edition by id (organisers' pages).
pub fn in_edition(
    conn: &mut DbConn,
    edition_id: &EditionId,
    id: &RegistrationId,
) -> QueryResult<Option<Registration>> {
    r::registrations
        .filter(r::edition_id.eq(edition_id))
        .filter(r::id.eq(id))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

/// The address's held or confirmed registration in the edition (`email` normalised).
pub fn active_by_email(
    conn: &mut DbConn,
    edition_id: &EditionId,
    email: &str,
) -> QueryResult<Option<Registration>> {
    r::registrations
        .filter(r::edition_id.eq(edition_id))
        .filter(r::email.eq(email))
        .filter(r::state.eq_any(RegistrationState::ACTIVE))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

pub fn by_confirm_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<Registration>> {
    r::registrations
        .filter(r::confirm_token_hash.eq(crypto::token_hash(token)))
        .filter(r::state.eq(RegistrationState::Held))
        .filter(r::held_until.gt(now()))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

pub fn by_manage_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<Registration>> {
    r::registrations
        .filter(r::manage_token_hash.eq(crypto::token_hash(token)))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

pub fn tickets_of(
    conn: &mut DbConn,
    registration_id: &RegistrationId,
) -> QueryResult<Vec<TicketType>> {
    rt::registration_tickets
        .inner_join(tt::ticket_types)
        .filter(rt::registration_id.eq(registration_id))
        .order(tt::position.asc())
        .select(TicketType::as_select())
        .load(conn)
}

/// The ticket type ids of every registration of an edition, in ticket order (one query).
pub fn ticket_ids(
    conn: &mut DbConn,
    edition_id: &EditionId,
) -> QueryResult<std::collections::HashMap<String, Vec<TicketTypeId>>> {
    let rows: Vec<(String, TicketTypeId)> = rt::registration_tickets
        .inner_join(tt::ticket_types)
        .filter(tt::edition_id.eq(edition_id))
        .order((rt::registration_id.asc(), tt::position.asc()))
        .select((rt::registration_id, tt::id))
        .load(conn)?;
    let mut ids = std::collections::HashMap::<String, Vec<TicketTypeId>>::new();
    for (registration, ticket) in rows {
        ids.entry(registration).or_default().push(ticket);
    }
    Ok(ids)
}

/// The ticket names of every registration of an edition in the reader's language, in
/// ticket order, for the attendee list (one query, not one per person).
pub fn ticket_names(
    conn: &mut DbConn,
    edition_id: &EditionId,
    locale: Locale,
) -> QueryResult<std::collections::HashMap<String, Vec<String>>> {
    let rows: Vec<(String, String, String)> = rt::registration_tickets
        .inner_join(tt::ticket_types)
        .filter(tt::edition_id.eq(edition_id))
        .order((rt::registration_id.asc(), tt::position.asc()))
        .select((rt::registration_id, tt::name, tt::name_de))
        .load(conn)?;
    let mut names = std::collections::HashMap::<String, Vec<String>>::new();
    for (registration, name, name_de) in rows {
        names
            .entry(registration)
            .or_default()
            .push(pick(locale, &name, &name_de).to_owned());
    }
    Ok(names)
}

/// Counts per ticket type: (name, capacity, taken, confirmed, held).
pub fn counts(conn: &mut DbConn, edition_id: &EditionId) -> AppResult<Vec<(TicketType, i64, i64)>> {
    let mut out = Vec::new();
    for t in settings::ticket_types(conn, edition_id)? {
        let by_state = |conn: &mut DbConn, state: RegistrationState| -> QueryResult<i64> {
            rt::registration_tickets
                .inner_join(r::registrations)
                .filter(rt::ticket_type_id.eq(&t.id))
                .filter(r::state.eq(state))
                .count()
                .get_result(conn)
        };
        let confirmed = by_state(conn, RegistrationState::Confirmed)?;
        let held = by_state(conn, RegistrationState::Held)?;
        out.push((t, confirmed, held));
    }
    Ok(out)
}

pub fn list(
    conn: &mut DbConn,
    edition_id: &EditionId,
    search: &str,
) -> QueryResult<Vec<Registration>> {
    let mut q = r::registrations
        .filter(r::edition_id.eq(edition_id))
        .into_boxed();
    let search = search.trim().replace(['%', '_'], "");
    if !search.is_empty() {
        // Folded in SQL on both sides (see `devday_db::sql::lower`).
        let pattern = format!("%{search}%");
        q = q.filter(
            lower(r::email)
                .like(lower(pattern.clone()))
                .or(lower(r::name).like(lower(pattern))),
        );
    }
    q.order(r::created_at.asc())
        .select(Registration::as_select())
        .load(conn)
}
