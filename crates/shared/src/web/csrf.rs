//! CSRF protection for every form: a token signed for what identifies the browser to us.
//!
//! A signed-in browser's forms carry HMAC(secret, its session); a visitor's carry
//! HMAC(secret, a random cookie). A forged cross-site post can neither read these cookies
//! nor compute the signature. Binding to the session matters: someone who can plant a
//! cookie in the victim's browser (a sibling subdomain, a plain-http hop) could plant a
//! visitor cookie whose token they know, but not the victim's session. Over https the
//! visitor cookie is a `__Host-` cookie, which a sibling subdomain cannot set at all. The
//! secret is in the database, so any instance on it accepts the token.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpRequest};

use super::cookies;
use crate::crypto;
use crate::state::AppState;

/// The visitor cookie's value for this request, possibly created by this very request.
#[derive(Clone)]
struct Seed(String);

/// What a token is bound to; the prefixes keep a session's token from ever matching a
/// visitor cookie of the same value.
enum Binding {
    Session(String),
    Visitor(String),
}

impl Binding {
    fn message(&self) -> String {
        match self {
            Binding::Session(session) => format!("csrf:session:{session}"),
            Binding::Visitor(seed) => format!("csrf:visitor:{seed}"),
        }
    }
}

fn secure(req: &HttpRequest) -> bool {
    req.app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.secure_cookies())
}

/// Gives a browser its visitor cookie the first time it loads a page.
pub async fn ensure_cookie(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let path = req.path();
    let wants_cookie = !(path.starts_with("/api/")
        || path.starts_with("/static/")
        || path == "/healthz"
        || path == "/metrics");
    let secure = secure(req.request());
    let name = cookies::visitor(secure);
    let missing = wants_cookie && req.cookie(name).is_none();
    let new_seed = missing.then(crypto::random_token);
    if let Some(seed) = &new_seed {
        req.extensions_mut().insert(Seed(seed.clone()));
    }
    let mut res = next.call(req).await?;
    if let Some(seed) = new_seed {
        res.response_mut()
            .add_cookie(&cookies::build(name, seed, secure, 30))
            .map_err(actix_web::error::ErrorInternalServerError)?;
    }
    Ok(res)
}

/// The browser's visitor cookie (set by this request or sent with it): it also tells
/// browsers apart where no account does (feedback).
pub fn visitor(req: &HttpRequest) -> Option<String> {
    if let Some(seed) = req.extensions().get::<Seed>() {
        return Some(seed.0.clone());
    }
    req.cookie(cookies::visitor(secure(req)))
        .map(|c| c.value().to_owned())
}

/// The session cookie if the browser sends one, else the visitor cookie. The raw session
/// cookie decides, valid or not, so that rendering and checking always agree.
fn binding(req: &HttpRequest) -> Option<Binding> {
    match req.cookie(cookies::SESSION) {
        Some(session) => Some(Binding::Session(crypto::token_hash(session.value()))),
        None => visitor(req).map(Binding::Visitor),
    }
}

/// The token to put into this request's forms.
pub fn token(req: &HttpRequest, secret: &[u8]) -> String {
    binding(req)
        .map(|binding| crypto::sign(secret, &binding.message()))
        .unwrap_or_default()
}

/// Whether `submitted` belongs to this browser's session (or, signed out, its visitor
/// cookie as it was sent: a cookie this request only created cannot have signed a form).
pub fn verify(req: &HttpRequest, secret: &[u8], submitted: &str) -> bool {
    let binding = match req.cookie(cookies::SESSION) {
        Some(session) => Binding::Session(crypto::token_hash(session.value())),
        None => match req.cookie(cookies::visitor(secure(req))) {
            Some(cookie) => Binding::Visitor(cookie.value().to_owned()),
            None => return false,
        },
    };
    crypto::verify(secret, &binding.message(), submitted)
}
