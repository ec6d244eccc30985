use std::sync::Arc;

use actix_web::web;
use devday_db::{DbConn, Pool};

use crate::accounts::password::Passwords;
use crate::config::Settings;
use crate::error::{AppError, AppResult};
use crate::group_commit::GroupCommit;
use crate::i18n::I18n;
use crate::mail::Mailer;
use crate::metrics::Metrics;
use crate::templates::Templates;
use crate::web::rate_limit::RateLimits;

/// Everything a request handler may need, shared by all workers.
#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub settings: Arc<Settings>,
    /// The base of absolute links in mails, without a trailing slash.
    pub public_url: Arc<str>,
    pub templates: Arc<Templates>,
    pub i18n: Arc<I18n>,
    pub secret: Arc<[u8]>,
    pub mailer: Mailer,
    pub passwords: Passwords,
    pub limits: Arc<RateLimits>,
    pub metrics: Arc<Metrics>,
    /// Small hot writes (door scans), committed in groups by one writer thread.
    pub writes: GroupCommit,
    /// What every new edition starts with, from each domain.
    pub seeds: Arc<[crate::editions::seeds::Seed]>,
    /// What an edition hands on to next year, from each domain, in the order they copy.
    pub carries: Arc<[crate::editions::carry::Carry]>,
    /// The edition dashboard's panels, from each domain.
    pub panels: Arc<[crate::editions::overview::PanelSource]>,
    /// The edition report's sections, from each domain.
    pub reports: Arc<[crate::editions::report::ReportSource]>,
    /// The edition front page's cards, from each domain.
    pub cards: Arc<[crate::editions::hub::CardSource]>,
    /// Where a proposal sits in the released programme (answered by the timetable).
    pub slot_of: crate::editions::slots::SlotSource,
}

impl AppState {
    /// Runs blocking database work on the blocking thread pool with a pooled connection.
    pub async fn db<T, F>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConn) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await
        .map_err(AppError::from)?
    }

    /// Hashes a password on the blocking pool, holding no database connection (argon2 is
    /// deliberately slow; holding a connection meanwhile would drain the pool under load).
    pub async fn hash_password(&self, password: String) -> AppResult<String> {
        let passwords = self.passwords.clone();
        web::block(move || passwords.hash(&password))
            .await?
            .map_err(AppError::internal)
    }

    /// Checks a password against a stored hash (or wastes the same time if there is none).
    pub async fn verify_password(&self, password: String, hash: Option<String>) -> AppResult<bool> {
        let passwords = self.passwords.clone();
        Ok(web::block(move || passwords.verify(&password, hash.as_deref())).await?)
    }

    /// Absolute link for a path such as `/account/confirm/abc`.
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.public_url, path)
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}
