//! German and English for everything a person reads, from Fluent files in `locales/`.

use std::collections::HashMap;
use std::fmt;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use include_dir::{include_dir, Dir};
use serde::{Deserialize, Serialize};

static LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../locales");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    De,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::De];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
        }
    }

    pub fn parse(code: &str) -> Option<Locale> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "de" => Some(Locale::De),
            _ => None,
        }
    }

    /// The best match for an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut candidates: Vec<(f32, Locale)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let locale = Locale::parse(pieces.next()?)?;
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                Some((quality, locale))
            })
            .collect();
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
        candidates.first().map(|(_, locale)| *locale)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Message bundles of every locale. Missing German messages fall back to English, and a
/// missing English one shows its key (a test checks that both files have the same keys).
pub struct I18n {
    bundles: HashMap<Locale, FluentBundle<FluentResource>>,
}

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("locales/{0}: {1}")]
    Parse(String, String),
}

impl I18n {
    pub fn load() -> Result<Self, I18nError> {
        let mut bundles = HashMap::new();
        for locale in Locale::ALL {
            let langid = locale
                .code()
                .parse()
                .map_err(|e| I18nError::Parse(locale.code().into(), format!("{e}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Bidi isolation marks would end up in mail subjects and attribute values.
            bundle.set_use_isolating(false);
            let dir = LOCALES
                .get_dir(locale.code())
                .into_iter()
                .flat_map(|d| d.files());
            for file in dir {
                let name = file.path().display().to_string();
                let source = file.contents_utf8().unwrap_or_default().to_owned();
                let resource = FluentResource::try_new(source)
                    .map_err(|(_, errs)| I18nError::Parse(name.clone(), format!("{errs:?}")))?;
                bundle
                    .add_resource(resource)
                    .map_err(|errs| I18nError::Parse(name, format!("{errs:?}")))?;
            }
            bundles.insert(locale, bundle);
        }
        Ok(Self { bundles })
    }

    /// The catalogue built into the binary, for places without the app's state (the
    /// English detail of a problem document); `None` only if it failed to load, which the
    /// start-up's own `load` reports.
    pub fn embedded() -> Option<&'static I18n> {
        static EMBEDDED: std::sync::LazyLock<Option<I18n>> =
            std::sync::LazyLock::new(|| I18n::load().ok());
        EMBEDDED.as_ref()
    }

    /// A refusal in `locale`, with its arguments.
    pub fn refusal(&self, locale: Locale, refusal: &crate::refusal::Refusal) -> String {
        self.tr(locale, &refusal.message_id(), &refusal.args())
    }

    /// The message `key` in `locale`, with `args` filled in.
    pub fn tr(&self, locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.lookup(locale, key, args)
            .or_else(|| self.lookup(Locale::En, key, args))
            .unwrap_or_else(|| key.to_owned())
    }

    fn lookup(
        &self,
        locale: Locale,
        key: &str,
        args: &[(&str, FluentValue<'_>)],
    ) -> Option<String> {
        let bundle = self.bundles.get(&locale)?;
        let (id, attribute) = match key.split_once('.') {
            Some((id, attr)) => (id, Some(attr)),
            None => (key, None),
        };
        let message = bundle.get_message(id)?;
        let pattern = match attribute {
            Some(attr) => message.get_attribute(attr)?.value(),
            None => message.value()?,
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, %locale, "message formatted with errors");
        }
        Some(text.into_owned())
    }

    /// Message ids of one locale, for checking that both locales have the same.
    pub fn message_ids(locale: Locale) -> Vec<String> {
        let mut ids: Vec<String> = LOCALES
            .get_dir(locale.code())
            .into_iter()
            .flat_map(|d| d.files())
            .flat_map(|f| {
                let text = f.contents_utf8().unwrap_or_default();
                text.lines()
                    .filter(|l| {
                        l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && l.contains('=')
                    })
                    .filter_map(|l| l.split('=').next().map(|id| id.trim().to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect();
        ids.sort();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_the_highest_quality_known_locale() {
        assert_eq!(
            Locale::from_accept_language("fr-CH, fr;q=0.9, de;q=0.8, en;q=0.7"),
            Some(Locale::De)
        );
        assert_eq!(
            Locale::from_accept_language("en-US,en;q=0.9,de;q=0.8"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_accept_language("fr"), None);
    }

    #[test]
    fn german_and_english_have_the_same_messages() {
        let en = I18n::message_ids(Locale::En);
        let de = I18n::message_ids(Locale::De);
        let missing_de: Vec<_> = en.iter().filter(|id| !de.contains(id)).collect();
        let missing_en: Vec<_> = de.iter().filter(|id| !en.contains(id)).collect();
        assert!(missing_de.is_empty(), "missing in German: {missing_de:?}");
        assert!(missing_en.is_empty(), "missing in English: {missing_en:?}");
        assert!(en.len() > 20);
    }

    #[test]
    fn messages_are_translated_with_arguments() -> Result<(), I18nError> {
        let i18n = I18n::load()?;
        let en = i18n.tr(Locale::En, "hello-user", &[("name", "Ada".into())]);
        let de = i18n.tr(Locale::De, "hello-user", &[("name", "Ada".into())]);
        assert!(en.contains("Ada") && de.contains("Ada"));
        assert_ne!(en, de);
        assert_eq!(i18n.tr(Locale::De, "no-such-key", &[]), "no-such-key");
        Ok(())
    }
}
