//! The door's rules: the first scan of a valid ticket on a list admits; every later one is
//! rejected with when and where it was admitted; revoked, forged and other editions'
//! tickets are rejected with the reason. Every scan is logged, admitted or not.
//!
//! A scan carries a nonce: sending it again (a retried upload, a timeout) returns the
//! first answer and never makes a second check-in. One admission per ticket and list is
//! also guarded by a unique index, so two doors scanning at the same instant admit once.

use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::RegistrationId;
use std::collections::HashMap;

use chrono::NaiveDateTime;
use devday_db::schema::{editions::dsl as e, scans::dsl as s};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::{AppError, AppResult, Refusal};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::code;
use crate::keys;
use crate::lists::ListWithTypes;
use crate::short_code::ShortCode;
use crate::tickets::{self, Holder};

/// What the door is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Admitted,
    AlreadyCheckedIn,
    Revoked,
    Invalid,
    WrongEdition,
    NotOnList,
}

devday_db::text_enum!(
    /// How a scan is logged: the door's answer, except that a second admission made offline
    /// (two scanners without network) is kept as a duplicate for organisers to see.
    #[derive(Serialize, ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum ScanResult {
        Admitted = "admitted",
        AlreadyCheckedIn = "already_checked_in",
        Duplicate = "duplicate",
        Revoked = "revoked",
        Invalid = "invalid",
        WrongEdition = "wrong_edition",
        NotOnList = "not_on_list",
    }
);

impl ScanResult {
    /// What the door was told.
    pub fn outcome(self) -> Outcome {
        match self {
            ScanResult::Admitted => Outcome::Admitted,
            ScanResult::AlreadyCheckedIn | ScanResult::Duplicate => Outcome::AlreadyCheckedIn,
            ScanResult::Revoked => Outcome::Revoked,
            ScanResult::Invalid => Outcome::Invalid,
            ScanResult::WrongEdition => Outcome::WrongEdition,
            ScanResult::NotOnList => Outcome::NotOnList,
        }
    }
}

impl From<Outcome> for ScanResult {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Admitted => ScanResult::Admitted,
            Outcome::AlreadyCheckedIn => ScanResult::AlreadyCheckedIn,
            Outcome::Revoked => ScanResult::Revoked,
            Outcome::Invalid => ScanResult::Invalid,
            Outcome::WrongEdition => ScanResult::WrongEdition,
            Outcome::NotOnList => ScanResult::NotOnList,
        }
    }
}

/// The answer to one scan.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Answer {
    pub result: Outcome,
    /// The holder's name, when the ticket is genuine.
    pub name: Option<String>,
    pub ticket_type: Option<String>,
    /// The same in German, for a scanner whose staff read German.
    pub ticket_type_de: Option<String>,
    pub registration_id: Option<RegistrationId>,
    /// When the ticket was admitted on this list (now, or the earlier admission).
    pub checked_in_at: Option<NaiveDateTime>,
    /// Which scanner admitted it.
    pub checked_in_by: Option<String>,
    /// The scan's nonce: send it again and get this answer again.
    pub nonce: String,
    /// True when this scan was an offline admission of a ticket that another scanner had
    /// admitted already: one check-in stands, this one is flagged.
    pub duplicate: bool,
}

/// What was presented at the door: a scanned (or typed) code, or a person found by name at
/// the desk.
#[derive(Debug, Clone)]
pub enum Presented {
    /// The QR code's text, or a short code typed in.
    Code(String),
    Registration(RegistrationId),
}

/// One scan as a scanner reports it.
#[derive(Debug, Clone)]
pub struct Scan {
    pub presented: Presented,
    pub device: String,
    /// Chosen by the scanner; made here when it sends none.
    pub nonce: Option<String>,
    /// When it was scanned, for offline scans uploaded later.
    pub scanned_at: Option<NaiveDateTime>,
    pub offline: bool,
}

/// Why a ticket is rejected, and whose it is when that is known.
type Rejected = (Outcome, Option<RegistrationId>);

