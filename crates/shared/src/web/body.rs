//! JSON bodies and query strings, read only after the request's authorisation checks
//! (see [`super::gate`]), with NUL characters refused and every failure a problem document.

use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;

use actix_web::http::{header, StatusCode};
use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use super::{gate, nul};
use crate::error::AppError;

type Fut<T> = Pin<Box<dyn Future<Output = Result<T, AppError>>>>;

/// Largest JSON body accepted.
const LIMIT: usize = 256 * 1024;

/// A JSON request body (`application/json` or `…+json`).
pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = AppError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let checks = gate::after_checks(req);
        let content_type = check_content_type(req);
        let declared = declared_length(req);
        // Takes the payload now but reads nothing until awaited.
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            checks.await;
            content_type?;
            let bytes = read_limited(declared, body, LIMIT).await?;
            nul::check_json(&bytes)?;
            serde_json::from_slice(&bytes).map(Json).map_err(|e| {
                AppError::Refused(crate::Refusal::MalformedJson {
                    reason: e.to_string(),
                })
            })
        })
    }
}

/// The length a request declares, if any.
pub(super) fn declared_length(req: &HttpRequest) -> Option<usize> {
    req.headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
}

/// Reads a body of at most `limit` bytes; a declared larger one is refused before reading
/// (the read itself stops at actix's payload limit for bodies without a length).
pub(super) async fn read_limited(
    declared: Option<usize>,
    body: impl Future<Output = Result<web::Bytes, actix_web::Error>>,
    limit: usize,
) -> Result<web::Bytes, AppError> {
    if declared.is_some_and(|n| n > limit) {
        return Err(AppError::TooLarge);
    }
    let bytes = body.await.map_err(|e| {
        if e.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::TooLarge
        } else {
            AppError::Refused(crate::Refusal::MalformedJson {
                reason: e.to_string(),
            })
        }
    })?;
    if bytes.len() > limit {
        return Err(AppError::TooLarge);
    }
    Ok(bytes)
}

fn check_content_type(req: &HttpRequest) -> Result<(), AppError> {
    let mime = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    match mime {
        Some(m)
            if m == "application/json"
                || (m.starts_with("application/") && m.ends_with("+json")) =>
        {
            Ok(())
        }
        _ => Err(AppError::Refused(crate::Refusal::WrongMediaType {
            expected: "application/json",
        })),
    }
}

/// A query string (NUL is refused before routing, see [`nul::refuse_in_url`]).
pub struct Query<T>(pub T);

impl<T> Query<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Query<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Query<T> {
    type Error = AppError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let checks = gate::after_checks(req);
        let parsed = serde_urlencoded::from_str::<T>(req.query_string())
            .map(Query)
            .map_err(|e| {
                AppError::Refused(crate::Refusal::MalformedQuery {
                    reason: e.to_string(),
                })
            });
        Box::pin(async move {
            checks.await;
            parsed
        })
    }
}

/// An extractor whose failure is left to the handler: for a hot route that checks who is
/// asking inside its own database job, so that a refusal still comes before the body's
/// error (`let body = body.into_result()?;` after the check).
pub struct Deferred<E: FromRequest>(Result<E, E::Error>);

impl<E: FromRequest> Deferred<E> {
    pub fn into_result(self) -> Result<E, E::Error> {
        self.0
    }
}

impl<E: FromRequest + 'static> FromRequest for Deferred<E> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let inner = E::from_request(req, payload);
        Box::pin(async move { Ok(Deferred(inner.await)) })
    }
}
