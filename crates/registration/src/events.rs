//! What registration tells the edition's webhooks: ids, states and ticket types, never
//! names or addresses (a receiver with an organiser token fetches those from the API).

use chrono::NaiveDateTime;
use devday_db::DbConn;
use devday_shared::editions::Edition;
use devday_shared::webhooks::{emit, EventType};
use diesel::QueryResult;
use serde_json::json;

use crate::model::{Registration, TicketType};
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

pub(crate) fn confirmed(
    conn: &mut DbConn,
    edition: &Edition,
    registration: &Registration,
    types: &[TicketType],
) -> QueryResult<()> {
    let data = json!({
        "registration": { "id": registration.id, "state": "confirmed", "tickets": tickets(types) },
        "api": api_link(edition, registration),
    });
    emit(conn, edition, EventType::RegistrationConfirmed, data)
}

pub(crate) fn cancelled(
    conn: &mut DbConn,
    edition: &Edition,
    registration: &Registration,
    by: CancelledBy,
) -> QueryResult<()> {
    let by = match by {
        CancelledBy::Themselves => "attendee",
        CancelledBy::Organisers => "organisers",
        CancelledBy::Unanswered => "unanswered_reconfirmation",
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