/// Who a code belongs to, or why it is rejected before looking at the list.
fn identify(
    conn: &mut DbConn,
    edition: &Edition,
    presented: &Presented,
) -> QueryResult<Result<Holder, Rejected>> {
    let registration_id = match presented {
        Presented::Registration(id) => id.clone(),
        Presented::Code(text) => {
            if let Ok(short) = ShortCode::parse(text) {
                return Ok(match tickets::by_short_code(conn, &edition.id, &short)? {
                    Some(h) => check_holder(edition, h),
                    None => Err((Outcome::Invalid, None)),
                });
            }
            let Ok(parsed) = code::parse(text) else {
                return Ok(Err((Outcome::Invalid, None)));
            };
            if parsed.ticket.edition != edition.slug {
                // Genuine only if the other edition's key signed it.
                let other: Option<EditionId> = e::editions
                    .filter(e::slug.eq(&parsed.ticket.edition))
                    .select(e::id)
                    .first(conn)
                    .optional()?;
                let genuine = match other {
                    Some(id) => parsed.is_signed_by(&keys::verifying_key(conn, &id)?),
                    None => false,
                };
                let outcome = if genuine {
                    Outcome::WrongEdition
                } else {
                    Outcome::Invalid
                };
                return Ok(Err((outcome, None)));
            }
            if !parsed.is_signed_by(&keys::verifying_key(conn, &edition.id)?) {
                return Ok(Err((Outcome::Invalid, None)));
            }
            match tickets::holder(conn, &parsed.ticket.registration_id)? {
                // Signed by us but no longer there: deleted at the holder's request.
                None => return Ok(Err((Outcome::Revoked, None))),
                // Re-issued: this is the old code.
                Some(h) if h.serial != parsed.ticket.serial => {
                    return Ok(Err((Outcome::Revoked, Some(h.registration_id))))
                }
                Some(h) => return Ok(check_holder(edition, h)),
            }
        }
    };
    Ok(match tickets::holder(conn, &registration_id)? {
        Some(h) => check_holder(edition, h),
        None => Err((Outcome::Invalid, None)),
    })
}

fn check_holder(edition: &Edition, holder: Holder) -> Result<Holder, Rejected> {
    if holder.edition_id != edition.id {
        Err((Outcome::Invalid, None))
    } else if !holder.is_valid() {
        Err((Outcome::Revoked, Some(holder.registration_id)))
    } else {
        Ok(holder)
    }
}

/// The standing admission of a registration on a list: (id, when, by which device).
fn admission(
    conn: &mut DbConn,
    list_id: &str,
    registration_id: &str,
) -> QueryResult<Option<(String, NaiveDateTime, String)>> {
    s::scans
        .filter(s::list_id.eq(list_id))
        .filter(s::registration_id.eq(registration_id))
        .filter(s::result.eq(ScanResult::Admitted))
        .filter(s::undone_at.is_null())
        .select((s::id, s::scanned_at, s::device))
        .first(conn)
        .optional()
}

/// Who of `among` has a standing admission on any of the edition's lists: the people
/// who are in.
pub fn present(
    conn: &mut DbConn,
    edition_id: &EditionId,
    among: &[RegistrationId],
) -> QueryResult<Vec<RegistrationId>> {
    use devday_db::schema::checkin_lists::dsl as l;
    s::scans
        .inner_join(l::checkin_lists)
        .filter(l::edition_id.eq(edition_id))
        .filter(s::result.eq(ScanResult::Admitted))
        .filter(s::undone_at.is_null())
        .filter(s::registration_id.eq_any(among))
        .select(s::registration_id.assume_not_null())
        .distinct()
        .load(conn)
}

/// The standing admissions on a list (of these registrations only, when given), by
/// registration: (when, by which device).
pub fn admissions(
    conn: &mut DbConn,
    list_id: &str,
    of: Option<&[&str]>,
) -> QueryResult<HashMap<String, (NaiveDateTime, String)>> {
    let mut query = s::scans
        .filter(s::list_id.eq(list_id))
        .filter(s::result.eq(ScanResult::Admitted))
        .filter(s::undone_at.is_null())
        .select((s::registration_id, s::scanned_at, s::device))
        .into_boxed();
    if let Some(ids) = of {
        query = query.filter(s::registration_id.eq_any(ids.iter().copied()));
    }
    let rows: Vec<(Option<String>, NaiveDateTime, String)> = query.load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, at, by)| Some((id?, (at, by))))
        .collect())
}

/// One scan being recorded: whatever the outcome, it goes into the log with these.
struct Record<'a> {
    list_id: &'a str,
    /// When it was scanned: the scanner's time for offline scans, else now.
    scanned_at: NaiveDateTime,
    scan: &'a Scan,
    nonce: &'a str,
}

