use std::future::{ready, Ready};

use actix_web::http::header;
use actix_web::{dev::Payload, FromRequest, HttpRequest};

use super::cookies;
use crate::error::AppError;
use crate::i18n::Locale;

/// The language to answer in: the remembered choice, else the browser's, else English.
#[derive(Debug, Clone, Copy)]
pub struct RequestLocale(pub Locale);

pub fn of(req: &HttpRequest) -> Locale {
    req.cookie(cookies::LANG)
        .and_then(|c| Locale::parse(c.value()))
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

impl FromRequest for RequestLocale {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(RequestLocale(of(req))))
    }
}
