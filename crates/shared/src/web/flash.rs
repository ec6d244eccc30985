//! What happened, said on the page a form post redirects to: "12 proposals accepted".
//!
//! The message travels in a short-lived signed cookie as a Fluent id with its arguments, so
//! it is said in the reader's language and with correct plurals where it is shown, and no
//! one can make another browser show a text of their choosing. The page that shows it
//! removes the cookie, so a reload does not repeat it.

use crate::crypto;
pub use crate::message::Message;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

pub const COOKIE: &str = "devday_flash";

/// A flash is a message: a Fluent id and its arguments.
pub type Flash = Message;

impl Message {
    /// The cookie value: the message as JSON, base64, and its signature.
    pub fn seal(&self, secret: &[u8]) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        let payload = URL_SAFE_NO_PAD.encode(json);
        let signature = crypto::sign(secret, &message(&payload));
        format!("{payload}.{signature}")
    }

    /// The message in a cookie value, if it is one devday signed.
    pub fn open(secret: &[u8], value: &str) -> Option<Flash> {
        let (payload, signature) = value.split_once('.')?;
        if !crypto::verify(secret, &message(payload), signature) {
            return None;
        }
        let json = URL_SAFE_NO_PAD.decode(payload).ok()?;
        serde_json::from_slice(&json).ok()
    }
}

/// What the signature covers; the prefix keeps it from ever matching another signed value.
fn message(payload: &str) -> String {
    format!("flash:{payload}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{I18n, Locale};

    #[test]
    fn a_sealed_message_opens_and_a_forged_one_does_not() {
        let flash = Flash::new("proposals-decided")
            .count("n", 12)
            .text("title", "Fearless & <Rust>");
        let sealed = flash.seal(b"secret");
        assert_eq!(Flash::open(b"secret", &sealed), Some(flash));
        assert_eq!(Flash::open(b"other", &sealed), None);
        let (_, signature) = sealed.split_once('.').unwrap_or_default();
        let forged = URL_SAFE_NO_PAD.encode(r#"{"key":"anything"}"#);
        assert_eq!(
            Flash::open(b"secret", &format!("{forged}.{signature}")),
            None
        );
        assert_eq!(Flash::open(b"secret", "garbage"), None);
    }

    #[test]
    fn counts_stay_numbers_for_plurals() {
        let i18n = I18n::load().expect("catalogues");
        let decided = |n: i64| {
            Flash::new("flash-proposals-decided")
                .count("n", n)
                .text("decision", "accept")
        };
        assert!(decided(1)
            .say(&i18n, Locale::En)
            .starts_with("1 proposal accepted."));
        assert!(decided(12)
            .say(&i18n, Locale::En)
            .starts_with("12 proposals accepted."));
        assert!(decided(12)
            .say(&i18n, Locale::De)
            .starts_with("12 Einreichungen angenommen."));
    }
}