impl Record<'_> {
    fn log(
        &self,
        conn: &mut DbConn,
        registration_id: Option<&str>,
        result: ScanResult,
    ) -> QueryResult<()> {
        self.insert(conn, registration_id, result, false).map(drop)
    }

    /// Records the admission unless the ticket has one standing on this list; false when
    /// another scan was first. The unique index decides, so two doors scanning the same
    /// ticket at once admit it once (PostgreSQL's read committed cannot see the other's
    /// uncommitted row); `ON CONFLICT DO NOTHING` answers that in the same statement, where
    /// a savepoint around a failing insert cost two more round trips per scan.
    fn admit(&self, conn: &mut DbConn, registration_id: &str) -> QueryResult<bool> {
        self.insert(conn, Some(registration_id), ScanResult::Admitted, true)
            .map(|n| n == 1)
    }

    fn insert(
        &self,
        conn: &mut DbConn,
        registration_id: Option<&str>,
        result: ScanResult,
        unless_admitted: bool,
    ) -> QueryResult<usize> {
        let insert = diesel::insert_into(s::scans).values((
            s::id.eq(uuid::Uuid::new_v4().to_string()),
            s::list_id.eq(self.list_id),
            s::registration_id.eq(registration_id),
            s::result.eq(result),
            s::device.eq(&self.scan.device),
            s::nonce.eq(self.nonce),
            s::offline.eq(self.scan.offline),
            s::scanned_at.eq(self.scanned_at),
            s::recorded_at.eq(now()),
        ));
        // The multi-backend connection has no ON CONFLICT; each database has it.
        match (conn, unless_admitted) {
            (DbConn::Postgres(pg), true) => insert.on_conflict_do_nothing().execute(pg),
            (DbConn::Sqlite(lite), true) => insert.on_conflict_do_nothing().execute(lite),
            (conn, false) => insert.execute(conn),
        }
    }
}

fn answer(holder: Option<&Holder>, result: Outcome, nonce: &str) -> Answer {
    Answer {
        result,
        name: holder.map(|h| h.name.clone()),
        ticket_type: holder.map(|h| h.ticket_type_line(Locale::En)),
        ticket_type_de: holder.map(|h| h.ticket_type_line(Locale::De)),
        registration_id: holder.map(|h| h.registration_id.clone()),
        checked_in_at: None,
        checked_in_by: None,
        nonce: nonce.to_owned(),
        duplicate: false,
    }
}

/// The answer given to a scan that was recorded before (same nonce).
fn replay(conn: &mut DbConn, list: &ListWithTypes, nonce: &str) -> QueryResult<Option<Answer>> {
    let stored: Option<(Option<RegistrationId>, ScanResult)> = s::scans
        .filter(s::nonce.eq(nonce))
        .filter(s::list_id.eq(&list.list.id))
        .select((s::registration_id, s::result))
        .first(conn)
        .optional()?;
    let Some((registration_id, result)) = stored else {
        return Ok(None);
    };
    let holder = match &registration_id {
        Some(id) => tickets::holder(conn, id)?,
        None => None,
    };
    let mut out = answer(holder.as_ref(), result.outcome(), nonce);
    out.duplicate = result == ScanResult::Duplicate;
    if let Some(id) = registration_id {
        if let Some((_, at, by)) = admission(conn, &list.list.id, &id)? {
            out.checked_in_at = Some(at);
            out.checked_in_by = Some(by);
        }
    }
    Ok(Some(out))
}

/// Tells the edition's webhooks that someone was let in (ids only, no name).
fn admitted(
    conn: &mut DbConn,
    edition: &Edition,
    list: &ListWithTypes,
    holder: &Holder,
    record: &Record<'_>,
) -> QueryResult<()> {
    use devday_shared::webhooks::{emit, EventType};
    let data = serde_json::json!({
        "checkin": {
            "registration": holder.registration_id,
            "list": { "slug": list.list.slug, "name": list.list.name },
            "scanned_at": record.scanned_at.and_utc(),
            "device": record.scan.device,
            "offline": record.scan.offline,
        },
        "api": format!("/api/editions/{}/registrations/{}", edition.slug, holder.registration_id),
    });
    emit(conn, edition, EventType::CheckinCreated, data)
}

