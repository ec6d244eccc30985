//! Mail to all speakers of an edition or a filtered set, from a template with placeholders,
//! through the outbox: one mail per speaker and proposal.

use devday_db::DbConn;
use devday_shared::editions::Edition;
use devday_shared::mail::mailing::Compose;
pub use devday_shared::mail::mailing::{send, Letter};
use devday_shared::mail::{mailing, Mailer};
use devday_shared::vocabulary::UserId;
use devday_shared::{AppResult, FieldErrors};
use serde::{Deserialize, Serialize};

use crate::proposals::list::{self, Filter};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MailForm {
    #[serde(flatten)]
    pub text: Compose,
    /// preview or send
    pub action: String,
    #[serde(flatten)]
    pub filter: Filter,
}

pub const PLACEHOLDERS: [&str; 4] = ["{name}", "{title}", "{link}", "{edition}"];

pub fn validate(form: &MailForm) -> FieldErrors {
    form.text.validate()
}

fn fill(template: &str, name: &str, title: &str, link: &str, edition: &str) -> String {
    mailing::fill(
        template,
        &[
            ("{name}", name),
            ("{title}", title),
            ("{link}", link),
            ("{edition}", edition),
        ],
    )
}

/// The mails the form would send, with placeholders filled in.
pub fn letters(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    form: &MailForm,
) -> AppResult<Vec<Letter>> {
    let filter = Filter {
        per_page: 100_000,
        page: 1,
        ..form.filter.clone()
    };
    let page = list::list(conn, &edition.id, &filter)?;
    let ids: Vec<&UserId> = page
        .rows
        .iter()
        .flat_map(|r| r.speakers.iter().map(|s| &s.user_id))
        .collect();
    let locales = devday_shared::accounts::users::locales(conn, &ids)?;
    let mut letters = Vec::new();
    for row in page.rows {
        let link = mailer.link(&format!(
            "/{}/cfp/proposals/{}",
            edition.slug, row.proposal.id
        ));
        for speaker in &row.speakers {
            let locale = locales.get(&speaker.user_id).copied().unwrap_or_default();
            let (subject, body, locale) = form.text.for_reader(locale);
            let fill = |text| {
                fill(
                    text,
                    &speaker.name,
                    &row.proposal.title,
                    &link,
                    &edition.name,
                )
            };
            letters.push(Letter {
                to: speaker.email.clone(),
                subject: fill(subject),
                body: fill(body),
                locale,
            });
        }
    }
    Ok(letters)
}
