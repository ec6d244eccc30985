use chrono::{NaiveDateTime, SubsecRound, Utc};

/// The current UTC time as stored: truncated to microseconds, because PostgreSQL keeps
/// microseconds and SQLite would keep nanoseconds, and values must compare equal on both.
pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc().trunc_subsecs(6)
}
