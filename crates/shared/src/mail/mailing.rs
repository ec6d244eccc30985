//! Mailings written by organisers (to speakers, to attendees): checked, previewed, then put
//! into the outbox all at once, one plain-text mail per recipient.

use devday_db::{write_transaction, DbConn};

use super::{outbox, Mail, Mailer};
use crate::{AppError, AppResult, FieldErrors};

/// One mail of a mailing, before it is sent.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Letter {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// A subject (up to 200 characters) and a body (up to 20,000) are required.
pub fn validate(subject: &str, body: &str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if subject.trim().is_empty() {
        errors.add("subject", "field-required");
    } else if subject.chars().count() > 200 {
        errors.add("subject", "field-too-long");
    }
    if body.trim().is_empty() {
        errors.add("body", "field-required");
    } else if body.chars().count() > 20_000 {
        errors.add("body", "field-too-long");
    }
    errors
}

/// Replaces each `{placeholder}` with its value, in one pass: a value that happens to
/// contain another placeholder's name is left as it is.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    'outer: while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        for (key, value) in values {
            if rest[start..].starts_with(key) {
                out.push_str(value);
                rest = &rest[start + key.len()..];
                continue 'outer;
            }
        }
        out.push('{');
        rest = &rest[start + 1..];
    }
    out.push_str(rest);
    out
}

/// Puts every letter into the outbox, all or none; returns how many.
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
                    inline_png: None,
                },
            )?;
        }
        Ok::<_, AppError>(())
    })?;
    mailer.notify();
    Ok(letters.len())
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn placeholders_are_filled_once() {
        let values = [("{name}", "Ada {edition}"), ("{edition}", "DevDay")];
        assert_eq!(
            fill("Hi {name}, see you at {edition} {unknown} {", &values),
            "Hi Ada {edition}, see you at DevDay {unknown} {"
        );
    }
}
