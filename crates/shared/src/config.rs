//! Typed, layered configuration: the embedded defaults (`config/default.toml`), an optional
//! file, then `DEVDAY_*` environment variables. Bad values stop start-up naming the key.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use devday_db::DatabaseUrl;
use figment::providers::{Format, Serialized, Toml};
use figment::Figment;
use serde::Deserialize;

const DEFAULTS: &str = include_str!("../../../config/default.toml");
const SECTIONS: [&str; 6] = ["server", "database", "mail", "webhooks", "security", "log"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub mail: MailSettings,
    pub webhooks: WebhookSettings,
    pub security: SecuritySettings,
    pub log: LogSettings,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSettings {
    pub listen: SocketAddr,
    pub public_url: String,
    pub workers: usize,
    pub trust_proxy: bool,
    pub sweep_seconds: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    #[serde(deserialize_with = "database_url")]
    pub url: DatabaseUrl,
    pub pool_size: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransportKind {
    Smtp,
    File,
    Log,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    None,
    Starttls,
    Tls,
}

/// The longest mail claim accepted (a day); more would only delay mail after a crash.
pub const MAX_CLAIM_SECONDS: u64 = 86_400;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailSettings {
    pub from: String,
    pub transport: MailTransportKind,
    pub file_dir: PathBuf,
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_tls: SmtpTls,
    pub smtp_username: String,
    pub smtp_password: String,
    pub poll_interval_ms: u64,
    pub max_attempts: i32,
    pub timeout_seconds: u64,
    pub claim_seconds: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookSettings {
    pub allow_private_networks: bool,
    pub timeout_seconds: u64,
    pub max_attempts: i32,
    pub poll_interval_ms: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecuritySettings {
    pub session_days: i64,
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
    pub login_per_minute: u32,
    pub signup_per_minute: u32,
    pub registration_per_minute: u32,
    pub feedback_per_minute: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    pub filter: String,
    pub format: LogFormat,
}

/// Why the configuration was refused, as one line naming the key.
#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(String);

fn database_url<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DatabaseUrl, D::Error> {
    let raw = String::deserialize(d)?;
    DatabaseUrl::parse(&raw).map_err(serde::de::Error::custom)
}

impl Settings {
    /// Loads the defaults, then `file` (which must exist if given), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        Self::load_from(file, std::env::vars())
    }

    /// Like [`Settings::load`] with the environment passed in, so tests need not mutate it.
    pub fn load_from(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let mut figment = Figment::from(Toml::string(DEFAULTS));
        if let Some(path) = file {
            if !path.is_file() {
                return Err(ConfigError(format!(
                    "--config {}: no such file",
                    path.display()
                )));
            }
            figment = figment.merge(Toml::file(path));
        }
        for (name, value) in env {
            if let Some(key) = env_key(&name)? {
                figment = figment.merge(Serialized::default(&key, parse_env_value(&value)));
            }
        }
        let settings: Settings = figment.extract().map_err(|e| ConfigError(one_line(e)))?;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, problem: &str| Err(ConfigError(format!("{key}: {problem}")));
        let url = self.server.public_url.trim();
        if !(url.is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
            return bad("server.public_url", "must start with http:// or https://");
        }
        if self.database.pool_size == 0 {
            return bad("database.pool_size", "must be at least 1");
        }
        if !self.mail.from.contains('@') {
            return bad("mail.from", "must contain an email address");
        }
        if self.mail.max_attempts < 1 {
            return bad("mail.max_attempts", "must be at least 1");
        }
        if self.mail.timeout_seconds < 1 {
            return bad("mail.timeout_seconds", "must be at least 1");
        }
        // A send takes several SMTP steps, each allowed timeout_seconds.
        let claim_range = self.mail.timeout_seconds.saturating_mul(3)..=MAX_CLAIM_SECONDS;
        if !claim_range.contains(&self.mail.claim_seconds) {
            return bad(
                "mail.claim_seconds",
                "must be at least three times mail.timeout_seconds and at most 86400",
            );
        }
        if self.webhooks.max_attempts < 1 {
            return bad("webhooks.max_attempts", "must be at least 1");
        }
        if !(1..=300).contains(&self.webhooks.timeout_seconds) {
            return bad("webhooks.timeout_seconds", "must be between 1 and 300");
        }
        if self.security.session_days < 1 {
            return bad("security.session_days", "must be at least 1");
        }
        if self.security.argon2_memory_kib < 8 || self.security.argon2_iterations < 1 {
            return bad(
                "security.argon2_memory_kib",
                "argon2 needs at least 8 KiB and 1 iteration",
            );
        }
        if self.security.login_per_minute == 0
            || self.security.signup_per_minute == 0
            || self.security.registration_per_minute == 0
            || self.security.feedback_per_minute == 0
        {
            return bad("security.login_per_minute", "must be at least 1");
        }
        Ok(())
    }

    /// The base of every absolute link, without a trailing slash.
    pub fn public_url(&self, bound: SocketAddr) -> String {
        let url = self.server.public_url.trim().trim_end_matches('/');
        if url.is_empty() {
            format!("http://{bound}")
        } else {
            url.to_owned()
        }
    }
}

/// Maps `DEVDAY_DATABASE_URL` to `database.url`. Variables of the test suite (`DEVDAY_TEST_*`)
/// and the config-file variable are not settings; any other unknown one is a typo.
fn env_key(name: &str) -> Result<Option<String>, ConfigError> {
    let Some(rest) = name.strip_prefix("DEVDAY_") else {
        return Ok(None);
    };
    let rest = rest.to_ascii_lowercase();
    if rest == "config" || rest.starts_with("test_") {
        return Ok(None);
    }
    if rest == "listen" {
        return Ok(Some("server.listen".to_owned()));
    }
    SECTIONS
        .iter()
        .find_map(|section| {
            rest.strip_prefix(section)
                .and_then(|k| k.strip_prefix('_'))
                .map(|key| format!("{section}.{key}"))
        })
        .map(Some)
        .ok_or_else(|| ConfigError(format!("{name}: not a devday setting")))
}

fn parse_env_value(raw: &str) -> figment::value::Value {
    raw.parse::<figment::value::Value>()
        .unwrap_or_else(|_| figment::value::Value::from(raw.to_owned()))
}

fn one_line(err: figment::Error) -> String {
    err.into_iter()
        .map(|e| {
            let key = if e.path.is_empty() {
                String::new()
            } else {
                format!("{}: ", e.path.join("."))
            };
            format!("{key}{}", e.kind)
        })
        .collect::<Vec<_>>()
        .join("; ")
}
