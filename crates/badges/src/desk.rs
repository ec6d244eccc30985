//! The desk: staff find a person by name (a forgotten phone, a lost badge) and see at once
//! whether they are in. What the desk shows is what the door needs: no email address.

use chrono::NaiveDateTime;
use devday_db::DbConn;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::RegistrationId;
use devday_shared::vocabulary::RegistrationState;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::checkin;
use crate::lists::ListWithTypes;
use crate::short_code::ShortCode;
use crate::tickets;

/// A person found at the desk, as staff see them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Found {
    pub registration_id: RegistrationId,
    pub name: String,
    pub company: String,
    /// held, confirmed, cancelled or expired: only confirmed registrations get in.
    pub state: RegistrationState,
    pub ticket_types: Vec<String>,
    pub ticket_types_de: Vec<String>,
    /// When they were let in on this list, if they are in.
    pub checked_in_at: Option<NaiveDateTime>,
    /// Which scanner let them in.
    pub checked_in_by: Option<String>,
    /// Confirmed, on this list and not in yet: the desk may check them in.
    pub can_check_in: bool,
}

/// People of the edition whose name or address contains `query` (at most 20), or the one
/// whose ticket has that short code, with their
/// standing admission on `list`: a fixed number of queries, however many are found.
pub fn search(
    conn: &mut DbConn,
    edition_id: &EditionId,
    list: &ListWithTypes,
    query: &str,
) -> QueryResult<Vec<Found>> {
    // A short code read out by the person finds their ticket, as a name does.
    let holders = match ShortCode::parse(query) {
        Ok(short) => tickets::by_short_code(conn, edition_id, &short)?
            .into_iter()
            .collect(),
        Err(_) => tickets::search(conn, edition_id, query)?,
    };
    let ids: Vec<&str> = holders.iter().map(|h| h.registration_id.as_str()).collect();
    let admitted = checkin::admissions(conn, &list.list.id, Some(&ids))?;
    Ok(holders
        .into_iter()
        .map(|h| {
            let admission = admitted.get(h.registration_id.as_str());
            Found {
                can_check_in: h.is_valid()
                    && admission.is_none()
                    && list.admits(&h.ticket_type_ids),
                checked_in_at: admission.map(|a| a.0),
                checked_in_by: admission.map(|a| a.1.clone()),
                registration_id: h.registration_id,
                name: h.name,
                company: h.company,
                state: h.state,
                ticket_types: h.ticket_types,
                ticket_types_de: h.ticket_types_de,
            }
        })
        .collect())
}
