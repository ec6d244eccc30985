//! CSRF protection for every form: a signed double-submit token.
//!
//! Each browser gets a random `devday_csrf` cookie; forms carry HMAC(secret, cookie). A
//! forged cross-site post can neither read the cookie nor compute the signature. The secret is
//! in the database, so any instance on it accepts the token.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpRequest};

use super::cookies;
use crate::crypto;
use crate::state::AppState;

/// The cookie value for this request, possibly created by this very request.
#[derive(Clone)]
struct Seed(String);

const SCOPE: &str = "csrf:";

/// Gives a browser its CSRF cookie the first time it loads a page.
pub async fn ensure_cookie(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let path = req.path();
    let wants_cookie = !(path.starts_with("/api/")
        || path.starts_with("/static/")
        || path == "/healthz"
        || path == "/metrics");
    let missing = wants_cookie && req.cookie(cookies::CSRF).is_none();
    let secure = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.secure_cookies());
    let new_seed = missing.then(crypto::random_token);
    if let Some(seed) = &new_seed {
        req.extensions_mut().insert(Seed(seed.clone()));
    }
    let mut res = next.call(req).await?;
    if let Some(seed) = new_seed {
        res.response_mut()
            .add_cookie(&cookies::build(cookies::CSRF, seed, secure, 30))
            .map_err(actix_web::error::ErrorInternalServerError)?;
    }
    Ok(res)
}

fn seed(req: &HttpRequest) -> Option<String> {
    if let Some(seed) = req.extensions().get::<Seed>() {
        return Some(seed.0.clone());
    }
    req.cookie(cookies::CSRF).map(|c| c.value().to_owned())
}

/// The token to put into this request's forms.
pub fn token(req: &HttpRequest, secret: &[u8]) -> String {
    seed(req)
        .map(|seed| crypto::sign(secret, &format!("{SCOPE}{seed}")))
        .unwrap_or_default()
}

/// Whether `submitted` belongs to this browser.
pub fn verify(req: &HttpRequest, secret: &[u8], submitted: &str) -> bool {
    match req.cookie(cookies::CSRF) {
        Some(cookie) => crypto::verify(secret, &format!("{SCOPE}{}", cookie.value()), submitted),
        None => false,
    }
}
