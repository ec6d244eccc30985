//! `devday backup` and `devday restore` for SQLite. PostgreSQL has pg_dump and pg_restore
//! (docs/operations.md).
//!
//! The backup is `VACUUM INTO`: one read transaction, so it is a consistent snapshot of a
//! live database while the server goes on writing, and a compact file without the WAL.

use std::path::Path;

use anyhow::{bail, Context};
use devday_db::diesel::connection::SimpleConnection;
use devday_db::diesel::{sql_query, QueryableByName, RunQueryDsl};
use devday_db::{DatabaseUrl, DbConn};
use devday_shared::config::Settings;

fn sqlite_file(settings: &Settings) -> anyhow::Result<&str> {
    settings.database.url.sqlite_path().context(
        "backup and restore are for SQLite; for PostgreSQL use pg_dump and pg_restore (docs/operations.md)",
    )
}

/// A consistent copy of the live database in `out`, which must not exist yet.
pub fn backup(settings: &Settings, out: &Path) -> anyhow::Result<()> {
    sqlite_file(settings)?;
    if out.exists() {
        bail!("--out: {} exists already; choose a new file", out.display());
    }
    let target = out
        .to_str()
        .context("--out: the path must be valid UTF-8")?
        .replace('\'', "''");
    let mut conn = crate::commands::connect(settings)?;
    conn.batch_execute(&format!("VACUUM INTO '{target}'"))
        .with_context(|| format!("writing {}", out.display()))?;
    check(out)?;
    println!("backup written to {}", out.display());
    Ok(())
}

#[derive(QueryableByName)]
struct Integrity {
    #[diesel(sql_type = devday_db::diesel::sql_types::Text)]
    integrity_check: String,
}

/// Whether `file` is an intact devday database.
fn check(file: &Path) -> anyhow::Result<()> {
    let path = file.to_str().context("the path must be valid UTF-8")?;
    let url = DatabaseUrl::parse(&format!("sqlite://{path}"))?;
    let mut conn = url
        .connect()
        .with_context(|| format!("{} is not an SQLite database", file.display()))?;
    let DbConn::Sqlite(sqlite) = &mut conn else {
        bail!("not an SQLite file");
    };
    let result: Vec<Integrity> = sql_query("PRAGMA integrity_check")
        .load(sqlite)
        .with_context(|| format!("{} is not an SQLite database", file.display()))?;
    if result.first().map(|r| r.integrity_check.as_str()) != Some("ok") {
        bail!("{} is damaged (integrity check failed)", file.display());
    }
    sql_query("SELECT 1 FROM __diesel_schema_migrations LIMIT 1")
        .execute(sqlite)
        .with_context(|| format!("{} is not a devday database", file.display()))?;
    Ok(())
}

/// Puts a backup in place of the configured database. Stop the server first.
pub fn restore(settings: &Settings, from: &Path) -> anyhow::Result<()> {
    let live = Path::new(sqlite_file(settings)?);
    check(from)?;
    // Copy next to the database, then rename: a crash leaves the old file or the new one,
    // never half of one. The old log files belong to the old database.
    let staging = live.with_extension("restoring");
    std::fs::copy(from, &staging).with_context(|| format!("copying {}", from.display()))?;
    std::fs::File::open(&staging)?.sync_all()?;
    for suffix in ["-wal", "-shm"] {
        let log = format!("{}{suffix}", live.display());
        match std::fs::remove_file(&log) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("removing {log}")),
        }
    }
    std::fs::rename(&staging, live).with_context(|| format!("replacing {}", live.display()))?;
    // Migrations newer than the backup run now.
    crate::commands::connect(settings)?;
    println!("{} restored from {}", live.display(), from.display());
    Ok(())
}
