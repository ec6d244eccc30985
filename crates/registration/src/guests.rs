//! Tickets for the people the conference cannot do without: the speakers of confirmed
//! sessions and the team. Organisers issue them with one button; issuing again only adds
//! those who have no ticket yet, so it can be pressed after every late confirmation.

use std::collections::BTreeSet;

use devday_db::schema::users::dsl as u;
use devday_db::{write_transaction, DbConn};
use devday_shared::editions::{roles, Edition};
use devday_shared::i18n::Locale;
use devday_shared::mail::Mailer;
use devday_shared::AppResult;
use diesel::prelude::*;
use serde::Serialize;

use crate::register::{self, Admission, Outcome, RegistrationForm};

/// What issuing did.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Issued {
    /// New tickets, each mailed.
    pub issued: usize,
    /// Guests who were registered already (nothing sent).
    pub had_one: usize,
}

/// Gives every confirmed speaker and team member of the edition a confirmed conference
/// ticket, all or nothing.
pub fn issue_to_speakers_and_team(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
) -> AppResult<Issued> {
    let mut ids: BTreeSet<String> = devday_cfp::speakers::of_confirmed_sessions(conn, &edition.id)?
        .into_iter()
        .collect();
    ids.extend(
        roles::team(conn, &edition.id)?
            .into_iter()
            .map(|t| t.user_id),
    );
    let people: Vec<(String, String, String)> = u::users
        .filter(u::id.eq_any(&ids))
        .order(u::display_name.asc())
        .select((u::display_name, u::email, u::locale))
        .load(conn)?;
    let done = write_transaction(conn, |conn| -> AppResult<Issued> {
        let mut done = Issued::default();
        for (name, email, locale) in &people {
            let form = RegistrationForm {
                name: name.clone(),
                email: email.clone(),
                consent: true,
                ..RegistrationForm::default()
            };
            let locale = Locale::parse(locale).unwrap_or_default();
            match register::admit(conn, mailer, edition, &form, locale, Admission::Guest)? {
                Outcome::Confirmed { .. } => done.issued += 1,
                Outcome::Held { .. } | Outcome::AlreadyRegistered | Outcome::Waitlisted { .. } => {
                    done.had_one += 1
                }
            }
        }
        Ok(done)
    })?;
    mailer.notify();
    Ok(done)
}
