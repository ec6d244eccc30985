//! Each edition's signing key, made on first use and kept in the database. The secret part
//! is read only to sign; scanners get the public part.

use devday_shared::vocabulary::EditionId;
use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use devday_db::schema::edition_keys::dsl as k;
use devday_db::{now, unless_taken, DbConn};
use diesel::prelude::*;
use ed25519_dalek::{SigningKey, VerifyingKey};
use rand::RngCore;

use crate::code::{decode_key, encode_key};

/// Public keys never change once made, so they are kept in memory after the first read:
/// a scan then needs no query for its key.
fn cache() -> &'static RwLock<HashMap<EditionId, VerifyingKey>> {
    static CACHE: OnceLock<RwLock<HashMap<EditionId, VerifyingKey>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

fn stored(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Option<(String, String)>> {
    k::edition_keys
        .find(edition_id)
        .select((k::public_key, k::secret_key))
        .first(conn)
        .optional()
}

fn corrupt() -> diesel::result::Error {
    diesel::result::Error::DeserializationError("edition key is not 32 bytes of base64url".into())
}

/// The edition's signing key, made now if it has none. Two requests making one at once
/// both end with the same key: the insert that loses is ignored.
pub fn signing_key(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<SigningKey> {
    if stored(conn, edition_id)?.is_none() {
        let mut secret = [0u8; 32];
        rand::rng().fill_bytes(&mut secret);
        let key = SigningKey::from_bytes(&secret);
        unless_taken(conn, |c| {
            diesel::insert_into(k::edition_keys)
                .values((
                    k::edition_id.eq(edition_id),
                    k::public_key.eq(encode_key(&key.verifying_key().to_bytes())),
                    k::secret_key.eq(encode_key(&secret)),
                    k::created_at.eq(now()),
                ))
                .execute(c)
        })?;
    }
    let (_, secret) = stored(conn, edition_id)?.ok_or(diesel::result::Error::NotFound)?;
    Ok(SigningKey::from_bytes(
        &decode_key(&secret).ok_or_else(corrupt)?,
    ))
}

/// The edition's public key (made with the signing key if the edition has none yet).
pub fn verifying_key(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<VerifyingKey> {
    if let Some(key) = cache().read().ok().and_then(|c| c.get(edition_id).copied()) {
        return Ok(key);
    }
    let key = match stored(conn, edition_id)? {
        Some((public, _)) => VerifyingKey::from_bytes(&decode_key(&public).ok_or_else(corrupt)?)
            .map_err(|_| corrupt())?,
        None => signing_key(conn, edition_id)?.verifying_key(),
    };
    if let Ok(mut c) = cache().write() {
        c.insert(edition_id.clone(), key);
    }
    Ok(key)
}

/// The public key as scanners receive it (base64url).
pub fn public_key_text(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<String> {
    Ok(encode_key(&verifying_key(conn, edition_id)?.to_bytes()))
}
