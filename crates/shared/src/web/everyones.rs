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
    pages: Mutex<Option<HashMap<String, Entry>>>,
}

struct Entry {
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
    /// request renders it again; otherwise the [`Renewal`] this caller renders it under.
    pub fn get(&self, key: &str) -> Result<Bytes, Renewal<'_>> {
        // Made only when handed out: dropping an unused one would end another's renewal.
        let renewal = || Renewal {
            recent: self,
            key: key.to_owned(),
            settled: false,
        };
        let mut pages = self.lock();
        let Some(entry) = pages.as_mut().and_then(|p| p.get_mut(key)) else {
            return Err(renewal());
        };
        if entry.at.elapsed() < self.fresh_for {
            return Ok(entry.body.clone());
        }
        match entry.renewing {
            Some(since) if since.elapsed() < RENEWAL_GIVEN_UP => Ok(entry.body.clone()),
            _ => {
                entry.renewing = Some(Instant::now());
                Err(renewal())
            }
        }
    }

    fn put(&self, key: String, body: Bytes) {
        let mut pages = self.lock();
        let pages = pages.get_or_insert_with(HashMap::new);
        if pages.len() >= self.max && !pages.contains_key(&key) {
            pages.clear();
        }
        let entry = Entry {
            at: Instant::now(),
            body,
            renewing: None,
        };
        pages.insert(key, entry);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<HashMap<String, Entry>>> {
        self.pages.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Forgets every page (after a change this instance made and wants seen at once).
    pub fn clear(&self) {
        *self.lock() = None;
    }
}

/// The right, and duty, to render a page again. Whatever ends the request without
/// [`Renewal::put`] (an error, a visitor who went away) lets the next request try, instead
/// of leaving the others on the old copy.
pub struct Renewal<'a> {
    recent: &'a Recent,
    key: String,
    settled: bool,
}

impl Renewal<'_> {
    pub fn put(mut self, body: Bytes) {
        self.recent.put(std::mem::take(&mut self.key), body);
        self.settled = true;
    }

    /// The page is gone (its edition renamed or deleted): nobody gets the old copy.
    pub fn forget(mut self) {
        if let Some(pages) = self.recent.lock().as_mut() {
            pages.remove(&self.key);
        }
        self.settled = true;
    }
}

impl Drop for Renewal<'_> {
    fn drop(&mut self) {
        if self.settled {
            return;
        }
        if let Some(entry) = self
            .recent
            .lock()
            .as_mut()
            .and_then(|p| p.get_mut(&self.key))
        {
            entry.renewing = None;
        }
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
        assert_eq!(recent.get("a|en").ok().as_deref(), Some(&b"one"[..]));
        assert!(recent.get("a|de").is_err(), "never rendered: render it");
        std::thread::sleep(Duration::from_millis(60));
        let renewal = recent
            .get("a|en")
            .expect_err("the first after it went stale renders");
        assert_eq!(
            recent.get("a|en").ok().as_deref(),
            Some(&b"one"[..]),
            "meanwhile: the old copy"
        );
        assert!(
            recent.get("a|en").is_ok(),
            "a second visitor meanwhile does not renew too"
        );
        renewal.put(Bytes::from_static(b"two"));
        assert_eq!(recent.get("a|en").ok().as_deref(), Some(&b"two"[..]));
    }

    #[test]
    fn a_renewal_that_fails_lets_the_next_request_try_and_a_gone_page_is_forgotten() {
        let recent = Recent::new(Duration::from_millis(10), 8);
        recent.put("a".into(), Bytes::from_static(b"old"));
        std::thread::sleep(Duration::from_millis(20));
        drop(recent.get("a").expect_err("renew"));
        assert!(
            recent.get("a").is_err(),
            "dropped without a page: the next one renews"
        );
        recent.get("a").expect_err("renew").forget();
        let again = recent.get("a").expect_err("forgotten: nothing to serve");
        drop(again);
        assert!(recent.get("a").is_err());
    }

    #[test]
    fn too_many_keys_start_over_rather_than_grow() {
        let recent = Recent::new(Duration::from_secs(60), 2);
        recent.put("a".into(), Bytes::from_static(b"1"));
        recent.put("b".into(), Bytes::from_static(b"2"));
        recent.put("b".into(), Bytes::from_static(b"3"));
        assert!(recent.get("a").is_ok(), "replacing a key is not growth");
        recent.put("c".into(), Bytes::from_static(b"4"));
        assert!(recent.get("a").is_err());
        assert_eq!(recent.get("c").ok().as_deref(), Some(&b"4"[..]));
    }
}
