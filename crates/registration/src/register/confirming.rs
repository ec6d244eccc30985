//! Confirming a held registration and sending the ticket.

use crate::model::RegistrationId;
use crate::model::RegistrationState;
use devday_db::schema::registrations::dsl as r;
use devday_db::{now, write_transaction, DbConn};
use devday_shared::bilingual::pick;
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::{crypto, AppError, AppResult};
use diesel::prelude::*;

use crate::model::Registration;

use super::registering::link_context;

/// Confirms a held registration without a mail (imports and the demo).
pub fn mark_confirmed(conn: &mut DbConn, registration_id: &RegistrationId) -> QueryResult<()> {
    diesel::update(
        r::registrations
            .filter(r::id.eq(registration_id))
            .filter(r::state.eq(RegistrationState::Held)),
    )
    .set((
        r::state.eq(RegistrationState::Confirmed),
        r::confirmed_at.eq(Some(now())),
        r::held_until.eq(None::<chrono::NaiveDateTime>),
        r::confirm_token_hash.eq(None::<String>),
    ))
    .execute(conn)
    .map(drop)
}

/// A registration just confirmed, with the token of its manage link (also mailed).
pub struct Registered {
    pub registration: Registration,
    pub manage_token: String,
}

/// Confirms a registration that is held for its owner (found by the mailed confirmation
/// link, or by the manage link, which proves the address just as well) and mails the
/// ticket. NotFound once it is no longer held (confirmed already, or the hold ran out).
pub fn confirm_held(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: Registration,
    locale: Locale,
) -> AppResult<Registered> {
    let done = write_transaction(conn, |conn| -> AppResult<Registered> {
        // Until the sweeper has released it, an expired hold still reads "held".
        let n = diesel::update(
            r::registrations
                .filter(r::id.eq(&reg.id))
                .filter(r::state.eq(RegistrationState::Held))
                .filter(r::held_until.gt(now())),
        )
        .set((
            r::state.eq(RegistrationState::Confirmed),
            r::confirmed_at.eq(Some(now())),
            r::held_until.eq(None::<chrono::NaiveDateTime>),
            r::confirm_token_hash.eq(None::<String>),
        ))
        .execute(conn)?;
        if n != 1 {
            return Err(AppError::NotFound);
        }
        let manage_token = send_ticket(conn, mailer, edition, &reg, locale)?;
        crate::events::confirmed(conn, edition, &reg)?;
        Ok(Registered {
            registration: reg.clone(),
            manage_token,
        })
    })?;
    mailer.notify();
    Ok(done)
}

/// Queues the ticket mail of a confirmed registration: what the ticket carries (when,
/// where, workshops, the QR and the short code), with a fresh manage link (the previous
/// one stops working) and links to the PDF and the calendar file; returns the link's token,
/// for the page that confirmed the registration.
pub(crate) fn send_ticket(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: &Registration,
    locale: Locale,
) -> AppResult<String> {
    let manage = crypto::random_token();
    diesel::update(r::registrations.find(&reg.id))
        .set(r::manage_token_hash.eq(crypto::token_hash(&manage)))
        .execute(conn)?;
    let ticket = crate::ticket::Ticket::of(conn, reg.clone())?;
    let mut ctx = link_context(mailer, edition, &reg.name, &manage);
    ctx.insert(
        "tickets",
        &ticket
            .types
            .iter()
            .map(|t| pick(locale, &t.name, &t.name_de))
            .collect::<Vec<_>>(),
    );
    ctx.insert("facts", &ticket.facts(locale));
    if let Some(codes) = &ticket.codes {
        ctx.insert("short_code", &codes.short.to_string());
    }
    let mut mail = mailer.compose("registration_confirmed", locale, &reg.email, ctx)?;
    // The ticket's QR code, shown inside the mail.
    if let Some(codes) = &ticket.codes {
        mail.inline_png = Some(devday_badges::qr::png(&codes.qr).map_err(AppError::internal)?);
    }
    outbox::enqueue(conn, &mail)?;
    Ok(manage)
}
