use std::future::Future;
use std::pin::Pin;

use actix_web::http::header;
use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use percent_encoding::percent_decode;
use serde::de::DeserializeOwned;

use super::{body, csrf, gate, nul};
use crate::error::AppError;
use crate::state::AppState;

/// Largest form body accepted (uploads go elsewhere).
const LIMIT: usize = 64 * 1024;

/// A URL-encoded form whose `csrf_token` field has been checked before anything else.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let checks = gate::after_checks(req);
        let req = req.clone();
        let declared = body::declared_length(&req);
        let bytes_fut = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            checks.await;
            check_content_type(&req)?;
            let bytes = body::read_limited(declared, bytes_fut, LIMIT).await?;
            // Form decoding replaces broken UTF-8 silently; refuse it instead of storing
            // replacement characters.
            if percent_decode(&bytes).decode_utf8().is_err() {
                return Err(AppError::Unreadable);
            }
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("no app state")))?;
            let fields: Vec<(String, String)> =
                serde_urlencoded::from_bytes(&bytes).map_err(|_| AppError::Unreadable)?;
            let token = fields
                .iter()
                .find(|(k, _)| k == "csrf_token")
                .map(|(_, v)| v.as_str())
                .unwrap_or_default();
            if !csrf::verify(&req, &state.secret, token) {
                return Err(AppError::Csrf);
            }
            nul::check_fields(&fields)?;
            // serde_html_form also reads repeated keys (checkbox groups) into a Vec.
            serde_html_form::from_bytes(&bytes)
                .map(CsrfForm)
                .map_err(|e| {
                    // Only a tampered form fails here: the pages send every field as text.
                    tracing::info!(error = %e, "a form's fields did not fit");
                    AppError::Unreadable
                })
        })
    }
}

/// Forms arrive URL-encoded; anything else (JSON, multipart, none) is refused up front.
fn check_content_type(req: &HttpRequest) -> Result<(), AppError> {
    let mime = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    match mime.as_deref() {
        Some("application/x-www-form-urlencoded") => Ok(()),
        _ => Err(AppError::Refused(crate::Refusal::WrongMediaType {
            expected: "application/x-www-form-urlencoded",
        })),
    }
}

/// For forms that carry nothing but their CSRF token (a button).
#[derive(serde::Deserialize)]
pub struct NoFields {}
