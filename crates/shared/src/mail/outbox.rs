//! The outbox table: mail waits here until the worker has handed it to the transport.
//!
//! Delivery is claimed with a conditional update, so several instances on one database never
//! send the same mail at the same time; a claim expires (`mail.claim_seconds`), so a crash
//! delays the mails it had claimed by that long and loses none.

use chrono::{Duration, NaiveDateTime};
use devday_db::schema::outbox::dsl as o;
use devday_db::{now, write_transaction, DbConn};
use diesel::prelude::*;

use super::Mail;

/// Sent mail (personal data) is kept this long for support questions, then deleted.
pub const KEEP_SENT_DAYS: i64 = 30;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = devday_db::schema::outbox)]
pub struct QueuedMail {
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub attempts: i32,
    pub inline_png: Option<Vec<u8>>,
}

/// Puts a mail into the outbox. Call it inside the transaction of the change that causes it.
pub fn enqueue(conn: &mut DbConn, mail: &Mail) -> QueryResult<String> {
    let id = uuid::Uuid::new_v4().to_string();
    let at = now();
    diesel::insert_into(o::outbox)
        .values((
            o::id.eq(&id),
            o::recipient.eq(&mail.to),
            o::subject.eq(&mail.subject),
            o::body_text.eq(&mail.text),
            o::body_html.eq(&mail.html),
            o::inline_png.eq(&mail.inline_png),
            o::created_at.eq(at),
            o::attempts.eq(0),
            o::next_attempt_at.eq(at),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Mails claimed together, and the token that says the claim is still this one's.
pub struct Claimed {
    pub token: String,
    pub mails: Vec<QueuedMail>,
}

/// Claims up to `max` due mails for this instance for `claim`, oldest due first. One write
/// transaction and three statements for the whole batch (registrations compete for the
/// database); the claim is a conditional update, so another instance never gets the same
/// mail.
pub fn claim_batch(conn: &mut DbConn, max: i64, claim: Duration) -> QueryResult<Claimed> {
    let at = now();
    let token = uuid::Uuid::new_v4().to_string();
    write_transaction(conn, |conn| {
        let candidates: Vec<String> = o::outbox
            .filter(o::sent_at.is_null())
            .filter(o::failed_at.is_null())
            .filter(o::next_attempt_at.le(at))
            .filter(o::locked_until.is_null().or(o::locked_until.lt(at)))
            .order(o::next_attempt_at.asc())
            .select(o::id)
            .limit(max)
            .load(conn)?;
        // One conditional update takes them all: a row another instance claimed since the
        // read no longer matches, and only rows carrying this claim's token are loaded.
        diesel::update(
            o::outbox
                .filter(o::id.eq_any(&candidates))
                .filter(o::sent_at.is_null())
                .filter(o::locked_until.is_null().or(o::locked_until.lt(at))),
        )
        .set((
            o::locked_until.eq(at + claim),
            o::claim_token.eq(&token),
            o::attempts.eq(o::attempts + 1),
        ))
        .execute(conn)?;
        let mut mails: Vec<QueuedMail> = o::outbox
            .filter(o::id.eq_any(&candidates))
            .filter(o::claim_token.eq(&token))
            .select(QueuedMail::as_select())
            .load(conn)?;
        mails.sort_by_key(|m| candidates.iter().position(|id| *id == m.id));
        Ok(Claimed {
            token: token.clone(),
            mails,
        })
    })
}

/// Extends the claim on one mail just before it is sent, so a send always has the whole
/// claim time. False when the claim ran out and another instance has taken the mail over
/// (or it was sent meanwhile): then this instance must not send it.
pub fn renew(conn: &mut DbConn, id: &str, token: &str, claim: Duration) -> QueryResult<bool> {
    diesel::update(
        o::outbox
            .filter(o::id.eq(id))
            .filter(o::claim_token.eq(token))
            .filter(o::sent_at.is_null()),
    )
    .set(o::locked_until.eq(now() + claim))
    .execute(conn)
    .map(|n| n == 1)
}

/// Gives claimed but unsent mails back at once (a stopping worker), as if never tried;
/// only those this claim still holds.
pub fn release(conn: &mut DbConn, ids: &[String], token: &str) -> QueryResult<()> {
    diesel::update(
        o::outbox
            .filter(o::id.eq_any(ids))
            .filter(o::claim_token.eq(token))
            .filter(o::locked_until.gt(now()))
            .filter(o::sent_at.is_null()),
    )
    .set((
        o::locked_until.eq(None::<NaiveDateTime>),
        o::claim_token.eq(None::<String>),
        o::attempts.eq(o::attempts - 1),
    ))
    .execute(conn)
    .map(drop)
}

/// Records a mail as sent, whoever holds its claim now: it has gone out, and saying so
/// stops anyone from sending it again.
pub fn mark_sent(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::update(o::outbox.filter(o::id.eq(id)))
        .set((
            o::sent_at.eq(Some(now())),
            o::locked_until.eq(None::<NaiveDateTime>),
            o::claim_token.eq(None::<String>),
            o::last_error.eq(None::<String>),
        ))
        .execute(conn)
        .map(drop)
}

/// Records a failed attempt under this claim: retried later with exponential backoff, or
/// given up for good after `max_attempts`.
pub fn mark_failed(
    conn: &mut DbConn,
    mail: &QueuedMail,
    token: &str,
    error: &str,
    max_attempts: i32,
) -> QueryResult<()> {
    let at = now();
    let target = o::outbox
        .filter(o::id.eq(&mail.id))
        .filter(o::claim_token.eq(token));
    let unlocked = (
        o::locked_until.eq(None::<NaiveDateTime>),
        o::claim_token.eq(None::<String>),
        o::last_error.eq(Some(error)),
    );
    if mail.attempts >= max_attempts {
        diesel::update(target)
            .set((o::failed_at.eq(Some(at)), unlocked))
            .execute(conn)
            .map(drop)
    } else {
        diesel::update(target)
            .set((o::next_attempt_at.eq(at + backoff(mail.attempts)), unlocked))
            .execute(conn)
            .map(drop)
    }
}

/// 2, 4, 8 … seconds, at most an hour.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = attempts.clamp(1, 12) as u32;
    Duration::seconds(2_i64.pow(exponent).min(3600))
}

/// A mail that has not gone out although it was tried: still retrying, or given up.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = devday_db::schema::outbox)]
pub struct Undelivered {
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: NaiveDateTime,
    pub failed_at: Option<NaiveDateTime>,
}

/// Mails that failed at least once and are not sent, given-up ones first, newest first.
pub fn undelivered(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<Undelivered>> {
    o::outbox
        .filter(o::sent_at.is_null())
        .filter(o::last_error.is_not_null())
        .order((o::failed_at.is_null().asc(), o::created_at.desc()))
        .select(Undelivered::as_select())
        .limit(limit)
        .load(conn)
}

/// Puts a given-up or retrying mail back at the front of the queue with fresh attempts.
/// Zero if it was sent meanwhile (or never existed).
pub fn retry_now(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::update(
        o::outbox
            .filter(o::id.eq(id))
            .filter(o::sent_at.is_null())
            .filter(o::locked_until.is_null().or(o::locked_until.lt(now()))),
    )
    .set((
        o::failed_at.eq(None::<NaiveDateTime>),
        o::attempts.eq(0),
        o::next_attempt_at.eq(now()),
    ))
    .execute(conn)
}

/// Mails not yet sent and not given up.
pub fn pending_count(conn: &mut DbConn) -> QueryResult<i64> {
    o::outbox
        .filter(o::sent_at.is_null())
        .filter(o::failed_at.is_null())
        .count()
        .get_result(conn)
}

/// Mails given up after their last attempt and mails retrying after an error.
pub fn trouble_counts(conn: &mut DbConn) -> QueryResult<(i64, i64)> {
    let unsent = o::outbox
        .filter(o::sent_at.is_null())
        .filter(o::last_error.is_not_null());
    let given_up = unsent
        .filter(o::failed_at.is_not_null())
        .count()
        .get_result(conn)?;
    let retrying = unsent
        .filter(o::failed_at.is_null())
        .count()
        .get_result(conn)?;
    Ok((given_up, retrying))
}

/// The dashboard's mail panel: what is waiting and what did not go out. The outbox serves
/// every edition, so this is the install's mail.
pub fn panel(
    conn: &mut DbConn,
    _edition: &crate::editions::Edition,
    _locale: crate::i18n::Locale,
) -> crate::AppResult<Option<crate::editions::overview::Panel>> {
    use crate::editions::overview::{Label, Panel};
    let pending = pending_count(conn)?;
    let (given_up, retrying) = trouble_counts(conn)?;
    Ok(Some(
        Panel::new("dashboard-mail", "/admin#mail".to_owned())
            .figure(Label::Key("dashboard-mail-pending"), pending, None)
            .figure(Label::Key("dashboard-mail-retrying"), retrying, None)
            .warn(
                "dashboard-warn-mail-failed",
                given_up,
                "/admin#mail".to_owned(),
            ),
    ))
}

/// Deletes sent mail older than [`KEEP_SENT_DAYS`].
pub fn purge_sent(conn: &mut DbConn) -> QueryResult<usize> {
    let cutoff = now() - Duration::days(KEEP_SENT_DAYS);
    diesel::delete(o::outbox.filter(o::sent_at.lt(cutoff))).execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(2));
        assert_eq!(backoff(3), Duration::seconds(8));
        assert_eq!(backoff(40), Duration::seconds(3600));
    }
}
