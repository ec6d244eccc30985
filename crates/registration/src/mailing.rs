//! Mail to the attendees of an edition: everyone confirmed, everyone still unconfirmed, or
//! the holders of one ticket (a workshop's room changed), through the outbox.

use crate::model::RegistrationState;
use devday_db::schema::{registration_tickets::dsl as rt, registrations::dsl as r};
use devday_db::DbConn;
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::mail::mailing::{self, Compose, Letter};
use devday_shared::{AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

pub use devday_shared::mail::mailing::send;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AttendeeMailForm {
    #[serde(flatten)]
    pub text: Compose,
    /// preview or send
    pub action: String,
    /// "confirmed" (the default), "held" (not confirmed yet) or "active" (both).
    pub state: String,
    /// A ticket type id: only its holders; empty for everyone.
    pub ticket: String,
}

pub const PLACEHOLDERS: [&str; 2] = ["{name}", "{edition}"];

pub fn validate(form: &AttendeeMailForm) -> FieldErrors {
    form.text.validate()
}

/// The mails the form would send, one per matching registration.
pub fn letters(
    conn: &mut DbConn,
    edition: &Edition,
    form: &AttendeeMailForm,
) -> AppResult<Vec<Letter>> {
    let states: &[RegistrationState] = match RegistrationState::parse(&form.state) {
        Some(RegistrationState::Held) => &[RegistrationState::Held],
        _ if form.state == "active" => &RegistrationState::ACTIVE,
        _ => &[RegistrationState::Confirmed],
    };
    let mut q = r::registrations
        .filter(r::edition_id.eq(&edition.id))
        .filter(r::state.eq_any(states))
        .into_boxed();
    if !form.ticket.is_empty() {
        q = q.filter(
            r::id.eq_any(
                rt::registration_tickets
                    .filter(rt::ticket_type_id.eq(&form.ticket))
                    .select(rt::registration_id),
            ),
        );
    }
    let people: Vec<(String, String, String)> = q
        .order(r::created_at.asc())
        .select((r::name, r::email, r::locale))
        .load(conn)?;
    Ok(people
        .into_iter()
        .map(|(name, email, locale)| {
            let values = [
                ("{name}", name.as_str()),
                ("{edition}", edition.name.as_str()),
            ];
            let (subject, body, locale) = form
                .text
                .for_reader(Locale::parse(&locale).unwrap_or_default());
            Letter {
                to: email,
                subject: mailing::fill(subject, &values),
                body: mailing::fill(body, &values),
                locale,
            }
        })
        .collect())
}
