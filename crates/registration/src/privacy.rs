//! Data retention (GDPR): after an edition, its attendees' personal data is purged, by an
//! organiser's button or automatically a chosen number of days after its last day. What
//! stays is anonymous: each registration's state, ticket types, T-shirt size and times, so
//! the counts of the edition remain for the archive and next year's planning.

use chrono::{Days, NaiveDate};
use devday_db::schema::{
    registration_settings::dsl as rs, registrations::dsl as r, ticket_types::dsl as tt,
    waitlist_entries::dsl as w,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::editions::{queries as editions, Edition};
use devday_shared::{AppError, AppResult};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::Text;

use crate::settings;

/// The edition's last day has passed in its own timezone.
pub fn has_ended(edition: &Edition, today: NaiveDate) -> bool {
    edition.ends_on < today
}

fn today_in(edition: &Edition) -> NaiveDate {
    edition.local(now()).date_naive()
}

/// Removes names, addresses, answers and links of every registration and waiting-list
/// entry of an ended edition; returns how many registrations were purged. Manage, confirm
/// and offer links stop working.
pub fn purge(conn: &mut DbConn, edition: &Edition) -> AppResult<usize> {
    if !has_ended(edition, today_in(edition)) {
        return Err(AppError::Refused(devday_shared::Refusal::PurgeBeforeEnd));
    }
    write_transaction(conn, |conn| {
        // Placeholders stay unique per row ((edition, email) and the token hash are unique).
        let n = diesel::update(r::registrations.filter(r::edition_id.eq(&edition.id)))
            .set((
                r::name.eq(""),
                r::email.eq(sql::<Text>("'purged-' || id")),
                r::company.eq(""),
                r::dietary.eq(""),
                r::accessibility.eq(""),
                r::confirm_token_hash.eq(None::<String>),
                r::manage_token_hash.eq(sql::<Text>("'purged-' || id")),
            ))
            .execute(conn)?;
        let types = tt::ticket_types
            .filter(tt::edition_id.eq(&edition.id))
            .select(tt::id);
        diesel::update(w::waitlist_entries.filter(w::ticket_type_id.eq_any(types)))
            .set((
                w::name.eq(""),
                w::email.eq(""),
                w::offer_token_hash.eq(None::<String>),
            ))
            .execute(conn)?;
        let current = settings::get(conn, &edition.id)?;
        let marked = diesel::update(rs::registration_settings.find(&edition.id))
            .set(rs::purged_at.eq(Some(now())))
            .execute(conn)?;
        if marked == 0 {
            diesel::insert_into(rs::registration_settings)
                .values((
                    rs::edition_id.eq(&edition.id),
                    rs::hold_hours.eq(current.hold_hours),
                    rs::offer_hours.eq(current.offer_hours),
                    rs::privacy_text.eq(&current.privacy_text),
                    rs::coc_text.eq(&current.coc_text),
                    rs::privacy_text_de.eq(&current.privacy_text_de),
                    rs::coc_text_de.eq(&current.coc_text_de),
                    rs::consent_version.eq(current.consent_version),
                    rs::purged_at.eq(Some(now())),
                ))
                .execute(conn)?;
        }
        Ok(n)
    })
}

/// Purges every edition whose chosen retention has run out (called by the sweep).
pub fn purge_due(conn: &mut DbConn) -> AppResult<usize> {
    let due: Vec<(devday_shared::vocabulary::EditionId, i32)> = rs::registration_settings
        .filter(rs::purged_at.is_null())
        .filter(rs::purge_after_days.is_not_null())
        .select((rs::edition_id, rs::purge_after_days.assume_not_null()))
        .load(conn)?;
    let mut purged = 0;
    for (edition_id, days) in due {
        let edition = editions::by_id(conn, &edition_id)?;
        let last = edition
            .ends_on
            .checked_add_days(Days::new(u64::try_from(days).unwrap_or(0)))
            .unwrap_or(edition.ends_on);
        if last < today_in(&edition) {
            purge(conn, &edition)?;
            tracing::info!(edition = %edition.slug, "purged attendees' personal data");
            purged += 1;
        }
    }
    Ok(purged)
}
