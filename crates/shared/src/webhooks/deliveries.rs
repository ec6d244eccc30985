//! Deliveries: each event for each endpoint, claimed by one instance at a time like the
//! mail outbox, retried with backoff, kept as the endpoint's delivery log.

use chrono::{Duration, NaiveDateTime};
use devday_db::schema::webhook_deliveries::dsl as d;
use devday_db::schema::webhook_endpoints::dsl as e;
use devday_db::{now, write_transaction, DbConn};
use diesel::prelude::*;
use serde::Serialize;

use crate::mail::outbox::backoff;

/// Delivered events are kept this long in the log, then deleted.
pub const KEEP_DELIVERED_DAYS: i64 = 30;

/// A delivery due now, with where it goes.
#[derive(Debug, Clone, Queryable)]
pub struct Due {
    pub message_id: String,
    pub endpoint_id: String,
    pub payload: String,
    pub attempts: i32,
    pub url: String,
    pub secret: String,
}

/// Claims up to `max` due deliveries of active endpoints for `claim`; another instance
/// never gets the same ones (the claim is a conditional update carrying this token).
pub fn claim(conn: &mut DbConn, max: i64, claim: Duration) -> QueryResult<(String, Vec<Due>)> {
    let at = now();
    let token = uuid::Uuid::new_v4().to_string();
    let due = write_transaction(conn, |conn| -> QueryResult<Vec<Due>> {
        let candidates: Vec<(String, String)> = d::webhook_deliveries
            .inner_join(e::webhook_endpoints)
            .filter(e::active.eq(true))
            .filter(d::delivered_at.is_null())
            .filter(d::failed_at.is_null())
            .filter(d::next_attempt_at.le(at))
            .filter(d::locked_until.is_null().or(d::locked_until.lt(at)))
            .order(d::next_attempt_at.asc())
            .select((d::message_id, d::endpoint_id))
            .limit(max)
            .load(conn)?;
        let mut due = Vec::with_capacity(candidates.len());
        for (message, endpoint) in candidates {
            // The read's conditions again: on PostgreSQL another instance may have claimed,
            // tried and recorded this one (backing off, or given up) since the read.
            let taken = diesel::update(
                d::webhook_deliveries
                    .filter(d::message_id.eq(&message))
                    .filter(d::endpoint_id.eq(&endpoint))
                    .filter(d::delivered_at.is_null())
                    .filter(d::failed_at.is_null())
                    .filter(d::next_attempt_at.le(at))
                    .filter(d::locked_until.is_null().or(d::locked_until.lt(at))),
            )
            .set((
                d::locked_until.eq(at + claim),
                d::claim_token.eq(&token),
                d::attempts.eq(d::attempts + 1),
            ))
            .execute(conn)?;
            if taken == 1 {
                due.push(
                    d::webhook_deliveries
                        .inner_join(e::webhook_endpoints)
                        .filter(d::message_id.eq(&message))
                        .filter(d::endpoint_id.eq(&endpoint))
                        .select((
                            d::message_id,
                            d::endpoint_id,
                            d::payload,
                            d::attempts,
                            e::url,
                            e::secret,
                        ))
                        .first::<Due>(conn)?,
                );
            }
        }
        Ok(due)
    })?;
    Ok((token, due))
}

devday_db::text_enum!(
    /// Why an attempt failed: the log's first word (`connect: Connection refused`), which
    /// the page says in the reader's language before the receiver's or system's own text.
    pub enum Failure {
        Connect = "connect",
        Timeout = "timeout",
        Address = "address",
        Status = "status",
        Invalid = "invalid",
        Other = "other",
    }
);

impl Failure {
    /// Splits a stored error into its kind and detail.
    pub fn split(error: &str) -> (Failure, &str) {
        error
            .split_once(": ")
            .and_then(|(kind, detail)| Some((Failure::parse(kind)?, detail)))
            .unwrap_or((Failure::Other, error))
    }
}

