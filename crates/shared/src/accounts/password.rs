//! argon2id password hashes with the cost from the configuration.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;

use crate::config::SecuritySettings;

pub const MIN_LENGTH: usize = 10;
pub const MAX_LENGTH: usize = 1024;

#[derive(Clone)]
pub struct Passwords {
    params: Params,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyError {
    TooShort,
    TooLong,
}

impl PolicyError {
    pub fn message_key(self) -> &'static str {
        match self {
            PolicyError::TooShort => "password-too-short",
            PolicyError::TooLong => "field-too-long",
        }
    }
}

/// Length is what makes a password strong; no composition rules.
pub fn check_policy(password: &str) -> Result<(), PolicyError> {
    let chars = password.chars().count();
    if chars < MIN_LENGTH {
        Err(PolicyError::TooShort)
    } else if chars > MAX_LENGTH {
        Err(PolicyError::TooLong)
    } else {
        Ok(())
    }
}

impl Passwords {
    pub fn new(settings: &SecuritySettings) -> Result<Self, argon2::Error> {
        Ok(Self {
            params: Params::new(
                settings.argon2_memory_kib,
                settings.argon2_iterations,
                1,
                None,
            )?,
        })
    }

    fn argon2(&self) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    pub fn hash(&self, password: &str) -> anyhow::Result<String> {
        let mut bytes = [0u8; 16];
        rand::rng().fill_bytes(&mut bytes);
        let salt =
            SaltString::encode_b64(&bytes).map_err(|e| anyhow::anyhow!("making a salt: {e}"))?;
        self.argon2()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
    }

    /// Checks `password` against `hash`; with no hash (unknown account) it still spends the
    /// same time, so response times do not tell which accounts exist.
    pub fn verify(&self, password: &str, hash: Option<&str>) -> bool {
        match hash.and_then(|h| PasswordHash::new(h).ok()) {
            Some(parsed) => self
                .argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok(),
            None => {
                let _ = self.hash(password);
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passwords() -> Passwords {
        Passwords {
            params: Params::new(64, 1, 1, None).unwrap_or_default(),
        }
    }

    #[test]
    fn a_hash_verifies_only_its_password() -> anyhow::Result<()> {
        let p = passwords();
        let hash = p.hash("correct horse battery")?;
        assert!(hash.starts_with("$argon2id$"));
        assert!(p.verify("correct horse battery", Some(&hash)));
        assert!(!p.verify("wrong horse battery", Some(&hash)));
        assert!(!p.verify("correct horse battery", None));
        assert!(!p.verify("correct horse battery", Some("garbage")));
        Ok(())
    }

    #[test]
    fn the_policy_counts_characters() {
        assert_eq!(check_policy("short"), Err(PolicyError::TooShort));
        assert_eq!(check_policy("ääääääääää"), Ok(()));
        assert_eq!(check_policy(&"x".repeat(2000)), Err(PolicyError::TooLong));
    }
}
