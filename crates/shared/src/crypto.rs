//! Random tokens, their stored hashes and keyed signatures.
//!
//! Tokens that grant something (sessions, API tokens, links in mails) are 256-bit random
//! values; the database keeps only their SHA-256, so a leaked database grants nothing.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A new random token, URL-safe.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The hash under which a token is stored and looked up.
pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// An HMAC-SHA256 of `message` under `key`, URL-safe.
pub fn sign(key: &[u8], message: &str) -> String {
    URL_SAFE_NO_PAD.encode(mac(key, message).finalize().into_bytes())
}

/// Checks a signature from [`sign`] in constant time.
pub fn verify(key: &[u8], message: &str, signature: &str) -> bool {
    match URL_SAFE_NO_PAD.decode(signature) {
        Ok(bytes) => mac(key, message).verify_slice(&bytes).is_ok(),
        Err(_) => false,
    }
}

fn mac(key: &[u8], message: &str) -> Hmac<Sha256> {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(message.as_bytes());
    mac
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_hashes_stable() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), token_hash(&b));
    }

    #[test]
    fn signatures_verify_only_for_the_same_key_and_message() {
        let sig = sign(b"key", "message");
        assert!(verify(b"key", "message", &sig));
        assert!(!verify(b"other", "message", &sig));
        assert!(!verify(b"key", "message2", &sig));
        assert!(!verify(b"key", "message", "not base64!"));
    }
}
