//! Mailings written by organisers (to speakers, to attendees): checked, previewed, then put
//! into the outbox all at once, one plain-text mail per recipient.

use devday_db::{write_transaction, DbConn};

use super::{outbox, Mail, Mailer};
use crate::i18n::Locale;
use crate::{AppError, AppResult, FieldErrors};

/// One mail of a mailing, before it is sent.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Letter {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// The language it is written in (the recipient's, where the organisers wrote it).
    pub locale: Locale,
}

/// What organisers write for a mailing, in English and German. Each recipient reads their
/// language; where it is not written, the other one.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Compose {
    pub subject: String,
    pub body: String,
    pub subject_de: String,
    pub body_de: String,
}

impl Compose {
    /// A new mailing starts with the greeting (and what follows it, `tail`) in both
    /// languages.
    pub fn greeting(tail: &str) -> Self {
        Compose {
            body: format!("Hello {{name}},\n\n…\n{tail}"),
            body_de: format!("Hallo {{name}},\n\n…\n{tail}"),
            ..Default::default()
        }
    }

    /// A language is written when its subject is: one is enough, and its text must be
    /// there too; subjects up to 200 characters, texts up to 20,000.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        let languages = [
            ("subject", self.subject.trim(), "body", self.body.trim()),
            (
                "subject_de",
                self.subject_de.trim(),
                "body_de",
                self.body_de.trim(),
            ),
        ];
        if languages
            .iter()
            .all(|(_, subject, _, _)| subject.is_empty())
        {
            errors.add("subject", "field-required");
        }
        for (subject_field, subject, body_field, body) in languages {
            if subject.is_empty() {
                continue;
            }
            if subject.chars().count() > 200 {
                errors.add(subject_field, "field-too-long");
            }
            if body.is_empty() {
                errors.add(body_field, "field-required");
            } else if body.chars().count() > 20_000 {
                errors.add(body_field, "field-too-long");
            }
        }
        errors
    }

    /// Subject and text for a reader of `locale`, and the language they are in.
    pub fn for_reader(&self, locale: Locale) -> (&str, &str, Locale) {
        let english = (self.subject.trim(), self.body.as_str(), Locale::En);
        let german = (self.subject_de.trim(), self.body_de.as_str(), Locale::De);
        let (first, other) = match locale {
            Locale::De => (german, english),
            Locale::En => (english, german),
        };
        if first.0.is_empty() {
            other
        } else {
            first
        }
    }
}

/// How many letters go out in each language: (English, German).
pub fn by_language(letters: &[Letter]) -> (usize, usize) {
    let german = letters.iter().filter(|l| l.locale == Locale::De).count();
    (letters.len() - german, german)
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
    use super::{fill, Compose};
    use crate::i18n::Locale;

    #[test]
    fn each_reader_gets_their_language_and_half_a_language_is_refused() {
        let mut text = Compose::greeting("");
        assert!(
            text.validate().contains("subject"),
            "the greeting alone is nothing to send"
        );
        text.subject = "News".into();
        text.body = "Hello {name},\n\nthe rooms moved.".into();
        assert!(text.validate().is_empty(), "{:?}", text.validate());
        assert_eq!(
            text.for_reader(Locale::De).2,
            Locale::En,
            "German not written: English"
        );
        text.subject_de = "Neuigkeiten".into();
        text.body_de = " ".into();
        assert!(
            text.validate().contains("body_de"),
            "a German subject needs its text"
        );
        text.body_de = "Hallo {name},\n\ndie Räume sind umgezogen.".into();
        assert!(text.validate().is_empty());
        assert_eq!(
            text.for_reader(Locale::De),
            ("Neuigkeiten", text.body_de.as_str(), Locale::De)
        );
        assert_eq!(text.for_reader(Locale::En).0, "News");
    }

    #[test]
    fn placeholders_are_filled_once() {
        let values = [("{name}", "Ada {edition}"), ("{edition}", "DevDay")];
        assert_eq!(
            fill("Hi {name}, see you at {edition} {unknown} {", &values),
            "Hi Ada {edition}, see you at DevDay {unknown} {"
        );
    }
}