/// The delivery `$due` while the claim `$token` still holds it and it is not delivered.
macro_rules! under_claim {
    ($due:expr, $token:expr) => {
        d::webhook_deliveries
            .filter(d::message_id.eq(&$due.message_id))
            .filter(d::endpoint_id.eq(&$due.endpoint_id))
            .filter(d::claim_token.eq($token))
            .filter(d::delivered_at.is_null())
    };
}

/// Extends the claim on one delivery just before it is posted, so the post has the whole
/// lease. False when the claim ran out and another instance took the delivery over (or
/// delivered it): then this one must not post it.
pub fn renew(conn: &mut DbConn, due: &Due, token: &str, lease: Duration) -> QueryResult<bool> {
    diesel::update(under_claim!(due, token))
        .set(d::locked_until.eq(now() + lease))
        .execute(conn)
        .map(|n| n == 1)
}

/// Gives claimed but unposted deliveries back at once (a stopping worker), as if never
/// tried; only those this claim still holds.
pub fn release(conn: &mut DbConn, dues: &[Due], token: &str) -> QueryResult<()> {
    for due in dues {
        diesel::update(under_claim!(due, token))
            .set((
                d::locked_until.eq(None::<NaiveDateTime>),
                d::claim_token.eq(None::<String>),
                d::attempts.eq(d::attempts - 1),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// What one attempt came to.
#[derive(Debug, Clone)]
pub enum Attempt {
    /// The receiver answered 2xx.
    Delivered { status: u16 },
    /// Another status, or no answer at all (status None).
    Failed { status: Option<u16>, error: String },
}

/// Records an attempt: delivered (whoever holds the claim now: it has gone out, and saying
/// so stops anyone from posting it again), or under this claim, retried later with backoff
/// or given up after `max_attempts`. False if a failure was not recorded because another
/// instance has taken the delivery over.
pub fn record(
    conn: &mut DbConn,
    due: &Due,
    token: &str,
    attempt: &Attempt,
    max_attempts: i32,
) -> QueryResult<bool> {
    let at = now();
    let this = d::webhook_deliveries
        .filter(d::message_id.eq(&due.message_id))
        .filter(d::endpoint_id.eq(&due.endpoint_id));
    let target = this.filter(d::claim_token.eq(token));
    let unlocked = (
        d::locked_until.eq(None::<NaiveDateTime>),
        d::claim_token.eq(None::<String>),
        d::last_attempt_at.eq(Some(at)),
    );
    match attempt {
        Attempt::Delivered { status } => diesel::update(this)
            .set((
                unlocked,
                d::delivered_at.eq(Some(at)),
                d::last_status.eq(Some(i32::from(*status))),
                d::last_error.eq(None::<String>),
            ))
            .execute(conn),
        Attempt::Failed { status, error } => {
            let status = (
                d::last_status.eq(status.map(i32::from)),
                d::last_error.eq(Some(error)),
            );
            if due.attempts >= max_attempts {
                diesel::update(target)
                    .set((unlocked, status, d::failed_at.eq(Some(at))))
                    .execute(conn)
            } else {
                diesel::update(target)
                    .set((
                        unlocked,
                        status,
                        d::next_attempt_at.eq(at + backoff(due.attempts)),
                    ))
                    .execute(conn)
            }
        }
    }
    .map(|n| n == 1)
}

impl Attempt {
    /// The receiver did not answer at all (no connection, or no answer in time): its next
    /// event would most likely wait as long for nothing.
    pub fn unanswered(&self) -> bool {
        match self {
            Attempt::Delivered { .. } => false,
            Attempt::Failed { status, error } => {
                status.is_none()
                    && matches!(Failure::split(error).0, Failure::Connect | Failure::Timeout)
            }
        }
    }
}

/// Where a delivery stands, for the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Pending,
    Delivered,
    Retrying,
    Failed,
}

/// One line of an endpoint's delivery log.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = devday_db::schema::webhook_deliveries)]
pub struct Delivery {
    pub message_id: String,
    pub event_type: String,
    pub created_at: NaiveDateTime,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub delivered_at: Option<NaiveDateTime>,
    pub failed_at: Option<NaiveDateTime>,
    pub last_attempt_at: Option<NaiveDateTime>,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
}

impl Standing {
    fn of(delivered: Option<NaiveDateTime>, failed: Option<NaiveDateTime>, attempts: i32) -> Self {
        match (delivered, failed, attempts) {
            (Some(_), _, _) => Standing::Delivered,
            (None, Some(_), _) => Standing::Failed,
            (None, None, 0) => Standing::Pending,
            (None, None, _) => Standing::Retrying,
        }
    }
}

impl Delivery {
    pub fn standing(&self) -> Standing {
        Standing::of(self.delivered_at, self.failed_at, self.attempts)
    }
}

/// The newest deliveries of an endpoint, newest first.
pub fn log(conn: &mut DbConn, endpoint_id: &str, limit: i64) -> QueryResult<Vec<Delivery>> {
    d::webhook_deliveries
        .filter(d::endpoint_id.eq(endpoint_id))
        .order((d::created_at.desc(), d::message_id.desc()))
        .select(Delivery::as_select())
        .limit(limit)
        .load(conn)
}

/// How an endpoint's deliveries stand, counted.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Tally {
    pub delivered: i64,
    pub pending: i64,
    pub retrying: i64,
    pub failed: i64,
}

/// Counts per endpoint of the edition's endpoints (those with deliveries).
pub fn tallies(
    conn: &mut DbConn,
    endpoint_ids: &[String],
) -> QueryResult<std::collections::HashMap<String, Tally>> {
    let rows: Vec<(String, Option<NaiveDateTime>, Option<NaiveDateTime>, i32)> =
        d::webhook_deliveries
            .filter(d::endpoint_id.eq_any(endpoint_ids))
            .select((d::endpoint_id, d::delivered_at, d::failed_at, d::attempts))
            .load(conn)?;
    let mut out = std::collections::HashMap::<String, Tally>::new();
    for (endpoint, delivered, failed, attempts) in rows {
        let tally = out.entry(endpoint).or_default();
        *match Standing::of(delivered, failed, attempts) {
            Standing::Delivered => &mut tally.delivered,
            Standing::Failed => &mut tally.failed,
            Standing::Pending => &mut tally.pending,
            Standing::Retrying => &mut tally.retrying,
        } += 1;
    }
    Ok(out)
}

/// Makes every undelivered delivery of the endpoint due now, given-up ones included (the
/// receiver is back); returns how many.
pub fn retry_now(conn: &mut DbConn, endpoint_id: &str) -> QueryResult<usize> {
    diesel::update(
        d::webhook_deliveries
            .filter(d::endpoint_id.eq(endpoint_id))
            .filter(d::delivered_at.is_null())
            // One being posted right now is left to its attempt.
            .filter(d::claim_token.is_null()),
    )
    .set((
        d::next_attempt_at.eq(now()),
        d::failed_at.eq(None::<NaiveDateTime>),
        d::attempts.eq(0),
    ))
    .execute(conn)
}

/// How many deliveries of the endpoint are not delivered.
pub fn undelivered(conn: &mut DbConn, endpoint_id: &str) -> QueryResult<i64> {
    d::webhook_deliveries
        .filter(d::endpoint_id.eq(endpoint_id))
        .filter(d::delivered_at.is_null())
        .count()
        .get_result(conn)
}

/// Deletes delivered and given-up deliveries older than [`KEEP_DELIVERED_DAYS`].
pub fn purge(conn: &mut DbConn) -> QueryResult<usize> {
    let cutoff = now() - Duration::days(KEEP_DELIVERED_DAYS);
    diesel::delete(
        d::webhook_deliveries
            .filter(d::created_at.lt(cutoff))
            .filter(d::delivered_at.is_not_null().or(d::failed_at.is_not_null())),
    )
    .execute(conn)
}
