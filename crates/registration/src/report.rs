//! Registration's part of the edition report (see `editions::report`): how many came in,
//! when (days before the first day, past editions on the same axes), how many stayed, and
//! what the waiting list did.

use chrono::NaiveDateTime;
use devday_db::schema::{
    registrations::dsl as r, ticket_types::dsl as tt, waitlist_entries::dsl as w,
};
use devday_db::DbConn;
use devday_shared::editions::report::{cumulative, Chart, Curve, Section};
use devday_shared::editions::{Edition, EditionFormat};
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::RegistrationState;
use devday_shared::AppResult;
use diesel::prelude::*;

use crate::model::WaitlistState;

/// Days from each registration to the edition's first day (negative: before it).
fn curve(conn: &mut DbConn, edition: &Edition, current: bool) -> QueryResult<Curve> {
    let times: Vec<NaiveDateTime> = r::registrations
        .filter(r::edition_id.eq(&edition.id))
        .select(r::created_at)
        .load(conn)?;
    let days = times
        .iter()
        .map(|t| (edition.local(*t).date_naive() - edition.starts_on).num_days())
        .collect();
    Ok(Curve {
        edition: edition.name.clone(),
        current,
        points: cumulative(days),
    })
}

pub fn sections(
    conn: &mut DbConn,
    edition: &Edition,
    past: &[Edition],
    _locale: Locale,
) -> AppResult<Vec<Section>> {
    let states: Vec<RegistrationState> = r::registrations
        .filter(r::edition_id.eq(&edition.id))
        .select(r::state)
        .load(conn)?;
    let count = |state: RegistrationState| states.iter().filter(|s| **s == state).count() as i64;
    let waitlist: Vec<WaitlistState> = w::waitlist_entries
        .inner_join(tt::ticket_types)
        .filter(tt::edition_id.eq(&edition.id))
        .select(w::state)
        .load(conn)?;
    let served = waitlist
        .iter()
        .filter(|s| **s == WaitlistState::Accepted)
        .count() as i64;
    let mut curves = vec![curve(conn, edition, true)?];
    for earlier in past {
        curves.push(curve(conn, earlier, false)?);
    }
    let section = Section::new("report-registration")
        .number("report-registrations", states.len() as i64, None)
        .number(
            "report-confirmed",
            count(RegistrationState::Confirmed),
            Some(states.len() as i64),
        )
        .number(
            "report-cancelled",
            count(RegistrationState::Cancelled),
            None,
        )
        .number(
            "report-waitlist-served",
            served,
            Some(waitlist.len() as i64),
        )
        .chart(Chart {
            title: "report-registrations-over-time",
            axis: "report-days-to-event",
            curves,
        });
    if edition.format == EditionFormat::OnSite {
        return Ok(vec![section]);
    }
    // Online editions: how many of those confirmed opened a stream through their links.
    let watched: i64 = r::registrations
        .filter(r::edition_id.eq(&edition.id))
        .filter(r::state.eq(RegistrationState::Confirmed))
        .filter(r::watched_at.is_not_null())
        .count()
        .get_result(conn)?;
    let confirmed = count(RegistrationState::Confirmed);
    Ok(vec![section.number(
        "report-watched",
        watched,
        Some(confirmed),
    )])
}
