//! Bearer tokens for the JSON API, created by a user for themself (or by `devday
//! create-token`). Shown once; stored as a hash; revocable.

use crate::vocabulary::UserId;
use chrono::{Duration, NaiveDateTime};
use devday_db::schema::{api_tokens::dsl as a, users::dsl as u};
use devday_db::{now, DbConn};
use diesel::prelude::*;
use serde::Serialize;

use super::users::{AuthUser, User};
use crate::crypto;

pub const PREFIX: &str = "devday_";

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::api_tokens)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
}

/// Creates a token; returns it with its secret, which is never shown again.
pub fn create(conn: &mut DbConn, user_id: &UserId, name: &str) -> QueryResult<(ApiToken, String)> {
    let secret = format!("{PREFIX}{}", crypto::random_token());
    let id = uuid::Uuid::new_v4().to_string();
    let at = now();
    diesel::insert_into(a::api_tokens)
        .values((
            a::id.eq(&id),
            a::user_id.eq(user_id),
            a::name.eq(name),
            a::token_hash.eq(crypto::token_hash(&secret)),
            a::created_at.eq(at),
        ))
        .execute(conn)?;
    let token = a::api_tokens
        .find(&id)
        .select(ApiToken::as_select())
        .first(conn)?;
    Ok((token, secret))
}

pub fn list(conn: &mut DbConn, user_id: &UserId) -> QueryResult<Vec<ApiToken>> {
    a::api_tokens
        .filter(a::user_id.eq(user_id))
        .filter(a::revoked_at.is_null())
        .order(a::created_at.desc())
        .select(ApiToken::as_select())
        .load(conn)
}

/// Revokes one of the user's own tokens; false if there is no such token of theirs.
pub fn revoke(conn: &mut DbConn, user_id: &UserId, id: &str) -> QueryResult<bool> {
    diesel::update(
        a::api_tokens
            .filter(a::id.eq(id))
            .filter(a::user_id.eq(user_id))
            .filter(a::revoked_at.is_null()),
    )
    .set(a::revoked_at.eq(Some(now())))
    .execute(conn)
    .map(|n| n == 1)
}

/// Revokes every token of a user (after a password reset).
pub fn revoke_all(conn: &mut DbConn, user_id: &UserId) -> QueryResult<usize> {
    diesel::update(
        a::api_tokens
            .filter(a::user_id.eq(user_id))
            .filter(a::revoked_at.is_null()),
    )
    .set(a::revoked_at.eq(Some(now())))
    .execute(conn)
}

/// The owner of a live token. Records its use at most once a minute to spare writes.
pub fn authenticate(conn: &mut DbConn, secret: &str) -> QueryResult<Option<AuthUser>> {
    if !secret.starts_with(PREFIX) {
        return Ok(None);
    }
    let hash = crypto::token_hash(secret);
    let found: Option<(String, Option<NaiveDateTime>, User)> = a::api_tokens
        .inner_join(u::users)
        .filter(a::token_hash.eq(&hash))
        .filter(a::revoked_at.is_null())
        .select((a::id, a::last_used_at, User::as_select()))
        .first(conn)
        .optional()?;
    let Some((id, last_used, user)) = found else {
        return Ok(None);
    };
    let at = now();
    if last_used.is_none_or(|t| at - t > Duration::minutes(1)) {
        diesel::update(a::api_tokens.find(&id))
            .set(a::last_used_at.eq(Some(at)))
            .execute(conn)?;
    }
    Ok(Some(user.into()))
}
