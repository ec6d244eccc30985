use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::connection::DbConn;

const SQLITE: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");

#[derive(Debug, thiserror::Error)]
#[error("migrating the database failed: {0}")]
pub struct MigrationError(String);

/// Runs every pending migration of the connection's backend; returns how many ran.
pub fn run_migrations(conn: &mut DbConn) -> Result<usize, MigrationError> {
    let ran = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE).map(|v| v.len()),
        DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES).map(|v| v.len()),
    };
    ran.map_err(|e| MigrationError(e.to_string()))
}
