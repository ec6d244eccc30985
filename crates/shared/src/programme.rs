//! The link to an attendee's own programme (their starred sessions and its calendar
//! feed). The link is its own credential, like the manage link, but it is derived rather
//! than stored: a keyed signature of the registration and a generation number, so the
//! page can show it again at any time, a release can put it in a mail, and counting the
//! generation up revokes every copy at once.

use crate::crypto;
use crate::vocabulary::RegistrationId;

/// The signature in the link of `registration` at `generation`.
pub fn key(secret: &[u8], registration: &RegistrationId, generation: i32) -> String {
    crypto::sign(secret, &message(registration, generation))
}

/// Whether `key` is the current one for `registration` at `generation`.
pub fn verify(secret: &[u8], registration: &RegistrationId, generation: i32, key: &str) -> bool {
    crypto::verify(secret, &message(registration, generation), key)
}

/// The page's path: `/{edition}/my/{registration}/{key}/`.
pub fn path(slug: &str, registration: &RegistrationId, key: &str) -> String {
    format!("/{slug}/my/{registration}/{key}/")
}

fn message(registration: &RegistrationId, generation: i32) -> String {
    format!("own-programme:{registration}:{generation}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_generation_revokes_the_old_key() {
        let id = RegistrationId::from("3f2c".to_owned());
        let old = key(b"secret", &id, 0);
        assert!(verify(b"secret", &id, 0, &old));
        assert!(!verify(b"secret", &id, 1, &old));
        assert!(verify(b"secret", &id, 1, &key(b"secret", &id, 1)));
        assert!(!verify(b"other", &id, 0, &old), "another install's key");
        let other = RegistrationId::from("3f2d".to_owned());
        assert!(!verify(b"secret", &other, 0, &old), "another person's key");
    }
}
