//! Pages that read the same for every signed-out visitor (an edition's front door), kept
//! rendered for a moment so a rush of visitors costs one render per language a second.
//! The numbers on them (seats left, sessions) may be that moment old; nobody who acts
//! sees a cached page, because acting signs in or brings a message cookie.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};

use super::{cookies, flash};
use crate::error::AppResult;

/// Whether `req` gets the page everyone gets: no session and no message to show once.
pub fn is_anonymous(req: &HttpRequest) -> bool {
    req.cookie(cookies::SESSION).is_none() && req.cookie(flash::COOKIE).is_none()
}

/// Rendered pages by key, each trusted for `fresh_for`. When one goes stale, the next
/// request renders it again while the others keep getting the old copy: a slow database
/// moment then delays one request, not every request that arrives meanwhile.
pub struct Recent {
    fresh_for: Duration,
    /// More keys than this (pages × languages) and the whole map starts over.
    max: usize,
    pages: Mutex<Option<HashMap<String, Kept>>>,
}

struct Kept {
    at: Instant,
    body: Bytes,
    /// A request is rendering it again (since this instant).
    renewing: Option<Instant>,
}

/// A renewal that has not come back after this long (its render failed) is left to the
/// next request.
const RENEWAL_GIVEN_UP: Duration = Duration::from_secs(10);

impl Recent {
    pub const fn new(fresh_for: Duration, max: usize) -> Self {
        Recent {
            fresh_for,
            max,
            pages: Mutex::new(None),
        }
    }

    /// The page under `key` if rendered less than `fresh_for` ago, or while another
    /// request renders it again; `None` tells this caller to render it and [`Self::put`] it.
    pub fn get(&self, key: &str) -> Option<Bytes> {
        let mut pages = self.pages.lock().unwrap_or_else(PoisonError::into_inner);
        let kept = pages.as_mut()?.get_mut(key)?;
        if kept.at.elapsed() < self.fresh_for {
            return Some(kept.body.clone());
        }
        match kept.renewing {
            Some(since) if since.elapsed() < RENEWAL_GIVEN_UP => Some(kept.body.clone()),
            _ => {
                kept.renewing = Some(Instant::now());
                None
            }
        }
    }

    pub fn put(&self, key: String, body: Bytes) {
        let mut pages = self.pages.lock().unwrap_or_else(PoisonError::into_inner);
        let pages = pages.get_or_insert_with(HashMap::new);
        if pages.len() >= self.max && !pages.contains_key(&key) {
            pages.clear();
        }
        let kept = Kept {
            at: Instant::now(),
            body,
            renewing: None,
        };
        pages.insert(key, kept);
    }

    /// Forgets every page (after a change this instance made and wants seen at once).
    pub fn clear(&self) {
        let mut pages = self.pages.lock().unwrap_or_else(PoisonError::into_inner);
        *pages = None;
    }
}

/// A page everyone gets, as HTML that browsers revalidate (the numbers move).
pub fn respond(body: Bytes) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "private, no-cache"))
        .insert_header((header::VARY, "Cookie, Accept-Language"))
        .body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_page_is_renewed_by_one_request_while_the_others_get_the_old_copy() {
        let recent = Recent::new(Duration::from_millis(50), 8);
        recent.put("a|en".into(), Bytes::from_static(b"one"));
        assert_eq!(recent.get("a|en").as_deref(), Some(&b"one"[..]));
        assert_eq!(recent.get("a|de"), None);
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(
            recent.get("a|en"),
            None,
            "the first after it went stale renders"
        );
        assert_eq!(
            recent.get("a|en").as_deref(),
            Some(&b"one"[..]),
            "meanwhile: the old copy"
        );
        recent.put("a|en".into(), Bytes::from_static(b"two"));
        assert_eq!(recent.get("a|en").as_deref(), Some(&b"two"[..]));
    }

    #[test]
    fn too_many_keys_start_over_rather_than_grow() {
        let recent = Recent::new(Duration::from_secs(60), 2);
        recent.put("a".into(), Bytes::from_static(b"1"));
        recent.put("b".into(), Bytes::from_static(b"2"));
        recent.put("b".into(), Bytes::from_static(b"3"));
        assert!(recent.get("a").is_some(), "replacing a key is not growth");
        recent.put("c".into(), Bytes::from_static(b"4"));
        assert_eq!(recent.get("a"), None);
        assert_eq!(recent.get("c").as_deref(), Some(&b"4"[..]));
    }
}
