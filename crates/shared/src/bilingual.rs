//! Names given in both languages. What organisers name for visitors (session types,
//! tracks, tickets, check-in lists, review categories), and the defaults devday names
//! itself, are kept in English (`name`) and German (`name_de`): the reader's language is
//! shown, the other is the fallback, so a name given in one language only still shows.
//! Pages use the Tera filter `{{ x.name | local(lang=lang, de=x.name_de) }}`.

use std::collections::HashMap;

use tera::Value;

use crate::i18n::Locale;
use crate::FieldErrors;

/// The name in the reader's language, else the other one.
pub fn pick<'a>(locale: Locale, en: &'a str, de: &'a str) -> &'a str {
    let (first, other) = match locale {
        Locale::De => (de, en),
        Locale::En => (en, de),
    };
    if first.trim().is_empty() {
        other
    } else {
        first
    }
}

/// A name in both languages, as it is written to `name` and `name_de`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name<'a> {
    pub en: &'a str,
    pub de: &'a str,
}

impl<'a> Name<'a> {
    pub const fn new(en: &'a str, de: &'a str) -> Self {
        Name { en, de }
    }

    /// A name from a form's `field` (English) and `field_de` (German), trimmed: one of
    /// the two is required, each at most `max` characters.
    pub fn from_form(
        errors: &mut FieldErrors,
        field: &str,
        en: &'a str,
        de: &'a str,
        max: usize,
    ) -> Self {
        let name = Name::new(en.trim(), de.trim());
        if name.en.is_empty() && name.de.is_empty() {
            errors.add(field, "field-required");
        }
        if name.en.chars().count() > max {
            errors.add(field, "field-too-long");
        }
        if name.de.chars().count() > max {
            errors.add(&format!("{field}_de"), "field-too-long");
        }
        name
    }
}

/// `{{ name | local(lang=lang, de=name_de) }}`: the English name given, the German in `de`.
pub struct LocalFilter;

impl tera::Filter for LocalFilter {
    fn filter(&self, value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let en = value.as_str().unwrap_or_default();
        let de = args.get("de").and_then(Value::as_str).unwrap_or_default();
        Ok(Value::String(
            pick(crate::dates::locale_arg(args), en, de).to_owned(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readers_language_first_the_other_as_fallback() {
        assert_eq!(pick(Locale::De, "Talk", "Vortrag"), "Vortrag");
        assert_eq!(pick(Locale::En, "Talk", "Vortrag"), "Talk");
        assert_eq!(pick(Locale::De, "Keynote", ""), "Keynote");
        assert_eq!(pick(Locale::En, " ", "Nur Deutsch"), "Nur Deutsch");
    }

    #[test]
    fn the_filter_reads_the_language_and_the_german_name() {
        let args = HashMap::from([
            ("lang".to_owned(), Value::from("de")),
            ("de".to_owned(), Value::from("Eingang")),
        ]);
        let out = tera::Filter::filter(&LocalFilter, &Value::from("Entrance"), &args);
        assert_eq!(out.ok(), Some(Value::from("Eingang")));
        let out = tera::Filter::filter(&LocalFilter, &Value::from("Entrance"), &HashMap::new());
        assert_eq!(out.ok(), Some(Value::from("Entrance")));
    }
}
