//! What a scanner keeps for working offline: the edition's public key, the list, every
//! ticket with its holder and admission, and the changes since its last sync.

use chrono::NaiveDateTime;
use devday_db::schema::{registrations::dsl as r, scans::dsl as s, ticket_serials::dsl as ts};
use devday_db::{now, DbConn};
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::RegistrationId;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::keys;
use crate::lists::ListWithTypes;
use crate::short_code::ShortCode;
use crate::tickets::{self, Holder};

/// A ticket as a scanner needs it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScannerTicket {
    pub registration_id: RegistrationId,
    /// Codes with another serial are revoked.
    pub serial: i32,
    /// The current short code (nine characters, no dashes), for codes typed offline.
    #[schema(value_type = String, example = "K7QM3XTRZ")]
    pub short_code: ShortCode,
    pub name: String,
    pub email: String,
    pub ticket_type: String,
    /// The same in German.
    pub ticket_type_de: String,
    /// Confirmed and admitted by this list.
    pub valid: bool,
    /// When it was admitted on this list, if it was.
    pub checked_in_at: Option<NaiveDateTime>,
    pub checked_in_by: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SyncData {
    pub edition: String,
    pub list: ListWithTypes,
    /// Ed25519, base64url: tickets issued after this sync verify offline too.
    pub public_key: String,
    /// Pass this as `since` next time to get only what changed.
    pub cursor: NaiveDateTime,
    /// Whether `tickets` is the whole list (no `since`) or only the changes.
    pub full: bool,
    pub tickets: Vec<ScannerTicket>,
}

/// Registrations changed since `since`: confirmed, cancelled, re-issued or scanned on
/// this list.
fn changed_since(
    conn: &mut DbConn,
    edition_id: &EditionId,
    list_id: &str,
    since: NaiveDateTime,
) -> QueryResult<Vec<String>> {
    let mut ids: Vec<String> = r::registrations
        .filter(r::edition_id.eq(edition_id))
        .filter(r::confirmed_at.gt(since).or(r::cancelled_at.gt(since)))
        .select(r::id)
        .load(conn)?;
    ids.extend(
        ts::ticket_serials
            .inner_join(r::registrations)
            .filter(r::edition_id.eq(edition_id))
            .filter(ts::reissued_at.gt(since))
            .select(ts::registration_id)
            .load::<String>(conn)?,
    );
    ids.extend(
        s::scans
            .filter(s::list_id.eq(list_id))
            .filter(s::recorded_at.gt(since).or(s::undone_at.gt(since)))
            .filter(s::registration_id.is_not_null())
            .select(s::registration_id.assume_not_null())
            .load::<String>(conn)?,
    );
    ids.sort();
    ids.dedup();
    Ok(ids)
}

pub fn data(
    conn: &mut DbConn,
    edition: &Edition,
    list: ListWithTypes,
    since: Option<NaiveDateTime>,
) -> QueryResult<SyncData> {
    // Read before the data, so a change made meanwhile comes again next time.
    let cursor = now();
    let holders: Vec<Holder> = match since {
        None => tickets::confirmed(conn, &edition.id)?,
        Some(since) => {
            let ids = changed_since(conn, &edition.id, &list.list.id, since)?;
            let mut found = Vec::new();
            for id in ids {
                found.extend(tickets::holder(conn, &RegistrationId::from(id))?);
            }
            found
        }
    };
    let admitted = crate::checkin::admissions(conn, &list.list.id, None)?;
    let short_codes = tickets::short_codes(conn, &edition.id, &holders)?;
    let tickets = holders
        .into_iter()
        .zip(short_codes)
        .map(|(h, short_code)| {
            let admission = admitted.get(h.registration_id.as_str());
            ScannerTicket {
                valid: h.is_valid() && list.admits(&h.ticket_type_ids),
                ticket_type: h.ticket_type_line(Locale::En),
                ticket_type_de: h.ticket_type_line(Locale::De),
                checked_in_at: admission.map(|a| a.0),
                checked_in_by: admission.map(|a| a.1.clone()),
                registration_id: h.registration_id,
                serial: h.serial,
                short_code,
                name: h.name,
                email: h.email,
            }
        })
        .collect();
    Ok(SyncData {
        edition: edition.slug.clone(),
        public_key: keys::public_key_text(conn, &edition.id)?,
        cursor,
        full: since.is_none(),
        list,
        tickets,
    })
}
