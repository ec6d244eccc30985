//! What registration tells the edition's webhooks: ids, states and ticket types, never
//! names or addresses (a receiver with an organiser token fetches those from the API).

use chrono::NaiveDateTime;
use devday_db::DbConn;
use devday_shared::editions::Edition;
use devday_shared::webhooks::{emit, EventType};
use diesel::QueryResult;
use serde_json::json;

use crate::model::{Registration, RegistrationState, TicketType};
use crate::register::CancelledBy;

fn api_link(edition: &Edition, registration: &Registration) -> String {
    format!(
        "/api/editions/{}/registrations/{}",
        edition.slug, registration.id
    )
}

fn tickets(types: &[TicketType]) -> serde_json::Value {
    types
        .iter()
        .map(|t| json!({ "id": t.id, "name": t.name, "kind": t.kind.as_str() }))
        .collect()
}

/// A registration has just become confirmed (by its owner, as a guest, or from the waiting
/// list); not when an already confirmed one gains a workshop.
pub(crate) fn confirmed(
    conn: &mut DbConn,
    edition: &Edition,
    registration: &Registration,
) -> QueryResult<()> {
    let types = crate::register::tickets_of(conn, &registration.id)?;
    let data = json!({
        "registration": { "id": registration.id, "state": "confirmed", "tickets": tickets(&types) },
        "api": api_link(edition, registration),
    });
    emit(conn, edition, EventType::RegistrationConfirmed, data)
}

/// A confirmed registration has ended (cancelled, or deleted for good: `by` None). One that
/// was only held was never announced, so its end is not either.
pub(crate) fn cancelled(
    conn: &mut DbConn,
    edition: &Edition,
    registration: &Registration,
    by: Option<CancelledBy>,
) -> QueryResult<()> {
    if registration.state != RegistrationState::Confirmed {
        return Ok(());
    }
    let by = match by {
        Some(CancelledBy::Themselves) => "attendee",
        Some(CancelledBy::Organisers) => "organisers",
        Some(CancelledBy::Unanswered) => "unanswered_reconfirmation",
        None => "deleted",
    };
    let data = json!({
        "registration": { "id": registration.id, "state": "cancelled", "cancelled_by": by },
        "api": api_link(edition, registration),
    });
    emit(conn, edition, EventType::RegistrationCancelled, data)
}

pub(crate) fn offered(
    conn: &mut DbConn,
    edition: &Edition,
    entry_id: &str,
    ticket_type: &TicketType,
    expires_at: NaiveDateTime,
) -> QueryResult<()> {
    let data = json!({
        "waitlist_entry": { "id": entry_id, "state": "offered", "offer_expires_at": expires_at.and_utc() },
        "ticket_type": { "id": ticket_type.id, "name": ticket_type.name, "kind": ticket_type.kind.as_str() },
        "api": format!("/api/editions/{}/ticket-types/{}/waitlist", edition.slug, ticket_type.id),
    });
    emit(conn, edition, EventType::WaitlistOffered, data)
}
