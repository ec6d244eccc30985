//! Log-in sessions, kept in the database (so logout ends them everywhere and any instance
//! knows them). The cookie holds a random token; the table only its hash.

use crate::vocabulary::UserId;
use chrono::Duration;
use devday_db::schema::{sessions::dsl as s, users::dsl as u};
use devday_db::{now, DbConn};
use diesel::prelude::*;

use super::users::{AuthUser, User};
use crate::crypto;

/// Starts a session; returns the token for the cookie.
pub fn create(conn: &mut DbConn, user_id: &UserId, days: i64) -> QueryResult<String> {
    let token = crypto::random_token();
    let at = now();
    diesel::insert_into(s::sessions)
        .values((
            s::id_hash.eq(crypto::token_hash(&token)),
            s::user_id.eq(user_id),
            s::created_at.eq(at),
            s::expires_at.eq(at + Duration::days(days)),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The user of a live session.
pub fn lookup(conn: &mut DbConn, token: &str) -> QueryResult<Option<AuthUser>> {
    s::sessions
        .inner_join(u::users)
        .filter(s::id_hash.eq(crypto::token_hash(token)))
        .filter(s::expires_at.gt(now()))
        .select(User::as_select())
        .first(conn)
        .optional()
        .map(|user| user.map(AuthUser::from))
}

pub fn end(conn: &mut DbConn, token: &str) -> QueryResult<()> {
    diesel::delete(s::sessions.filter(s::id_hash.eq(crypto::token_hash(token))))
        .execute(conn)
        .map(drop)
}

/// Ends every session of a user (after a password change or reset).
pub fn end_all(conn: &mut DbConn, user_id: &UserId) -> QueryResult<()> {
    diesel::delete(s::sessions.filter(s::user_id.eq(user_id)))
        .execute(conn)
        .map(drop)
}

pub fn purge_expired(conn: &mut DbConn) -> QueryResult<usize> {
    diesel::delete(s::sessions.filter(s::expires_at.le(now()))).execute(conn)
}
