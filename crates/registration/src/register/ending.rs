//! Ending a registration: cancelled by the person or the organisers, a hold that ran
//! out, or deleted; its seats go to the waiting list first.

use crate::model::RegistrationState;
use devday_db::schema::registrations::dsl as r;
use devday_db::{now, write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::{AppError, AppResult};
use diesel::prelude::*;

use crate::model::Registration;

use super::lookup::tickets_of;
use crate::{seats, waitlist};

/// Ends an active registration: its seats go back at once, to the waiting list first.
/// Returns how many seats were offered to people waiting.
fn release(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: &Registration,
    state: RegistrationState,
) -> AppResult<usize> {
    let n = diesel::update(
        r::registrations
            .filter(r::id.eq(&reg.id))
            .filter(r::state.eq_any(RegistrationState::ACTIVE)),
    )
    .set((
        r::state.eq(state),
        r::cancelled_at.eq(Some(now())),
        r::held_until.eq(None::<chrono::NaiveDateTime>),
    ))
    .execute(conn)?;
    if n != 1 {
        return Err(AppError::Refused(
            devday_shared::Refusal::RegistrationInactive,
        ));
    }
    let mut offered = 0;
    for ticket in tickets_of(conn, &reg.id)? {
        seats::release(conn, &ticket.id)?;
        offered += waitlist::offer_free_seats(conn, mailer, edition, &ticket.id)?;
    }
    Ok(offered)
}

/// Who ended a registration: the mail that confirms it says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelledBy {
    /// The person, from their manage link: told what became of their place.
    Themselves,
    /// The organisers: told so, and that a mistake can be answered.
    Organisers,
    /// Nobody: they did not answer the reconfirmation by its deadline.
    Unanswered,
}

/// Cancels a registration; its places go to the waiting list first, and the person gets a
/// mail confirming it, with the link to register again.
pub fn cancel(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: &Registration,
    by: CancelledBy,
) -> AppResult<()> {
    write_transaction(conn, |conn| -> AppResult<()> {
        let offered = release(conn, mailer, edition, reg, RegistrationState::Cancelled)?;
        crate::events::cancelled(conn, edition, reg, Some(by))?;
        let mut ctx = tera::Context::new();
        ctx.insert("name", &reg.name);
        ctx.insert("edition", &edition.name);
        ctx.insert("offered", &offered);
        ctx.insert(
            "register_link",
            &mailer.link(&format!("/{}/register/", edition.slug)),
        );
        let template = match by {
            CancelledBy::Themselves => "registration_self_cancelled",
            CancelledBy::Organisers => "registration_cancelled",
            CancelledBy::Unanswered => "registration_released",
        };
        let locale = Locale::parse(&reg.locale).unwrap_or_default();
        outbox::enqueue(conn, &mailer.compose(template, locale, &reg.email, ctx)?)?;
        Ok(())
    })?;
    mailer.notify();
    Ok(())
}

/// Expires holds whose time is up and offers that were not answered; returns how many.
pub fn sweep(conn: &mut DbConn, mailer: &Mailer) -> AppResult<usize> {
    let at = now();
    let stale: Vec<Registration> = r::registrations
        .filter(r::state.eq(RegistrationState::Held))
        .filter(r::held_until.le(at))
        .select(Registration::as_select())
        .load(conn)?;
    let mut n = 0;
    for reg in stale {
        let edition = devday_shared::editions::queries::by_id(conn, &reg.edition_id)?;
        let expired = write_transaction(conn, |conn| {
            match release(conn, mailer, &edition, &reg, RegistrationState::Expired) {
                Ok(_) => Ok(true),
                // Confirmed or cancelled meanwhile: nothing to do.
                Err(AppError::Refused(devday_shared::Refusal::RegistrationInactive)) => Ok(false),
                Err(e) => Err(e),
            }
        })?;
        n += usize::from(expired);
    }
    n += waitlist::expire_offers(conn, mailer)?;
    if n > 0 {
        mailer.notify();
    }
    Ok(n)
}

/// Deletes a registration for good (GDPR): active seats go back first.
pub fn delete(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: &Registration,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        if reg.is_active() {
            release(conn, mailer, edition, reg, RegistrationState::Cancelled)?;
            crate::events::cancelled(conn, edition, reg, None)?;
        }
        diesel::delete(r::registrations.find(&reg.id)).execute(conn)?;
        Ok::<_, AppError>(())
    })?;
    mailer.notify();
    Ok(())
}
