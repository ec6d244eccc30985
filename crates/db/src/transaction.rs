use std::sync::Mutex;

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::Connection;

use crate::connection::DbConn;

/// One SQLite writer at a time in this process. A writer waiting here is woken the moment
/// the previous one commits, where SQLite's busy handler would sleep in growing steps (up to
/// 100 ms): under a burst of check-ins that sleeping was the whole latency tail. Other
/// processes on the same file still meet the busy handler, which keeps them correct.
static SQLITE_WRITER: Mutex<()> = Mutex::new(());

/// Runs `f` in a transaction that is going to write.
///
/// On SQLite it starts with `BEGIN IMMEDIATE`, taking the write lock up front: a deferred
/// transaction that reads first and writes later fails with "database is locked" under
/// concurrency instead of waiting for the busy timeout.
pub fn write_transaction<T, E>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    // Inside another transaction this becomes a savepoint of it.
    let depth = <DbConn as Connection>::TransactionManager::transaction_manager_status_mut(conn)
        .transaction_depth()?;
    if depth.is_some() {
        return conn.transaction(f);
    }
    // A panic while holding it poisons the mutex; the lock itself is still good.
    let _writer = match conn {
        DbConn::Sqlite(c) => {
            let guard = SQLITE_WRITER.lock().unwrap_or_else(|e| e.into_inner());
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
            Some(guard)
        }
        DbConn::Postgres(_) => {
            <DbConn as Connection>::TransactionManager::begin_transaction(conn)?;
            None
        }
    };
    match f(conn) {
        Ok(value) => {
            <DbConn as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(err) => {
            // The caller's error says what went wrong; a failed rollback adds nothing to it.
            let _ = <DbConn as Connection>::TransactionManager::rollback_transaction(conn);
            Err(err)
        }
    }
}

/// Whether a write lost to a unique index: another request created the same thing first.
pub fn is_unique_violation(err: &diesel::result::Error) -> bool {
    matches!(
        err,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

/// Runs `f`, a write that may lose a race to a unique index, in a savepoint: `None` when
/// another writer was first. Losing leaves a surrounding transaction usable (PostgreSQL
/// would abort it otherwise).
pub fn unless_taken<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> diesel::QueryResult<T>,
) -> diesel::QueryResult<Option<T>> {
    match conn.transaction(f) {
        Ok(value) => Ok(Some(value)),
        Err(err) if is_unique_violation(&err) => Ok(None),
        Err(err) => Err(err),
    }
}
