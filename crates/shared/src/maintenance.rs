//! Hourly housekeeping: personal data and credentials are kept no longer than needed.

use devday_db::DbConn;
use diesel::QueryResult;

use crate::accounts::{sessions, tokens};
use crate::mail::outbox;
use crate::webhooks::deliveries;

/// Deletes expired sessions, expired mail links and sent mail older than
/// [`outbox::KEEP_SENT_DAYS`] and webhook deliveries done with for
/// [`deliveries::KEEP_DELIVERED_DAYS`]; returns how many rows went.
pub fn purge(conn: &mut DbConn) -> QueryResult<usize> {
    Ok(sessions::purge_expired(conn)?
        + tokens::purge_expired(conn)?
        + outbox::purge_sent(conn)?
        + deliveries::purge(conn)?)
}
