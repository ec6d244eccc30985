//! SQLite's write-ahead log, folded back into the database file by a thread of its own.
//!
//! Left to SQLite, the commit that crosses 1,000 log pages runs the checkpoint itself,
//! fsync included, and whoever made that commit (a door scan) waits for it: under a steady
//! load that was the slowest 1 % of answers. A PASSIVE checkpoint from another connection
//! never blocks writers. The connections' own automatic checkpoint stays as a safety net,
//! at a larger size.

use std::time::Duration;

use diesel::connection::SimpleConnection;

use crate::connection::{DatabaseUrl, DbConn};

const EVERY: Duration = Duration::from_millis(250);

/// Starts the checkpointer for an SQLite database; nothing to do for PostgreSQL.
pub fn spawn_checkpointer(url: &DatabaseUrl) -> std::io::Result<()> {
    if url.sqlite_path().is_none() {
        return Ok(());
    }
    let url = url.clone();
    std::thread::Builder::new()
        .name("wal-checkpoint".into())
        .spawn(move || loop {
            match url.connect() {
                Ok(DbConn::Sqlite(mut conn)) => {
                    while conn
                        .batch_execute("PRAGMA wal_checkpoint(PASSIVE);")
                        .is_ok()
                    {
                        std::thread::sleep(EVERY);
                    }
                }
                Ok(DbConn::Postgres(_)) => return,
                Err(err) => tracing::warn!(error = %err, "checkpointer cannot connect"),
            }
            std::thread::sleep(EVERY * 4);
        })?;
    Ok(())
}
