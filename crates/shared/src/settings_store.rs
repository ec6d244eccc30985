//! Values the server keeps in its own database: the signing secret shared by every instance
//! on one database, and the one-time link that creates the first admin.

use devday_db::schema::app_settings::dsl as s;
use devday_db::{write_transaction, DbConn};
use diesel::prelude::*;

use crate::crypto;

const SECRET_KEY: &str = "signing_secret";
const SETUP_KEY: &str = "setup_token_hash";

/// The secret that signs CSRF tokens, created on first start. Kept in the database so that
/// several instances behind one proxy accept each other's tokens.
pub fn signing_secret(conn: &mut DbConn) -> QueryResult<Vec<u8>> {
    write_transaction(conn, |conn| {
        if let Some(value) = get(conn, SECRET_KEY)? {
            return Ok(value.into_bytes());
        }
        let value = crypto::random_token();
        insert(conn, SECRET_KEY, &value)?;
        Ok(value.into_bytes())
    })
}

/// A fresh one-time setup token (the previous one stops working). Only its hash is stored.
pub fn new_setup_token(conn: &mut DbConn) -> QueryResult<String> {
    let token = crypto::random_token();
    let hash = crypto::token_hash(&token);
    write_transaction(conn, |conn| {
        diesel::delete(s::app_settings.filter(s::key.eq(SETUP_KEY))).execute(conn)?;
        insert(conn, SETUP_KEY, &hash)
    })?;
    Ok(token)
}

/// Uses up the setup token if it is the current one.
pub fn take_setup_token(conn: &mut DbConn, token: &str) -> QueryResult<bool> {
    let deleted = diesel::delete(
        s::app_settings
            .filter(s::key.eq(SETUP_KEY))
            .filter(s::value.eq(crypto::token_hash(token))),
    )
    .execute(conn)?;
    Ok(deleted == 1)
}

pub fn setup_token_valid(conn: &mut DbConn, token: &str) -> QueryResult<bool> {
    Ok(get(conn, SETUP_KEY)?.is_some_and(|hash| hash == crypto::token_hash(token)))
}

fn get(conn: &mut DbConn, key: &str) -> QueryResult<Option<String>> {
    s::app_settings
        .filter(s::key.eq(key))
        .select(s::value)
        .first(conn)
        .optional()
}

fn insert(conn: &mut DbConn, key: &str, value: &str) -> QueryResult<()> {
    diesel::insert_into(s::app_settings)
        .values((s::key.eq(key), s::value.eq(value)))
        .execute(conn)
        .map(drop)
}
