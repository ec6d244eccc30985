//! The door's part of the edition report (see `editions::report`): who came of those who
//! registered (the show rate, per ticket type) and when they arrived, in quarter hours.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{NaiveDateTime, Timelike};
use devday_db::schema::{
    checkin_lists::dsl as l, registration_tickets::dsl as rt, registrations::dsl as r,
    scans::dsl as s, ticket_types::dsl as tt,
};
use devday_db::DbConn;
use devday_shared::bilingual::pick;
use devday_shared::editions::overview::Label;
use devday_shared::editions::report::Section;
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::{RegistrationId, RegistrationState, TicketTypeId};
use devday_shared::AppResult;
use diesel::prelude::*;

use crate::checkin::ScanResult;

/// Each admitted registration's first admission, on any of the edition's lists.
fn first_admissions(
    conn: &mut DbConn,
    edition: &Edition,
) -> QueryResult<HashMap<RegistrationId, NaiveDateTime>> {
    let admitted: Vec<(RegistrationId, NaiveDateTime)> = s::scans
        .inner_join(l::checkin_lists)
        .filter(l::edition_id.eq(&edition.id))
        .filter(s::result.eq(ScanResult::Admitted))
        .filter(s::undone_at.is_null())
        .filter(s::registration_id.is_not_null())
        .select((s::registration_id.assume_not_null(), s::scanned_at))
        .order(s::scanned_at.asc())
        .load(conn)?;
    let mut first: HashMap<RegistrationId, NaiveDateTime> = HashMap::new();
    for (id, at) in admitted {
        first.entry(id).or_insert(at);
    }
    Ok(first)
}

/// The confirmed registrations with their ticket types.
fn confirmed_holders(
    conn: &mut DbConn,
    edition: &Edition,
) -> QueryResult<Vec<(RegistrationId, TicketTypeId)>> {
    rt::registration_tickets
        .inner_join(r::registrations)
        .filter(r::edition_id.eq(&edition.id))
        .filter(r::state.eq(RegistrationState::Confirmed))
        .select((rt::registration_id, rt::ticket_type_id))
        .load(conn)
}

/// One ticket type's show rate: of its confirmed holders, how many came.
struct TypeShow {
    name: String,
    name_de: String,
    came: i64,
    confirmed: i64,
}

/// The show rate of each of an edition's ticket types that has confirmed holders.
fn show_by_type(
    conn: &mut DbConn,
    edition: &Edition,
    first: &HashMap<RegistrationId, NaiveDateTime>,
    holders: &[(RegistrationId, TicketTypeId)],
) -> QueryResult<Vec<TypeShow>> {
    let types: Vec<(TicketTypeId, String, String)> = tt::ticket_types
        .filter(tt::edition_id.eq(&edition.id))
        .order(tt::position.asc())
        .select((tt::id, tt::name, tt::name_de))
        .load(conn)?;
    Ok(types
        .into_iter()
        .map(|(id, name, name_de)| {
            let holding: Vec<&RegistrationId> =
                holders.iter().filter(|h| h.1 == id).map(|h| &h.0).collect();
            TypeShow {
                came: holding.iter().filter(|r| first.contains_key(**r)).count() as i64,
                confirmed: holding.len() as i64,
                name,
                name_de,
            }
        })
        .filter(|t| t.confirmed > 0)
        .collect())
}

/// Of each of the edition's ticket types with confirmed holders: its English name, how
/// many holders came and how many were confirmed (what overbooking learns from).
pub fn show_rates(conn: &mut DbConn, edition: &Edition) -> QueryResult<Vec<(String, i64, i64)>> {
    let first = first_admissions(conn, edition)?;
    let holders = confirmed_holders(conn, edition)?;
    Ok(show_by_type(conn, edition, &first, &holders)?
        .into_iter()
        .map(|t| (t.name, t.came, t.confirmed))
        .collect())
}

pub fn sections(
    conn: &mut DbConn,
    edition: &Edition,
    past: &[Edition],
    locale: Locale,
) -> AppResult<Vec<Section>> {
    let first = first_admissions(conn, edition)?;
    let holders = confirmed_holders(conn, edition)?;
    let confirmed: HashSet<&RegistrationId> = holders.iter().map(|h| &h.0).collect();
    let came = confirmed
        .iter()
        .filter(|id| first.contains_key(**id))
        .count() as i64;
    let types = show_by_type(conn, edition, &first, &holders)?;
    let say = |t: &TypeShow| pick(locale, &t.name, &t.name_de).to_owned();
    let show_rate = types
        .iter()
        .map(|t| (Label::Name(say(t)), t.came, Some(t.confirmed)))
        .collect();
    // Arrivals per quarter hour, local time; the weekday tells several days apart.
    let several_days = edition.ends_on > edition.starts_on;
    let mut arrivals: BTreeMap<NaiveDateTime, i64> = BTreeMap::new();
    for at in first.values() {
        let local = edition.local(*at).naive_local();
        let minute = local.minute() / 15 * 15;
        let slot = local
            .with_minute(minute)
            .and_then(|t| t.with_second(0))
            .unwrap_or(local);
        *arrivals.entry(slot).or_default() += 1;
    }
    let arrival_bars = arrivals
        .into_iter()
        .map(|(slot, n)| {
            let time = slot.format("%H:%M").to_string();
            let label = if several_days {
                format!(
                    "{} {time}",
                    devday_shared::dates::weekday(slot.date(), locale)
                )
            } else {
                time
            };
            (Label::Name(label), n, None)
        })
        .collect();
    // Each ticket type's show rate over the years: the same ticket (by its English name)
    // this year, then in each year before.
    let mut before: Vec<(String, Vec<TypeShow>)> = Vec::new();
    for earlier in past {
        let first = first_admissions(conn, earlier)?;
        let holders = confirmed_holders(conn, earlier)?;
        before.push((
            earlier.name.clone(),
            show_by_type(conn, earlier, &first, &holders)?,
        ));
    }
    let mut history = Vec::new();
    for t in &types {
        history.push((
            Label::Name(format!("{} · {}", say(t), edition.name)),
            t.came,
            Some(t.confirmed),
        ));
        for (name, shows) in &before {
            if let Some(then) = shows.iter().find(|s| s.name == t.name) {
                history.push((
                    Label::Name(format!("{} · {name}", say(t))),
                    then.came,
                    Some(then.confirmed),
                ));
            }
        }
    }
    Ok(vec![Section::new("report-door")
        .number("report-checked-in", came, Some(confirmed.len() as i64))
        .bars("report-show-rate", show_rate)
        .bars("report-show-rate-history", history)
        .bars("report-arrivals", arrival_bars)])
}
