//! A confirmed registration's ticket: its signed code, its holder, re-issue and revocation.
//!
//! There is no ticket row to keep in step with registrations: a ticket is valid while its
//! registration is confirmed and the code carries the current serial. Cancelling revokes
//! it; re-issuing raises the serial, so the old code stops working.

use devday_db::schema::{
    editions::dsl as e, registration_tickets::dsl as rt, registrations::dsl as r,
    ticket_serials::dsl as ts, ticket_types::dsl as tt,
};
use devday_db::sql::lower;
use devday_db::{now, write_transaction, DbConn};
use devday_shared::bilingual::pick;
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::RegistrationId;
use devday_shared::vocabulary::RegistrationState;
use devday_shared::vocabulary::TicketTypeId;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::code::Ticket;
use crate::keys;
use crate::short_code::ShortCode;

/// Who holds a ticket, as the door and the badge need it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Holder {
    pub registration_id: RegistrationId,
    #[serde(skip)]
    pub edition_id: EditionId,
    pub name: String,
    pub email: String,
    pub company: String,
    /// held, confirmed, cancelled or expired: only confirmed registrations get in.
    pub state: RegistrationState,
    pub serial: i32,
    /// Names of the ticket types, conference first.
    pub ticket_types: Vec<String>,
    /// The same in German (the English name where none was given).
    pub ticket_types_de: Vec<String>,
    #[serde(skip)]
    pub ticket_type_ids: Vec<TicketTypeId>,
}

impl Holder {
    pub fn is_valid(&self) -> bool {
        self.state == RegistrationState::Confirmed
    }

    /// The ticket types as one line ("Conference, Rust workshop"; "Konferenz, …").
    pub fn ticket_type_line(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.ticket_types.join(", "),
            Locale::De => self.ticket_types_de.join(", "),
        }
    }
}

type Row = (
    RegistrationId,
    EditionId,
    String,
    String,
    String,
    RegistrationState,
    Option<i32>,
);

/// Registrations with their serial, as `Row`s; each caller adds its filter.
macro_rules! rows {
    () => {
        r::registrations.left_join(ts::ticket_serials).select((
            r::id,
            r::edition_id,
            r::name,
            r::email,
            r::company,
            r::state,
            ts::serial.nullable(),
        ))
    };
}

fn with_types(conn: &mut DbConn, found: Vec<Row>) -> QueryResult<Vec<Holder>> {
    let ids: Vec<&RegistrationId> = found.iter().map(|row| &row.0).collect();
    let mut types: Vec<(String, TicketTypeId, String, String)> = Vec::new();
    // SQLite caps the number of bound parameters; a whole edition is read in slices.
    for slice in ids.chunks(500) {
        types.extend(
            rt::registration_tickets
                .inner_join(tt::ticket_types)
                .filter(rt::registration_id.eq_any(slice))
                .order((tt::position.asc(), tt::name.asc()))
                .select((rt::registration_id, tt::id, tt::name, tt::name_de))
                .load::<(String, TicketTypeId, String, String)>(conn)?,
        );
    }
    let mut by_registration: std::collections::HashMap<
        &str,
        Vec<&(String, TicketTypeId, String, String)>,
    > = std::collections::HashMap::new();
    for held in &types {
        by_registration
            .entry(held.0.as_str())
            .or_default()
            .push(held);
    }
    Ok(found
        .iter()
        .map(|(id, edition_id, name, email, company, state, serial)| {
            let held = by_registration
                .get(id.as_str())
                .cloned()
                .unwrap_or_default();
            Holder {
                registration_id: id.clone(),
                edition_id: edition_id.clone(),
                name: name.clone(),
                email: email.clone(),
                company: company.clone(),
                state: *state,
                serial: serial.unwrap_or(0),
                ticket_types: held
                    .iter()
                    .map(|t| pick(Locale::En, &t.2, &t.3).to_owned())
                    .collect(),
                ticket_types_de: held
                    .iter()
                    .map(|t| pick(Locale::De, &t.2, &t.3).to_owned())
                    .collect(),
                ticket_type_ids: held.iter().map(|t| t.1.clone()).collect(),
            }
        })
        .collect())
}

/// One registration's holder, if it exists.
pub fn holder(conn: &mut DbConn, registration_id: &RegistrationId) -> QueryResult<Option<Holder>> {
    let found: Vec<Row> = rows!().filter(r::id.eq(registration_id)).load(conn)?;
    Ok(with_types(conn, found)?.pop())
}

