//! A message to say later, in the reader's language: a Fluent id and its arguments. What a
//! form post did (the flash after the redirect), the state of the year on the edition's
//! front page: made where the facts are, said where the reader is known.

use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use crate::i18n::{I18n, Locale};

/// An argument: numbers stay numbers so Fluent picks the plural form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    Count(i64),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    args: Vec<(String, Arg)>,
}

impl Message {
    pub fn new(key: &str) -> Self {
        Message {
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

    /// A text in the message (a title, a name, a date said in the reader's words).
    #[must_use]
    pub fn text(mut self, name: &str, value: &str) -> Self {
        // A flash travels in a cookie of about 4 kB; a title is cut rather than lost.
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
}
