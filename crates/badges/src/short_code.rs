//! The ticket's short code: nine characters a person can read out or type when the QR code
//! will not scan (a cracked phone screen, a faded print), shown as `K7Q-M3X-TRZ`.
//!
//! Eight characters of Crockford's base32 (no I, L, O or U, so nothing reads as another
//! character) carry 40 bits of an HMAC over the registration and its serial, keyed with the
//! edition's secret: a code cannot be made up, and re-issuing a ticket changes it. The ninth
//! is a Luhn mod 32 check character, so a mistyped character or two swapped neighbours are
//! refused before anything is looked up. Typing is forgiving: case, spaces and dashes do
//! not matter, and O, I and L are read as 0, 1 and 1.

use std::fmt;

use ed25519_dalek::SigningKey;
use hmac::{Hmac, Mac};
use sha2::Sha256;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DATA: usize = 8;
/// The length of a code without its dashes.
pub const LEN: usize = DATA + 1;

/// A well-formed short code (its check character matches); whether a ticket has it is for
/// the edition to say.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ShortCode([u8; LEN]);

/// Typed text that is not a short code: the wrong length, a character outside the
/// alphabet, or a check character that does not match (a typo).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a short ticket code")]
pub struct NotAShortCode;

fn value(c: u8) -> Option<u32> {
    let c = match c.to_ascii_uppercase() {
        b'O' => b'0',
        b'I' | b'L' => b'1',
        c => c,
    };
    ALPHABET.iter().position(|&a| a == c).map(|v| v as u32)
}

/// Luhn mod 32 over values read from the right; `doubled_first` says whether the rightmost
/// value is doubled (computing a check character) or not (checking one).
fn luhn_sum(values: impl DoubleEndedIterator<Item = u32>, doubled_first: bool) -> u32 {
    let mut doubled = doubled_first;
    let mut sum = 0;
    for v in values.rev() {
        let addend = if doubled { v * 2 } else { v };
        sum += addend / 32 + addend % 32;
        doubled = !doubled;
    }
    sum
}

impl ShortCode {
    /// The code of a registration's ticket with this serial, keyed with the edition's secret.
    pub fn derive(key: &SigningKey, registration_id: &str, serial: i32) -> ShortCode {
        // Only the HMAC's key length is fixed; the secret is 32 bytes, which any length takes.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key.to_bytes())
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        mac.update(format!("devday:short-code:1:{registration_id}:{serial}").as_bytes());
        let digest = mac.finalize().into_bytes();
        let mut bits = digest[..5]
            .iter()
            .fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        let mut values = [0u32; DATA];
        for v in values.iter_mut().rev() {
            *v = (bits & 31) as u32;
            bits >>= 5;
        }
        let check = (32 - luhn_sum(values.iter().copied(), true) % 32) % 32;
        let mut out = [0u8; LEN];
        for (slot, v) in out.iter_mut().zip(values.iter().chain([&check])) {
            *slot = ALPHABET[*v as usize];
        }
        ShortCode(out)
    }

    /// Reads a typed code; spaces, dashes and case do not matter.
    pub fn parse(typed: &str) -> Result<ShortCode, NotAShortCode> {
        let mut values = Vec::with_capacity(LEN);
        for c in typed.bytes().filter(|c| !matches!(c, b' ' | b'-')) {
            values.push(value(c).ok_or(NotAShortCode)?);
            if values.len() > LEN {
                return Err(NotAShortCode);
            }
        }
        if values.len() != LEN || luhn_sum(values.iter().copied(), false) % 32 != 0 {
            return Err(NotAShortCode);
        }
        let mut out = [0u8; LEN];
        for (slot, v) in out.iter_mut().zip(&values) {
            *slot = ALPHABET[*v as usize];
        }
        Ok(ShortCode(out))
    }

    /// The nine characters without dashes, as scanners compare them.
    pub fn as_str(&self) -> &str {
        // Built from ALPHABET only, which is ASCII.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// In three groups of three, as printed: `K7Q-M3X-TRZ`.
impl fmt::Display for ShortCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.as_str();
        write!(f, "{}-{}-{}", &s[..3], &s[3..6], &s[6..])
    }
}

impl fmt::Debug for ShortCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ShortCode({self})")
    }
}

impl serde::Serialize for ShortCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    #[test]
    fn a_code_is_nine_unambiguous_characters_and_reads_back_however_it_is_typed() {
        let code = ShortCode::derive(&key(1), "r-1", 0);
        let text = code.as_str();
        assert_eq!(text.len(), LEN);
        assert!(!text.contains(['I', 'L', 'O', 'U']), "{text}");
        let shown = code.to_string();
        assert_eq!(shown.len(), 11);
        for typed in [
            text.to_owned(),
            shown.clone(),
            shown.to_lowercase(),
            format!(" {} ", shown.replace('-', " ")),
            text.replace('0', "o").replace('1', "l"),
        ] {
            assert_eq!(ShortCode::parse(&typed), Ok(code), "{typed}");
        }
    }

    #[test]
    fn the_code_depends_on_the_key_the_registration_and_the_serial() {
        let code = ShortCode::derive(&key(1), "r-1", 0);
        assert_eq!(code, ShortCode::derive(&key(1), "r-1", 0));
        assert_ne!(code, ShortCode::derive(&key(2), "r-1", 0));
        assert_ne!(code, ShortCode::derive(&key(1), "r-2", 0));
        assert_ne!(code, ShortCode::derive(&key(1), "r-1", 1));
    }

    #[test]
    fn every_single_typo_and_every_swap_of_different_neighbours_is_refused() {
        for n in 0..200 {
            let text = ShortCode::derive(&key(3), &format!("r-{n}"), 0)
                .as_str()
                .to_owned();
            let bytes = text.as_bytes();
            for i in 0..LEN {
                for &other in ALPHABET.iter().filter(|&&c| c != bytes[i]) {
                    let mut typo = bytes.to_vec();
                    typo[i] = other;
                    let typo = String::from_utf8(typo).expect("ascii");
                    assert!(ShortCode::parse(&typo).is_err(), "{text} → {typo}");
                }
                if i + 1 < LEN && bytes[i] != bytes[i + 1] {
                    let mut swapped = bytes.to_vec();
                    swapped.swap(i, i + 1);
                    let swapped = String::from_utf8(swapped).expect("ascii");
                    // Luhn misses one swap only: the two values whose doubled sums agree.
                    let pair = (value(bytes[i]), value(bytes[i + 1]));
                    if !matches!(pair, (Some(0), Some(31)) | (Some(31), Some(0))) {
                        assert!(ShortCode::parse(&swapped).is_err(), "{text} → {swapped}");
                    }
                }
            }
        }
    }

    #[test]
    fn texts_that_are_not_short_codes_are_refused() {
        let text = ShortCode::derive(&key(1), "r-1", 0).as_str().to_owned();
        for typed in [
            "",
            &text[..8],
            &format!("{text}0"),
            &text.replacen(|_: char| true, "U", 1),
            "devday:1:x:y:1:sig",
            "é",
        ] {
            assert!(ShortCode::parse(typed).is_err(), "{typed}");
        }
    }
}
