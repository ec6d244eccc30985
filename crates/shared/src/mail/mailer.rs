use std::sync::Arc;

use super::{compose, Mail, Wakeup};
use crate::error::AppResult;
use crate::i18n::Locale;
use crate::templates::Templates;

/// What domain code needs to write mail: templates, the base of links, and the worker's bell.
#[derive(Clone)]
pub struct Mailer {
    templates: Arc<Templates>,
    public_url: Arc<str>,
    wakeup: Wakeup,
}

impl Mailer {
    pub fn new(templates: Arc<Templates>, public_url: Arc<str>, wakeup: Wakeup) -> Self {
        Self {
            templates,
            public_url,
            wakeup,
        }
    }

    /// Renders mail `name` for `to` in `locale`; `base_url` is available to the templates.
    pub fn compose(
        &self,
        name: &str,
        locale: Locale,
        to: &str,
        mut ctx: tera::Context,
    ) -> AppResult<Mail> {
        ctx.insert("base_url", &*self.public_url);
        compose(&self.templates, name, locale, to, ctx)
    }

    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.public_url, path)
    }

    /// Call after the transaction that enqueued mail has committed.
    pub fn notify(&self) {
        self.wakeup.notify();
    }
}
