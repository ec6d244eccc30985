//! Single-use links sent by mail: confirming an address, resetting a password.

use crate::vocabulary::UserId;
use chrono::Duration;
use devday_db::schema::account_tokens::dsl as t;
use devday_db::{now, DbConn};
use diesel::prelude::*;

use crate::crypto;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    ConfirmEmail,
    ResetPassword,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::ConfirmEmail => "confirm_email",
            Purpose::ResetPassword => "reset_password",
        }
    }

    fn lifetime(self) -> Duration {
        match self {
            Purpose::ConfirmEmail => Duration::days(2),
            Purpose::ResetPassword => Duration::hours(1),
        }
    }
}

/// A new token for `user_id`; only its hash is stored.
pub fn issue(conn: &mut DbConn, user_id: &UserId, purpose: Purpose) -> QueryResult<String> {
    let token = crypto::random_token();
    let at = now();
    diesel::insert_into(t::account_tokens)
        .values((
            t::token_hash.eq(crypto::token_hash(&token)),
            t::purpose.eq(purpose.as_str()),
            t::user_id.eq(user_id),
            t::created_at.eq(at),
            t::expires_at.eq(at + purpose.lifetime()),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The user of a valid, unused token, without using it (to show a form).
pub fn peek(conn: &mut DbConn, token: &str, purpose: Purpose) -> QueryResult<Option<UserId>> {
    t::account_tokens
        .filter(t::token_hash.eq(crypto::token_hash(token)))
        .filter(t::purpose.eq(purpose.as_str()))
        .filter(t::used_at.is_null())
        .filter(t::expires_at.gt(now()))
        .select(t::user_id)
        .first(conn)
        .optional()
}

/// Uses the token up and returns its user; `None` if it is unknown, used or expired. The
/// conditional update makes it single-use even when two requests race.
pub fn consume(conn: &mut DbConn, token: &str, purpose: Purpose) -> QueryResult<Option<UserId>> {
    let Some(user_id) = peek(conn, token, purpose)? else {
        return Ok(None);
    };
    let used = diesel::update(
        t::account_tokens
            .filter(t::token_hash.eq(crypto::token_hash(token)))
            .filter(t::used_at.is_null()),
    )
    .set(t::used_at.eq(Some(now())))
    .execute(conn)?;
    Ok((used == 1).then_some(user_id))
}

/// Marks every open token of this purpose as used (the others of a reset that succeeded).
pub fn use_up_all(conn: &mut DbConn, user_id: &UserId, purpose: Purpose) -> QueryResult<usize> {
    diesel::update(
        t::account_tokens
            .filter(t::user_id.eq(user_id))
            .filter(t::purpose.eq(purpose.as_str()))
            .filter(t::used_at.is_null()),
    )
    .set(t::used_at.eq(Some(now())))
    .execute(conn)
}

/// Deletes tokens that expired a day ago or more.
pub fn purge_expired(conn: &mut DbConn) -> QueryResult<usize> {
    diesel::delete(t::account_tokens.filter(t::expires_at.lt(now() - Duration::days(1))))
        .execute(conn)
}