/// Applies the door's rules to one scan and records it.
pub fn scan(
    conn: &mut DbConn,
    edition: &Edition,
    list: &ListWithTypes,
    scan: &Scan,
) -> QueryResult<Answer> {
    let sent = scan.nonce.clone().filter(|n| !n.is_empty());
    let nonce = sent
        .clone()
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    // Stored to the microsecond on both databases; the answer must say what was stored.
    let scanned_at = scan
        .scanned_at
        .map(|t| chrono::SubsecRound::trunc_subsecs(t, 6))
        .unwrap_or_else(now);
    write_transaction(conn, |c| {
        // Only a nonce the scanner chose can have been seen before.
        if sent.is_some() {
            if let Some(earlier) = replay(c, list, &nonce)? {
                return Ok(earlier);
            }
        }
        let record = Record {
            list_id: &list.list.id,
            scanned_at,
            scan,
            nonce: &nonce,
        };
        let holder = match identify(c, edition, &scan.presented)? {
            Ok(holder) => holder,
            Err((rejected, known)) => {
                record.log(c, known.as_deref(), rejected.into())?;
                return Ok(answer(None, rejected, &nonce));
            }
        };
        let rid = Some(holder.registration_id.as_str());
        if !list.admits(&holder.ticket_type_ids) {
            record.log(c, rid, ScanResult::NotOnList)?;
            return Ok(answer(Some(&holder), Outcome::NotOnList, &nonce));
        }
        let mut out = answer(Some(&holder), Outcome::Admitted, &nonce);
        let earlier = admission(c, &list.list.id, &holder.registration_id)?;
        if earlier.is_none() && record.admit(c, &holder.registration_id)? {
            admitted(c, edition, list, &holder, &record)?;
            out.checked_in_at = Some(scanned_at);
            out.checked_in_by = Some(scan.device.clone());
            return Ok(out);
        }
        out.result = Outcome::AlreadyCheckedIn;
        out.duplicate = scan.offline;
        let again = if scan.offline {
            ScanResult::Duplicate
        } else {
            ScanResult::AlreadyCheckedIn
        };
        record.log(c, rid, again)?;
        let standing = match earlier {
            Some(found) => Some(found),
            None => admission(c, &list.list.id, &holder.registration_id)?,
        };
        if let Some((_, at, by)) = standing {
            out.checked_in_at = Some(at);
            out.checked_in_by = Some(by);
        }
        Ok(out)
    })
}

/// How long the device that let someone in may take it back (a wrong person, a slip).
pub const UNDO_MINUTES: i64 = 10;

/// Takes back an admission made by mistake, so the ticket can be admitted again: only by
/// the device that made it and only within [`UNDO_MINUTES`] (never another door's earlier
/// admission). 404 when there is none standing.
///
/// The device is the name the scanner gives, so this guards against a tap at the wrong
/// door, not against a team member who means to: staff are trusted, and the log keeps
/// every admission with when it was taken back.
pub fn undo(
    conn: &mut DbConn,
    list: &ListWithTypes,
    registration_id: &str,
    device: &str,
) -> AppResult<()> {
    let (id, scanned_at, recorded_at, offline, by): (
        String,
        NaiveDateTime,
        NaiveDateTime,
        bool,
        String,
    ) = s::scans
        .filter(s::list_id.eq(&list.list.id))
        .filter(s::registration_id.eq(registration_id))
        .filter(s::result.eq(ScanResult::Admitted))
        .filter(s::undone_at.is_null())
        .select((s::id, s::scanned_at, s::recorded_at, s::offline, s::device))
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    if by != device {
        return Err(AppError::Refused(Refusal::UndoOtherDevice));
    }
    // By the server's clock: when it recorded the admission, or for a scan uploaded later
    // the scan's own time if that is earlier (a phone's clock never extends the window).
    let at = if offline {
        scanned_at.min(recorded_at)
    } else {
        recorded_at
    };
    if now() - at > chrono::Duration::minutes(UNDO_MINUTES) {
        return Err(AppError::Refused(Refusal::UndoTooLate {
            minutes: UNDO_MINUTES,
        }));
    }
    let n = diesel::update(
        s::scans
            .filter(s::id.eq(&id))
            .filter(s::undone_at.is_null()),
    )
    .set(s::undone_at.eq(Some(now())))
    .execute(conn)?;
    // Two taps racing: the second finds it taken back already.
    if n == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
