use std::fmt;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, ConnectionResult};

/// One connection type for both databases; queries are written once against it.
/// SQLite comes last: it accepts any string as a path, so it must never be the fallback.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

impl DbConn {
    pub fn backend(&self) -> Backend {
        match self {
            DbConn::Postgres(_) => Backend::Postgres,
            DbConn::Sqlite(_) => Backend::Sqlite,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        })
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UrlError {
    #[error("must start with sqlite:// or postgres:// (got {0:?})")]
    UnknownScheme(String),
    #[error("the SQLite path is empty")]
    EmptyPath,
}

/// A database URL whose scheme has been checked: `sqlite://path/to/file.sqlite3`
/// (relative to the working directory; `sqlite:///abs/path` for an absolute one, `sqlite::memory:`
/// for tests) or `postgres://user@host/db` (also `postgresql://`).
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    backend: Backend,
    /// What the driver gets: the SQLite path, or the PostgreSQL URL unchanged.
    target: String,
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, UrlError> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self {
                backend: Backend::Postgres,
                target: url.to_owned(),
            });
        }
        if url == "sqlite::memory:" {
            return Ok(Self {
                backend: Backend::Sqlite,
                target: ":memory:".to_owned(),
            });
        }
        match url.strip_prefix("sqlite://") {
            Some("") => Err(UrlError::EmptyPath),
            Some(path) => Ok(Self {
                backend: Backend::Sqlite,
                target: path.to_owned(),
            }),
            None => Err(UrlError::UnknownScheme(redact(url))),
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The SQLite file, if this is one (not for in-memory databases).
    pub fn sqlite_path(&self) -> Option<&str> {
        (self.backend == Backend::Sqlite && self.target != ":memory:").then_some(&self.target)
    }

    pub fn connect(&self) -> ConnectionResult<DbConn> {
        match self.backend {
            Backend::Postgres => PgConnection::establish(&self.target).map(DbConn::Postgres),
            Backend::Sqlite => {
                let mut conn = SqliteConnection::establish(&self.target)?;
                // One batch: `sql_query` would run only the first statement of several.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                     PRAGMA wal_autocheckpoint = 16000;",
                )
                .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }
}

/// Passwords in PostgreSQL URLs must not reach logs or error messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://***{}", &url[..scheme_end], &url[at..])
        }
        _ => url.to_owned(),
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.backend {
            Backend::Sqlite => write!(f, "sqlite://{}", self.target),
            Backend::Postgres => f.write_str(&redact(&self.target)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheme_picks_the_backend() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://devday.sqlite3").map(|u| u.backend()),
            Ok(Backend::Sqlite)
        );
        assert_eq!(
            DatabaseUrl::parse("postgresql://u@h/db").map(|u| u.backend()),
            Ok(Backend::Postgres)
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite://devday.sqlite3")
                .ok()
                .and_then(|u| u.sqlite_path().map(str::to_owned)),
            Some("devday.sqlite3".to_owned())
        );
    }

    #[test]
    fn a_mistyped_url_is_refused_instead_of_becoming_a_file() {
        assert!(matches!(
            DatabaseUrl::parse("postgress://u@h/db"),
            Err(UrlError::UnknownScheme(_))
        ));
        assert_eq!(DatabaseUrl::parse("sqlite://"), Err(UrlError::EmptyPath));
    }

    #[test]
    fn passwords_are_redacted() {
        let err = DatabaseUrl::parse("mysql://bob:secret@host/db")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(!err.contains("secret"), "{err}");
        let url = DatabaseUrl::parse("postgres://bob:secret@host/db");
        assert!(!format!("{url:?}").contains("secret"));
    }
}
