//! What every devday domain shares: configuration, editions, people and their roles, mail,
//! and the web plumbing (errors, extractors, templates, translations).

pub mod accounts;
pub mod api;
pub mod background;
pub mod bilingual;
pub mod config;
pub mod crypto;
pub mod dates;
pub mod editions;
pub mod error;
pub mod group_commit;
pub mod i18n;
pub mod mail;
pub mod maintenance;
pub mod markdown;
pub mod message;
pub mod metrics;
pub mod ops;
pub mod programme;
pub mod refusal;
pub mod settings_store;
pub mod spreadsheet;
pub mod state;
pub mod templates;
pub mod vocabulary;
pub mod web;
pub mod webhooks;

pub use error::{AppError, AppResult, FieldErrors};
pub use refusal::Refusal;
pub use state::AppState;
