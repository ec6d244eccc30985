use std::fmt;

use serde::Serialize;

/// An email address, trimmed and lower-cased, so that one person has one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct EmailAddress(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("enter an email address")]
    Empty,
    #[error("this is not an email address")]
    Malformed,
    #[error("this email address is too long")]
    TooLong,
}

impl EmailError {
    /// The Fluent message id for forms.
    pub fn message_key(self) -> &'static str {
        match self {
            EmailError::Empty => "field-required",
            EmailError::Malformed => "email-invalid",
            EmailError::TooLong => "field-too-long",
        }
    }
}

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<Self, EmailError> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err(EmailError::Empty);
        }
        if email.len() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = email.split_once('@').ok_or(EmailError::Malformed)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\@".contains(c));
        if domain_ok && local_ok {
            Ok(Self(email))
        } else {
            Err(EmailError::Malformed)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_normalised() {
        assert_eq!(
            EmailAddress::parse("  Ada@Example.ORG ").map(|e| e.to_string()),
            Ok("ada@example.org".to_owned())
        );
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in [
            "ada",
            "ada@",
            "@example.org",
            "ada@example",
            "a b@example.org",
            "ada@exa..mple.org",
            "<a>@example.org",
        ] {
            assert_eq!(
                EmailAddress::parse(bad),
                Err(EmailError::Malformed),
                "{bad}"
            );
        }
        assert_eq!(EmailAddress::parse("  "), Err(EmailError::Empty));
        assert_eq!(
            EmailAddress::parse(&format!("a@{}.org", "x".repeat(260))),
            Err(EmailError::TooLong)
        );
    }
}
