use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database that exists for one test and is removed afterwards.
pub enum TestDb {
    Sqlite { dir: std::path::PathBuf },
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    pub fn create(backend: Backend) -> anyhow::Result<Self> {
        let id = uuid::Uuid::new_v4().simple().to_string();
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("devday-test-{id}"));
                std::fs::create_dir_all(&dir)?;
                Ok(TestDb::Sqlite { dir })
            }
            Backend::Postgres => {
                let admin_url = std::env::var("DEVDAY_TEST_POSTGRES_URL").map_err(|_| {
                    anyhow::anyhow!("DEVDAY_TEST_POSTGRES_URL is not set for the PostgreSQL suite")
                })?;
                let name = format!("devday_test_{id}");
                let mut conn = PgConnection::establish(&admin_url).map_err(|e| {
                    anyhow::anyhow!("PostgreSQL at DEVDAY_TEST_POSTGRES_URL is unreachable: {e}")
                })?;
                conn.batch_execute(&format!("CREATE DATABASE {name}"))?;
                Ok(TestDb::Postgres { admin_url, name })
            }
        }
    }

    pub fn url(&self) -> String {
        match self {
            TestDb::Sqlite { dir } => format!("sqlite://{}", dir.join("devday.sqlite3").display()),
            TestDb::Postgres { admin_url, name } => {
                // Same server and credentials, other database.
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(base, _)| base)
                    .unwrap_or(admin_url);
                format!("{base}/{name}")
            }
        }
    }

    /// A working directory for the server (mail files and the like).
    pub fn dir(&self) -> std::path::PathBuf {
        match self {
            TestDb::Sqlite { dir } => dir.clone(),
            TestDb::Postgres { name, .. } => std::env::temp_dir().join(name),
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match self {
            TestDb::Sqlite { dir } => {
                let _ = std::fs::remove_dir_all(dir);
            }
            TestDb::Postgres { admin_url, name } => {
                if let Ok(mut conn) = PgConnection::establish(admin_url) {
                    let _ =
                        conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
                }
            }
        }
    }
}
