//! The text inside a ticket's QR code: `devday:1:{edition}:{registration}:{serial}:{signature}`.
//!
//! The signature is Ed25519 over everything before the last colon, with the edition's key,
//! so a scanner holding the public key checks a ticket without a network. The edition's slug
//! is in the clear so a ticket of another year is named as such, not as a forgery.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use devday_shared::vocabulary::RegistrationId;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

const PREFIX: &str = "devday:1:";

/// What a ticket code says, once its signature has been checked or before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub edition: String,
    pub registration_id: RegistrationId,
    /// Raised when organisers re-issue a ticket; older codes are revoked.
    pub serial: i32,
}

/// A scanned text that is not a devday ticket at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a devday ticket")]
pub struct Malformed;

/// A code split into its parts; the signature is not checked yet.
#[derive(Debug)]
pub struct Parsed<'a> {
    pub ticket: Ticket,
    signed: &'a str,
    signature: Signature,
}

impl Ticket {
    fn signed_text(&self) -> String {
        format!(
            "{PREFIX}{}:{}:{}",
            self.edition, self.registration_id, self.serial
        )
    }

    /// The code to print as a QR code.
    pub fn sign(&self, key: &SigningKey) -> String {
        let text = self.signed_text();
        let signature = key.sign(text.as_bytes());
        format!("{text}:{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
    }
}

/// Splits a scanned text into its parts; anything that is not shaped like a ticket is
/// `Malformed`.
pub fn parse(code: &str) -> Result<Parsed<'_>, Malformed> {
    let code = code.trim();
    let (signed, signature) = code.rsplit_once(':').ok_or(Malformed)?;
    let rest = signed.strip_prefix(PREFIX).ok_or(Malformed)?;
    let mut parts = rest.split(':');
    let (Some(edition), Some(registration_id), Some(serial), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Malformed);
    };
    if edition.is_empty() || registration_id.is_empty() {
        return Err(Malformed);
    }
    let serial = serial.parse().map_err(|_| Malformed)?;
    let bytes: [u8; 64] = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| Malformed)?
        .try_into()
        .map_err(|_| Malformed)?;
    Ok(Parsed {
        ticket: Ticket {
            edition: edition.to_owned(),
            registration_id: registration_id.into(),
            serial,
        },
        signed,
        signature: Signature::from_bytes(&bytes),
    })
}

impl Parsed<'_> {
    /// Whether the edition's key made this signature.
    pub fn is_signed_by(&self, key: &VerifyingKey) -> bool {
        key.verify(self.signed.as_bytes(), &self.signature).is_ok()
    }
}

/// Keys travel as unpadded base64url, as in the code itself.
pub fn encode_key(bytes: &[u8; 32]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn decode_key(text: &str) -> Option<[u8; 32]> {
    URL_SAFE_NO_PAD.decode(text).ok()?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    fn ticket() -> Ticket {
        Ticket {
            edition: "devday-26".into(),
            registration_id: "0b9d6a8e-5b8f-4a63-9d0c-6f3c1f1e2a7b".into(),
            serial: 2,
        }
    }

    #[test]
    fn a_signed_code_parses_back_and_verifies_with_its_key_only() {
        let code = ticket().sign(&key(1));
        let parsed = parse(&code).expect("parses");
        assert_eq!(parsed.ticket, ticket());
        assert!(parsed.is_signed_by(&key(1).verifying_key()));
        assert!(!parsed.is_signed_by(&key(2).verifying_key()));
    }

    #[test]
    fn any_change_to_the_signed_part_breaks_the_signature() {
        let code = ticket().sign(&key(1));
        for (from, to) in [(":2:", ":3:"), ("devday-26", "devday-25"), ("0b9d", "0b9e")] {
            let forged = code.replacen(from, to, 1);
            let parsed = parse(&forged).expect("still shaped like a ticket");
            assert!(!parsed.is_signed_by(&key(1).verifying_key()), "{forged}");
        }
    }

    #[test]
    fn texts_that_are_not_tickets_are_malformed() {
        let code = ticket().sign(&key(1));
        let (signed, _) = code.rsplit_once(':').expect("colon");
        for text in [
            "",
            "https://example.org",
            "devday:1:x:y:1",
            signed,
            &format!("{signed}:AAAA"),
            &code.replacen("devday:1:", "devday:2:", 1),
            &code.replacen(":2:", ":two:", 1),
            &code.replacen(":2:", ":2:extra:", 1),
        ] {
            assert!(parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn keys_round_trip_through_text() {
        let public = key(7).verifying_key().to_bytes();
        assert_eq!(decode_key(&encode_key(&public)), Some(public));
        assert_eq!(decode_key("short"), None);
    }
}
