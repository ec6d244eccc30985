//! The public side's source: the newest release of an edition, parsed once and kept in
//! memory. Releases never change, so a cached copy is only checked for a newer release
//! about once a second; with several server instances a new release shows within that.
//! While one request checks, the others keep the copy they have: a slow database moment
//! then delays that one request, not every visitor arriving meanwhile.

use devday_shared::vocabulary::ProposalId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use actix_web::web::Bytes;
use devday_db::DbConn;
use devday_shared::editions::slots::Slot;
use devday_shared::editions::{queries, Edition};
use devday_shared::{AppResult, AppState};

use crate::release::{self, Release};
use crate::snapshot::{SnapSession, Snapshot};
use crate::{recordings, streams};

/// How long a lookup of "the newest release" is trusted.
const FRESH_FOR: Duration = Duration::from_secs(1);
/// A check that has not come back after this long (it failed) is left to the next request.
const CHECK_GIVEN_UP: Duration = Duration::from_secs(10);
/// Rendered pages and exports kept per process (pages × languages × filters).
const MAX_RENDERED: usize = 4096;

pub struct Published {
    pub edition: Edition,
    pub release: Release,
    pub snapshot: Snapshot,
    /// Recording links by session; they come after the release, so pages read them here.
    pub recordings: HashMap<String, String>,
    /// Sessions with a live stream of their own (not their room's), by proposal id.
    pub streams: HashMap<String, String>,
}

struct Entry {
    checked: Instant,
    published: Option<Arc<Published>>,
    /// A request is looking for a newer release (since this instant).
    checking: Option<Instant>,
}

#[derive(Default)]
struct Cache {
    by_slug: HashMap<String, Entry>,
    /// (release id, what) → rendered body.
    rendered: HashMap<(String, String), Bytes>,
}

static CACHE: Mutex<Option<Cache>> = Mutex::new(None);

fn with_cache<T>(f: impl FnOnce(&mut Cache) -> T) -> T {
    let mut guard = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    f(guard.get_or_insert_with(Cache::default))
}

/// The cached newest release of `slug`, if looked up less than a second ago or while
/// another request looks again; `None` tells this caller to [`load`] it.
pub fn cached(slug: &str) -> Option<Option<Arc<Published>>> {
    with_cache(|c| {
        let entry = c.by_slug.get_mut(slug)?;
        if entry.checked.elapsed() < FRESH_FOR {
            return Some(entry.published.clone());
        }
        match entry.checking {
            Some(since) if since.elapsed() < CHECK_GIVEN_UP => Some(entry.published.clone()),
            _ => {
                entry.checking = Some(Instant::now());
                None
            }
        }
    })
}

impl Published {
    /// Where a session is streamed: its own stream, else its room's; None if neither.
    pub fn stream_of(&self, session: &SnapSession) -> Option<&str> {
        self.streams
            .get(&session.guid)
            .map(String::as_str)
            .or_else(|| {
                let room = session.room_id.as_ref()?;
                let room = self.snapshot.rooms.iter().find(|r| r.id == *room)?;
                Some(room.stream_url.as_str())
            })
            .filter(|u| !u.is_empty())
    }
}

/// Drops what this process knows of `slug`'s releases (after a new release here; other
/// instances notice within [`FRESH_FOR`]).
pub fn forget(slug: &str) {
    with_cache(|c| c.by_slug.remove(slug));
}

/// The newest release of `slug` from the database (reusing the parsed copy if unchanged).
pub fn load(conn: &mut DbConn, slug: &str) -> AppResult<Option<Arc<Published>>> {
    let Some(edition) = queries::by_slug(conn, slug)? else {
        return Ok(None);
    };
    let newest = release::latest(conn, &edition.id)?;
    let recordings = recordings::of_edition(conn, &edition.id)?;
    let streams = streams::of_edition(conn, &edition.id)?;
    let known = with_cache(|c| c.by_slug.get(slug).and_then(|e| e.published.clone()));
    let published = match newest {
        None => None,
        Some(r)
            if known.as_ref().is_some_and(|k| {
                k.release.id == r.id
                    && k.edition.name == edition.name
                    && k.recordings == recordings
                    && k.streams == streams
            }) =>
        {
            known
        }
        Some(r) => {
            // Pages rendered from an older copy (say, without a new recording) are stale.
            with_cache(|c| c.rendered.retain(|(release, _), _| *release != r.id));
            Some(Arc::new(Published {
                snapshot: r.snapshot()?,
                release: Release {
                    snapshot: String::new(),
                    ..r
                },
                edition,
                recordings,
                streams,
            }))
        }
    };
    with_cache(|c| {
        c.by_slug.insert(
            slug.to_owned(),
            Entry {
                checked: Instant::now(),
                published: published.clone(),
                checking: None,
            },
        )
    });
    Ok(published)
}

/// The newest release of the edition with this slug, from memory when the copy is fresh;
/// `None` while nothing is published (or no such edition).
pub async fn newest(state: &AppState, slug: &str) -> AppResult<Option<Arc<Published>>> {
    match cached(slug) {
        Some(hit) => Ok(hit),
        None => {
            let slug = slug.to_owned();
            state.db(move |c| load(c, &slug)).await
        }
    }
}

/// Where proposal `id` sits in the newest release of `edition` (the speaker's proposal page
/// shows it); `None` before it is released or when it is not in the programme.
pub fn slot_of(conn: &mut DbConn, edition: &Edition, id: &ProposalId) -> AppResult<Option<Slot>> {
    let published = match cached(&edition.slug) {
        Some(published) => published,
        None => load(conn, &edition.slug)?,
    };
    Ok(published.and_then(|p| {
        let session = p.snapshot.sessions.iter().find(|s| s.guid == id)?;
        let room = session
            .room_id
            .as_deref()
            .map(|r| crate::view::room_name(&p.snapshot, Some(r)));
        Some(Slot {
            starts_at: session.starts_at,
            ends_at: session.ends_at(),
            room,
            url: format!("/{}/schedule/sessions/{}", edition.slug, session.guid),
        })
    }))
}

/// A rendered page or export of a release, rendered once by `render`.
pub fn rendered(
    release_id: &str,
    what: &str,
    render: impl FnOnce() -> AppResult<String>,
) -> AppResult<Bytes> {
    let key = (release_id.to_owned(), what.to_owned());
    if let Some(hit) = with_cache(|c| c.rendered.get(&key).cloned()) {
        return Ok(hit);
    }
    let body = Bytes::from(render()?);
    with_cache(|c| {
        if c.rendered.len() >= MAX_RENDERED {
            c.rendered.clear();
        }
        c.rendered.insert(key, body.clone());
    });
    Ok(body)
}
