//! The organisers' view of the door: checked in against registered per list and per hour,
//! no-shows, flagged duplicates and rejected scans.

use devday_shared::vocabulary::EditionId;
use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use devday_db::schema::{registrations::dsl as r, scans::dsl as s};
use devday_db::DbConn;
use diesel::prelude::*;
use serde::Serialize;

use crate::checkin::ScanResult;
use crate::lists::{self, ListWithTypes};
use crate::tickets;

#[derive(Debug, Serialize)]
pub struct ListStats {
    pub list: ListWithTypes,
    /// Confirmed tickets this list admits.
    pub registered: usize,
    pub checked_in: usize,
    pub no_shows: usize,
    /// Admissions per hour of the day ("09:00" → 120).
    pub per_hour: Vec<(String, usize)>,
    /// Offline admissions of a ticket that another scanner had admitted already.
    pub duplicates: usize,
    /// Scans turned away (forged, revoked, other edition, not on the list, again).
    pub rejected: usize,
}

/// One scan for the log.
#[derive(Debug, Serialize)]
pub struct LoggedScan {
    pub list: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub result: ScanResult,
    pub device: String,
    pub offline: bool,
    pub scanned_at: NaiveDateTime,
    pub undone: bool,
}

/// list, name, email, result, device, offline, scanned at, undone at
type LogRow = (
    String,
    Option<String>,
    Option<String>,
    ScanResult,
    String,
    bool,
    NaiveDateTime,
    Option<NaiveDateTime>,
);

pub fn stats(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<ListStats>> {
    let holders = tickets::confirmed(conn, edition_id)?;
    let mut out = Vec::new();
    for list in lists::all(conn, edition_id)? {
        let rows: Vec<(ScanResult, NaiveDateTime, Option<NaiveDateTime>)> = s::scans
            .filter(s::list_id.eq(&list.list.id))
            .select((s::result, s::scanned_at, s::undone_at))
            .load(conn)?;
        let admitted: Vec<&NaiveDateTime> = rows
            .iter()
            .filter(|(result, _, undone)| *result == ScanResult::Admitted && undone.is_none())
            .map(|(_, at, _)| at)
            .collect();
        let mut per_hour: BTreeMap<String, usize> = BTreeMap::new();
        for at in &admitted {
            *per_hour
                .entry(at.format("%Y-%m-%d %H:00").to_string())
                .or_default() += 1;
        }
        let registered = holders
            .iter()
            .filter(|h| list.admits(&h.ticket_type_ids))
            .count();
        out.push(ListStats {
            registered,
            checked_in: admitted.len(),
            no_shows: registered.saturating_sub(admitted.len()),
            per_hour: per_hour.into_iter().collect(),
            duplicates: rows
                .iter()
                .filter(|(r, _, _)| *r == ScanResult::Duplicate)
                .count(),
            rejected: rows
                .iter()
                .filter(|(r, _, _)| !matches!(r, ScanResult::Admitted | ScanResult::Duplicate))
                .count(),
            list,
        });
    }
    Ok(out)
}

/// Every scan of the edition, newest first (`limit` for the dashboard, none for the CSV).
pub fn log(
    conn: &mut DbConn,
    edition_id: &EditionId,
    limit: Option<i64>,
) -> QueryResult<Vec<LoggedScan>> {
    use devday_db::schema::checkin_lists::dsl as l;
    let query = s::scans
        .inner_join(l::checkin_lists)
        .left_join(r::registrations)
        .filter(l::edition_id.eq(edition_id))
        .order((s::scanned_at.desc(), s::id.asc()))
        .select((
            l::name,
            r::name.nullable(),
            r::email.nullable(),
            s::result,
            s::device,
            s::offline,
            s::scanned_at,
            s::undone_at,
        ))
        .limit(limit.unwrap_or(i64::MAX));
    let rows: Vec<LogRow> = query.load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(list, name, email, result, device, offline, scanned_at, undone)| LoggedScan {
                list,
                name,
                email,
                result,
                device,
                offline,
                scanned_at,
                undone: undone.is_some(),
            },
        )
        .collect())
}

/// The door's panel on the edition dashboard: who is in, per check-in list.
pub fn panel(
    conn: &mut DbConn,
    edition: &devday_shared::editions::Edition,
    locale: devday_shared::i18n::Locale,
) -> devday_shared::AppResult<Option<devday_shared::editions::overview::Panel>> {
    use devday_shared::editions::overview::{Label, Panel};
    if !edition.has_venue() {
        return Ok(None);
    }
    let lists = stats(conn, &edition.id)?;
    let Some(first) = lists.first() else {
        return Ok(None);
    };
    let name = |s: &ListStats| {
        devday_shared::bilingual::pick(locale, &s.list.list.name, &s.list.list.name_de).to_owned()
    };
    Ok(Some(
        Panel::new("checkin-title", format!("/{}/manage/checkin", edition.slug))
            .figure(
                Label::Key("checkin-checked-in"),
                first.checked_in as i64,
                Some(first.registered as i64),
            )
            .figure(Label::Key("checkin-rejected"), first.rejected as i64, None)
            .bars(
                lists
                    .iter()
                    .map(|s| {
                        (
                            Label::Name(name(s)),
                            s.checked_in as i64,
                            Some(s.registered as i64),
                        )
                    })
                    .collect(),
            ),
    ))
}
