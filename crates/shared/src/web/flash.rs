//! What happened, said on the page a form post redirects to: "12 proposals accepted".
//!
//! The message travels in a short-lived signed cookie as a Fluent id with its arguments, so
//! it is said in the reader's language and with correct plurals where it is shown, and no
//! one can make another browser show a text of their choosing. The page that shows it
//! removes the cookie, so a reload does not repeat it.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use crate::crypto;
use crate::i18n::{I18n, Locale};

pub const COOKIE: &str = "devday_flash";

/// An argument: numbers stay numbers so Fluent picks the plural form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    Count(i64),
    Text(String),
}

/// A message to show after the redirect: a Fluent id and its arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flash {
    key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    args: Vec<(String, Arg)>,
}

impl Flash {
    pub fn new(key: &str) -> Self {
        Flash {
            key: key.to_owned(),
            args: Vec::new(),
        }
    }

    /// A number in the message (`{ $n }`), for plurals.
    #[must_use]
    pub fn count(mut self, name: &str, n: impl TryInto<i64>) -> Self {
        let n = n.try_into().unwrap_or(i64::MAX);
        self.args.push((name.to_owned(), Arg::Count(n)));
        self
    }

    /// A text in the message (a title, a name).
    #[must_use]
    pub fn text(mut self, name: &str, value: &str) -> Self {
        // A cookie holds about 4 kB; a title is cut rather than the message lost.
        let value: String = value.chars().take(120).collect();
        self.args.push((name.to_owned(), Arg::Text(value)));
        self
    }

    /// The message in the reader's language.
    pub fn say(&self, i18n: &I18n, locale: Locale) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Count(n) => FluentValue::from(*n),
                    Arg::Text(s) => FluentValue::from(s.as_str()),
                };
                (name.as_str(), value)
            })
            .collect();
        i18n.tr(locale, &self.key, &args)
    }

    /// The cookie value: the message as JSON, base64, and its signature.
    pub fn seal(&self, secret: &[u8]) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        let payload = URL_SAFE_NO_PAD.encode(json);
        let signature = crypto::sign(secret, &message(&payload));
        format!("{payload}.{signature}")
    }

    /// The message in a cookie value, if it is one devday signed.
    pub fn open(secret: &[u8], value: &str) -> Option<Flash> {
        let (payload, signature) = value.split_once('.')?;
        if !crypto::verify(secret, &message(payload), signature) {
            return None;
        }
        let json = URL_SAFE_NO_PAD.decode(payload).ok()?;
        serde_json::from_slice(&json).ok()
    }
}

/// What the signature covers; the prefix keeps it from ever matching another signed value.
fn message(payload: &str) -> String {
    format!("flash:{payload}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_message_opens_and_a_forged_one_does_not() {
        let flash = Flash::new("proposals-decided")
            .count("n", 12)
            .text("title", "Fearless & <Rust>");
        let sealed = flash.seal(b"secret");
        assert_eq!(Flash::open(b"secret", &sealed), Some(flash));
        assert_eq!(Flash::open(b"other", &sealed), None);
        let (_, signature) = sealed.split_once('.').unwrap_or_default();
        let forged = URL_SAFE_NO_PAD.encode(r#"{"key":"anything"}"#);
        assert_eq!(
            Flash::open(b"secret", &format!("{forged}.{signature}")),
            None
        );
        assert_eq!(Flash::open(b"secret", "garbage"), None);
    }

    #[test]
    fn counts_stay_numbers_for_plurals() {
        let i18n = I18n::load().expect("catalogues");
        let decided = |n: i64| {
            Flash::new("flash-proposals-decided")
                .count("n", n)
                .text("decision", "accept")
        };
        assert!(decided(1)
            .say(&i18n, Locale::En)
            .starts_with("1 proposal accepted."));
        assert!(decided(12)
            .say(&i18n, Locale::En)
            .starts_with("12 proposals accepted."));
        assert!(decided(12)
            .say(&i18n, Locale::De)
            .starts_with("12 Einreichungen angenommen."));
    }
}
