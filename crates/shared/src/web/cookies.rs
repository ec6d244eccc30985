//! The cookies devday sets, all HttpOnly and SameSite=Lax, Secure when served over https.

use actix_web::cookie::{time::Duration, Cookie, SameSite};

pub const SESSION: &str = "devday_session";
/// The visitor cookie that forms of signed-out browsers are bound to (see `csrf`); over
/// https a `__Host-` cookie, which only this host can set, on the path `/`, secure.
pub const CSRF: &str = "devday_csrf";
const CSRF_HOST_ONLY: &str = "__Host-devday_csrf";
pub const LANG: &str = "devday_lang";

/// The visitor cookie's name: host-only over https.
pub fn visitor(secure: bool) -> &'static str {
    if secure {
        CSRF_HOST_ONLY
    } else {
        CSRF
    }
}

pub fn build(name: &'static str, value: String, secure: bool, days: i64) -> Cookie<'static> {
    lasting(name, value, secure, Duration::days(days))
}

/// A cookie kept for `max_age` (a flash message: a minute).
pub fn lasting(
    name: &'static str,
    value: String,
    secure: bool,
    max_age: Duration,
) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(max_age)
        .finish()
}

pub fn removal(name: &'static str) -> Cookie<'static> {
    let mut cookie = Cookie::build(name, "").path("/").finish();
    cookie.make_removal();
    cookie
}
