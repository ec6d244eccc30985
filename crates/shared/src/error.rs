//! One error type for every request, mapped to HTTP in one place: a problem document
//! (RFC 9457) here, turned into an HTML page for browsers by [`crate::web::errors`].

use std::collections::BTreeMap;

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

pub use crate::refusal::Refusal;

pub type AppResult<T> = Result<T, AppError>;

/// Messages per field, shown beside the field in forms and as `errors` in problem documents.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, Vec<String>>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_owned())
            .or_default()
            .push(message.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds another check's errors (one page shows them all at once).
    pub fn merge(&mut self, other: FieldErrors) {
        for (field, messages) in other.0 {
            self.0.entry(field).or_default().extend(messages);
        }
    }

    pub fn contains(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    /// The same errors with each message id replaced by `translate(id)`.
    pub fn translated(&self, translate: impl Fn(&str) -> String) -> FieldErrors {
        FieldErrors(
            self.0
                .iter()
                .map(|(field, ids)| (field.clone(), ids.iter().map(|id| translate(id)).collect()))
                .collect(),
        )
    }

    /// `Ok(())` if nothing was added, else the errors as [`AppError::Invalid`].
    pub fn into_result(self) -> AppResult<()> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self))
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("The page or resource does not exist.")]
    NotFound,
    /// A link from a mail that leads nowhere (mistyped, used, expired): a 404 that says so.
    #[error("This link does not work: it has been used already, or it has expired.")]
    LinkInvalid,
    #[error("Please log in.")]
    Unauthenticated,
    #[error("You are not allowed to do this.")]
    Forbidden,
    /// A refusal with its reason: see [`Refusal`].
    #[error("{}", english(.0))]
    Refused(Refusal),
    #[error("The form arrived damaged: it must be URL-encoded UTF-8 with the page's fields.")]
    Unreadable,
    #[error("The request is too large.")]
    TooLarge,
    #[error("Some fields are invalid.")]
    Invalid(FieldErrors),
    #[error("“{field}” contains the NUL character (U+0000), which cannot be stored.")]
    NulCharacter { field: String },
    #[error("The form has expired. Reload the page and try again.")]
    Csrf,
    #[error("Too many attempts. Try again in {retry_after_secs} seconds.")]
    RateLimited { retry_after_secs: u64 },
    #[error("The service is busy. Try again shortly.")]
    Unavailable,
    #[error("Something went wrong on our side.")]
    Internal(#[source] anyhow::Error),
}

impl AppError {
    pub fn internal(err: impl Into<anyhow::Error>) -> Self {
        AppError::Internal(err.into())
    }

    /// `field` (a form field, a JSON path, `path` or `query`) holds U+0000.
    pub fn nul(field: &str) -> Self {
        AppError::NulCharacter {
            field: field.to_owned(),
        }
    }

    /// For single-use links: a `NotFound` from accepting one means it was used, withdrawn
    /// or has expired meanwhile, which deserves a clearer answer than 404.
    pub fn link_gone(self) -> Self {
        match self {
            AppError::NotFound => AppError::Refused(Refusal::LinkGone),
            other => other,
        }
    }

    /// A stable, machine-readable name of the kind, used as the problem `type`.
    pub fn kind(&self) -> &'static str {
        match self {
            AppError::Refused(refusal) => refusal.slug(),
            AppError::NotFound => "not-found",
            AppError::LinkInvalid => "link-invalid",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden => "forbidden",
            AppError::Unreadable => "unreadable",
            AppError::TooLarge => "too-large",
            AppError::Invalid(_) => "invalid",
            AppError::NulCharacter { .. } => "nul-character",
            AppError::Csrf => "csrf",
            AppError::RateLimited { .. } => "rate-limited",
            AppError::Unavailable => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }
}

impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> Self {
        AppError::Refused(refusal)
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(err: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match err {
            Error::NotFound => AppError::NotFound,
            // Two requests racing to create the same thing: the loser is told, not failed.
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                AppError::Refused(Refusal::AlreadyExists)
            }
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<devday_db::PoolError> for AppError {
    fn from(err: devday_db::PoolError) -> Self {
        tracing::warn!(error = %err, "no database connection available");
        AppError::Unavailable
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(err: actix_web::error::BlockingError) -> Self {
        AppError::Internal(anyhow::anyhow!("blocking task failed: {err}"))
    }
}

/// The RFC 9457 problem document.
#[derive(Debug, Serialize)]
pub struct Problem<'a> {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: &'a str,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<&'a FieldErrors>,
}

/// Left in the response so the HTML error page (and a problem document in the reader's
/// language) can be rendered from it.
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    pub kind: &'static str,
    /// The error page's own heading (a message id), where the generic one would mislead.
    pub heading: Option<&'static str>,
    pub detail: String,
    pub errors: Option<FieldErrors>,
    pub refusal: Option<Refusal>,
}

/// A refusal in English: the problem document's default language.
fn english(refusal: &Refusal) -> String {
    crate::i18n::I18n::embedded().map_or_else(
        || refusal.slug().to_owned(),
        |i18n| i18n.refusal(crate::i18n::Locale::En, refusal),
    )
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound | AppError::LinkInvalid => StatusCode::NOT_FOUND,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::Refused(refusal) => refusal.status(),
            AppError::Unreadable => StatusCode::BAD_REQUEST,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Invalid(_) | AppError::NulCharacter { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if let AppError::Internal(cause) = self {
            // The cause stays in the log; the client learns only that it was our fault.
            tracing::error!(error = format!("{cause:#}"), "request failed");
        }
        let nul_field;
        let errors = match self {
            AppError::Invalid(errors) => Some(errors),
            AppError::NulCharacter { field } => {
                let mut errors = FieldErrors::new();
                errors.add(field, "must not contain the NUL character (U+0000)");
                nul_field = errors;
                Some(&nul_field)
            }
            _ => None,
        };
        let problem = Problem {
            kind: format!("/problems/{}", self.kind()),
            title: status.canonical_reason().unwrap_or("Error"),
            status: status.as_u16(),
            detail: self.to_string(),
            errors,
        };
        let mut res = HttpResponse::build(status);
        res.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        if let AppError::RateLimited { retry_after_secs } = self {
            res.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
        }
        if let AppError::Unauthenticated = self {
            res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        let mut response = res.json(&problem);
        response.extensions_mut().insert(ErrorInfo {
            kind: self.kind(),
            heading: match self {
                // The reader came from a mail, not a mistyped address.
                AppError::LinkInvalid => Some("link-invalid-title"),
                _ => None,
            },
            detail: problem.detail,
            errors: errors.cloned(),
            refusal: match self {
                AppError::Refused(refusal) => Some(refusal.clone()),
                _ => None,
            },
        });
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::body::to_bytes;

    #[actix_web::test]
    async fn internal_errors_hide_their_cause() {
        let err = AppError::internal(anyhow::anyhow!("secret connection string"));
        let body = to_bytes(err.error_response().into_body()).await.ok();
        let text = String::from_utf8_lossy(body.as_deref().unwrap_or_default()).into_owned();
        assert!(!text.contains("secret"), "{text}");
        assert!(text.contains("\"status\":500"), "{text}");
    }

    #[actix_web::test]
    async fn field_errors_are_listed_in_the_problem() {
        let mut errors = FieldErrors::new();
        errors.add("email", "is not an email address");
        let res = AppError::Invalid(errors).error_response();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = to_bytes(res.into_body()).await.ok();
        let json: serde_json::Value =
            serde_json::from_slice(body.as_deref().unwrap_or_default()).unwrap_or_default();
        assert_eq!(json["errors"]["email"][0], "is not an email address");
        assert_eq!(json["type"], "/problems/invalid");
    }
}
