//! Mail to all speakers of an edition or a filtered set, from a template with placeholders,
//! through the outbox: one mail per speaker and proposal.

use devday_db::{write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::mail::{outbox, Mail, Mailer};
use devday_shared::{AppResult, FieldErrors};
use serde::{Deserialize, Serialize};

use crate::proposals::list::{self, Filter};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MailForm {
    pub subject: String,
    pub body: String,
    /// preview or send
    pub action: String,
    #[serde(flatten)]
    pub filter: Filter,
}

/// One mail of a mailing, before it is sent.
#[derive(Debug, Clone, Serialize)]
pub struct Letter {
    pub to: String,
    pub subject: String,
    pub body: String,
}

pub const PLACEHOLDERS: [&str; 4] = ["{name}", "{title}", "{link}", "{edition}"];

pub fn validate(form: &MailForm) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if form.subject.trim().is_empty() {
        errors.add("subject", "field-required");
    } else if form.subject.chars().count() > 200 {
        errors.add("subject", "field-too-long");
    }
    if form.body.trim().is_empty() {
        errors.add("body", "field-required");
    } else if form.body.chars().count() > 20_000 {
        errors.add("body", "field-too-long");
    }
    errors
}

fn fill(template: &str, name: &str, title: &str, link: &str, edition: &str) -> String {
    template
        .replace("{name}", name)
        .replace("{title}", title)
        .replace("{link}", link)
        .replace("{edition}", edition)
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
    let mut letters = Vec::new();
    for row in page.rows {
        let link = mailer.link(&format!(
            "/{}/cfp/proposals/{}",
            edition.slug, row.proposal.id
        ));
        for speaker in &row.speakers {
            letters.push(Letter {
                to: speaker.email.clone(),
                subject: fill(
                    form.subject.trim(),
                    &speaker.name,
                    &row.proposal.title,
                    &link,
                    &edition.name,
                ),
                body: fill(
                    &form.body,
                    &speaker.name,
                    &row.proposal.title,
                    &link,
                    &edition.name,
                ),
            });
        }
    }
    Ok(letters)
}

/// Puts every letter into the outbox, all or none.
pub fn send(conn: &mut DbConn, mailer: &Mailer, letters: &[Letter]) -> AppResult<usize> {
    write_transaction(conn, |conn| {
        for letter in letters {
            outbox::enqueue(
                conn,
                &Mail {
                    to: letter.to.clone(),
                    subject: letter.subject.clone(),
                    text: letter.body.clone(),
                    html: None,
                },
            )?;
        }
        Ok::<_, devday_shared::AppError>(())
    })?;
    mailer.notify();
    Ok(letters.len())
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(
                "Hi {name}, about {title} at {edition}: {link}",
                "Ada",
                "Rust",
                "https://x/p/1",
                "DevDay"
            ),
            "Hi Ada, about Rust at DevDay: https://x/p/1"
        );
    }
}
