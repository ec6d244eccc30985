use crate::vocabulary::UserId;
use chrono::NaiveDateTime;
use devday_db::schema::users::dsl as u;
use devday_db::sql::lower;
use devday_db::{now, DbConn};
use diesel::prelude::*;
use serde::Serialize;

use super::EmailAddress;

use crate::i18n::Locale;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::users)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    #[serde(skip)]
    pub password_hash: Option<String>,
    pub locale: String,
    pub is_admin: bool,
    pub email_confirmed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

/// The signed-in person, as extractors hand it to handlers.
#[derive(Debug, Clone, Serialize)]
pub struct AuthUser {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub locale: Locale,
    pub is_admin: bool,
}

impl From<User> for AuthUser {
    fn from(user: User) -> Self {
        AuthUser {
            locale: Locale::parse(&user.locale).unwrap_or_default(),
            id: user.id,
            email: user.email,
            display_name: user.display_name,
            is_admin: user.is_admin,
        }
    }
}

pub struct NewUser<'a> {
    pub email: &'a EmailAddress,
    pub display_name: &'a str,
    pub password_hash: Option<&'a str>,
    pub locale: Locale,
    pub is_admin: bool,
    pub confirmed: bool,
}

pub fn create(conn: &mut DbConn, new: NewUser<'_>) -> QueryResult<User> {
    let id = UserId::from(uuid::Uuid::new_v4().to_string());
    let at = now();
    diesel::insert_into(u::users)
        .values((
            u::id.eq(&id),
            u::email.eq(new.email.as_str()),
            u::display_name.eq(new.display_name),
            u::password_hash.eq(new.password_hash),
            u::locale.eq(new.locale.code()),
            u::is_admin.eq(new.is_admin),
            u::email_confirmed_at.eq(new.confirmed.then_some(at)),
            u::created_at.eq(at),
        ))
        .execute(conn)?;
    find(conn, &id)
}

pub fn find(conn: &mut DbConn, id: &UserId) -> QueryResult<User> {
    u::users.find(id).select(User::as_select()).first(conn)
}

pub fn by_email(conn: &mut DbConn, email: &EmailAddress) -> QueryResult<Option<User>> {
    u::users
        .filter(u::email.eq(email.as_str()))
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    u::users.count().get_result(conn)
}

pub fn confirm_email(conn: &mut DbConn, id: &UserId) -> QueryResult<()> {
    diesel::update(u::users.find(id).filter(u::email_confirmed_at.is_null()))
        .set(u::email_confirmed_at.eq(Some(now())))
        .execute(conn)
        .map(drop)
}

pub fn set_password_hash(conn: &mut DbConn, id: &UserId, hash: &str) -> QueryResult<()> {
    diesel::update(u::users.find(id))
        .set(u::password_hash.eq(Some(hash)))
        .execute(conn)
        .map(drop)
}

pub fn update_profile(
    conn: &mut DbConn,
    id: &str,
    display_name: &str,
    locale: Locale,
) -> QueryResult<()> {
    diesel::update(u::users.find(id))
        .set((
            u::display_name.eq(display_name),
            u::locale.eq(locale.code()),
        ))
        .execute(conn)
        .map(drop)
}

pub fn update_name(conn: &mut DbConn, id: &UserId, display_name: &str) -> QueryResult<()> {
    diesel::update(u::users.find(id))
        .set(u::display_name.eq(display_name))
        .execute(conn)
        .map(drop)
}

pub fn set_locale(conn: &mut DbConn, id: &UserId, locale: Locale) -> QueryResult<()> {
    diesel::update(u::users.find(id))
        .set(u::locale.eq(locale.code()))
        .execute(conn)
        .map(drop)
}

/// The language each of these accounts reads mail in (one query for a whole mailing).
pub fn locales(
    conn: &mut DbConn,
    ids: &[&UserId],
) -> QueryResult<std::collections::HashMap<UserId, Locale>> {
    let rows: Vec<(UserId, String)> = u::users
        .filter(u::id.eq_any(ids))
        .select((u::id, u::locale))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, code)| (id, Locale::parse(&code).unwrap_or_default()))
        .collect())
}

pub fn set_admin(conn: &mut DbConn, id: &UserId, is_admin: bool) -> QueryResult<usize> {
    diesel::update(u::users.find(id))
        .set(u::is_admin.eq(is_admin))
        .execute(conn)
}

/// Locks the admins' rows until the transaction ends (a no-op write works on both
/// databases), so that two admins cannot both step down at the same time.
pub fn lock_admins(conn: &mut DbConn) -> QueryResult<()> {
    diesel::update(u::users.filter(u::is_admin.eq(true)))
        .set(u::is_admin.eq(true))
        .execute(conn)
        .map(drop)
}

pub fn admin_count(conn: &mut DbConn) -> QueryResult<i64> {
    u::users
        .filter(u::is_admin.eq(true))
        .count()
        .get_result(conn)
}

/// Everyone, or those whose name or email contains `search`, for the admin page.
pub fn list(conn: &mut DbConn, search: &str, limit: i64) -> QueryResult<Vec<User>> {
    let mut query = u::users.select(User::as_select()).into_boxed();
    let search = search.trim();
    if !search.is_empty() {
        // Folded in SQL on both sides (see `devday_db::sql::lower`).
        let pattern = format!("%{}%", search.replace(['%', '_'], ""));
        query = query.filter(
            lower(u::email)
                .like(lower(pattern.clone()))
                .or(lower(u::display_name).like(lower(pattern))),
        );
    }
    query.order(u::email.asc()).limit(limit).load(conn)
}

/// Deletes the account; sessions, tokens and roles go with it (foreign keys cascade).
pub fn delete(conn: &mut DbConn, id: &UserId) -> QueryResult<usize> {
    diesel::delete(u::users.find(id)).execute(conn)
}
