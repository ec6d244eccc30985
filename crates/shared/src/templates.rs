//! Tera templates, embedded in the binary from `templates/`, with the `t()` function for
//! translated text: `{{ t(key="login-title", lang=lang) }}`, extra arguments go to Fluent.

use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::FluentValue;
use include_dir::{include_dir, Dir};
use tera::{Tera, Value};

use crate::error::{AppError, AppResult};
use crate::i18n::{I18n, Locale};

static TEMPLATES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../templates");

pub struct Templates {
    tera: Tera,
}

impl Templates {
    pub fn load(i18n: Arc<I18n>) -> Result<Self, tera::Error> {
        let mut tera = Tera::default();
        let mut sources = Vec::new();
        collect(&TEMPLATES, &mut sources);
        tera.add_raw_templates(sources)?;
        tera.autoescape_on(vec![".html"]);
        tera.register_function("t", Translate(i18n));
        tera.register_filter("markdown", crate::markdown::MarkdownFilter);
        tera.register_filter("day", crate::dates::DayFilter);
        tera.register_filter("day_time", crate::dates::DayTimeFilter);
        tera.register_filter("local", crate::bilingual::LocalFilter);
        Ok(Self { tera })
    }

    pub fn render(&self, name: &str, context: &tera::Context) -> AppResult<String> {
        self.tera.render(name, context).map_err(|e| {
            AppError::internal(anyhow::anyhow!("template {name}: {}", error_chain(&e)))
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.tera.get_template_names().any(|n| n == name)
    }
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static str)>) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            out.push((file.path().display().to_string(), text));
        }
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

struct Translate(Arc<I18n>);

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = args
            .get("key")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs key=\"...\""))?;
        let locale = args
            .get("lang")
            .and_then(Value::as_str)
            .and_then(Locale::parse)
            .unwrap_or_default();
        let fluent_args: Vec<(&str, FluentValue<'_>)> = args
            .iter()
            .filter(|(name, _)| name.as_str() != "key" && name.as_str() != "lang")
            .map(|(name, value)| {
                let value = match value {
                    Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or_default()),
                    Value::String(s) => FluentValue::from(s.as_str()),
                    other => FluentValue::from(other.to_string()),
                };
                (name.as_str(), value)
            })
            .collect();
        Ok(Value::String(self.0.tr(locale, key, &fluent_args)))
    }

    fn is_safe(&self) -> bool {
        false
    }
}