/// Every confirmed registration of an edition, by name.
pub fn confirmed(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Holder>> {
    let found: Vec<Row> = rows!()
        .filter(r::edition_id.eq(edition_id))
        .filter(r::state.eq(RegistrationState::Confirmed))
        .order((r::name.asc(), r::id.asc()))
        .load(conn)?;
    with_types(conn, found)
}

/// Registrations of an edition whose name or address contains `query` (the desk's search).
pub fn search(conn: &mut DbConn, edition_id: &EditionId, query: &str) -> QueryResult<Vec<Holder>> {
    // Folded on both sides in SQL: SQLite's lower() leaves "Ö" as it is, so a pattern
    // lowered in Rust ("öz") would no longer find "Özdemir" there.
    let pattern = format!("%{}%", query.trim().replace(['%', '_'], ""));
    let found: Vec<Row> = rows!()
        .filter(r::edition_id.eq(edition_id))
        .filter(r::state.eq_any([RegistrationState::Confirmed, RegistrationState::Cancelled]))
        .filter(
            lower(r::name)
                .like(lower(pattern.clone()))
                .or(lower(r::email).like(lower(pattern))),
        )
        .order((r::name.asc(), r::id.asc()))
        .limit(20)
        .load(conn)?;
    with_types(conn, found)
}

/// What a valid ticket shows: the signed QR code and the short code to type.
#[derive(Debug, Clone)]
pub struct Codes {
    pub qr: String,
    pub short: ShortCode,
}

/// The codes of a confirmed registration; `None` for any other state (there is no valid
/// ticket to show).
pub fn codes(conn: &mut DbConn, holder: &Holder) -> QueryResult<Option<Codes>> {
    if !holder.is_valid() {
        return Ok(None);
    }
    let slug: String = e::editions
        .find(&holder.edition_id)
        .select(e::slug)
        .first(conn)?;
    let key = keys::signing_key(conn, &holder.edition_id)?;
    Ok(Some(Codes {
        qr: Ticket {
            edition: slug,
            registration_id: holder.registration_id.clone(),
            serial: holder.serial,
        }
        .sign(&key),
        short: ShortCode::derive(&key, &holder.registration_id, holder.serial),
    }))
}

/// The QR code to print for a confirmed registration; `None` for any other state.
pub fn code(conn: &mut DbConn, holder: &Holder) -> QueryResult<Option<String>> {
    Ok(codes(conn, holder)?.map(|c| c.qr))
}

/// The short code of each ticket in `holders` (all of one edition), for scanners that
/// resolve typed codes offline.
pub fn short_codes(
    conn: &mut DbConn,
    edition_id: &EditionId,
    holders: &[Holder],
) -> QueryResult<Vec<ShortCode>> {
    let key = keys::signing_key(conn, edition_id)?;
    Ok(holders
        .iter()
        .map(|h| ShortCode::derive(&key, &h.registration_id, h.serial))
        .collect())
}

/// The registration whose current ticket has this short code: confirmed, or cancelled (the
/// door says "revoked"). The code is a keyed hash, not stored, so the edition's tickets are
/// hashed to find it: a millisecond for a thousand, and typed codes are the exception at
/// the door. Two tickets sharing a code (40 bits: one chance in a million for a thousand
/// tickets) name nobody; their QR codes still work.
pub fn by_short_code(
    conn: &mut DbConn,
    edition_id: &EditionId,
    short: &ShortCode,
) -> QueryResult<Option<Holder>> {
    let key = keys::signing_key(conn, edition_id)?;
    let candidates: Vec<(RegistrationId, Option<i32>)> = r::registrations
        .left_join(ts::ticket_serials)
        .filter(r::edition_id.eq(edition_id))
        .filter(r::state.eq_any([RegistrationState::Confirmed, RegistrationState::Cancelled]))
        .select((r::id, ts::serial.nullable()))
        .load(conn)?;
    let mut matching = candidates
        .iter()
        .filter(|(id, serial)| ShortCode::derive(&key, id, serial.unwrap_or(0)) == *short);
    match (matching.next(), matching.next()) {
        (Some((id, _)), None) => holder(conn, id),
        _ => Ok(None),
    }
}

/// Re-issues a ticket (a lost badge): the old code is revoked from now on. Returns the new
/// serial.
pub fn reissue(conn: &mut DbConn, registration_id: &RegistrationId) -> QueryResult<i32> {
    write_transaction(conn, |c| {
        let current: Option<i32> = ts::ticket_serials
            .find(registration_id)
            .select(ts::serial)
            .first(c)
            .optional()?;
        let next = current.unwrap_or(0) + 1;
        if current.is_some() {
            diesel::update(ts::ticket_serials.find(registration_id))
                .set((ts::serial.eq(next), ts::reissued_at.eq(now())))
                .execute(c)?;
        } else {
            diesel::insert_into(ts::ticket_serials)
                .values((
                    ts::registration_id.eq(registration_id),
                    ts::serial.eq(next),
                    ts::reissued_at.eq(now()),
                ))
                .execute(c)?;
        }
        Ok(next)
    })
}
