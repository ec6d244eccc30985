//! The public schedule (no login): the day grid with filters, a page per session and per
//! speaker, "now and next", and the changes between releases. Pages of a release are
//! rendered once per language and filter and served from memory; signed-in visitors get
//! a fresh page with their own header.

use devday_shared::vocabulary::UserId;
use std::sync::Arc;

use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use devday_db::now;
use devday_shared::markdown;
use devday_shared::web::cookies;
use devday_shared::web::locale;
use devday_shared::web::Page;
use devday_shared::{AppError, AppResult, AppState};
use serde::Serialize;

use crate::published::{self, Published};
use crate::release;
use crate::snapshot::{ChangeKind, SnapSession};
use crate::view::{self, Filter};
use devday_shared::web::Query;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/schedule/", web::get().to(grid))
        .route("/{edition}/schedule/now", web::get().to(now_next))
        .route("/{edition}/schedule/changes", web::get().to(changes))
        .route("/{edition}/schedule/tracks.css", web::get().to(tracks_css))
        .route(
            "/{edition}/schedule/sessions/{guid}",
            web::get().to(session),
        )
        .route("/{edition}/schedule/speakers/", web::get().to(speakers))
        .route("/{edition}/schedule/speakers/{id}", web::get().to(speaker))
        .route(
            "/{edition}/schedule/speakers/{id}/photo",
            web::get().to(photo),
        );
}

/// The newest release of the edition in the path; 404 when there is none yet.
pub(super) async fn current(state: &AppState, slug: &str) -> AppResult<Arc<Published>> {
    published::newest(state, slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// A page of the release: from memory for anonymous visitors, fresh for signed-in ones.
pub(super) async fn respond(
    req: &HttpRequest,
    state: &AppState,
    p: &Published,
    key: &str,
    template: &str,
    build: impl FnOnce(&Published, &mut tera::Context) -> AppResult<()>,
) -> AppResult<HttpResponse> {
    if req.cookie(cookies::SESSION).is_some() {
        let page = Page::extract(req).await?;
        let mut ctx = page.context();
        build(p, &mut ctx)?;
        return page.render(template, &ctx);
    }
    let lang = locale::of(req);
    let body = published::rendered(&p.release.id, &format!("{key}|{}", lang.code()), || {
        let mut ctx = tera::Context::new();
        ctx.insert("lang", lang.code());
        ctx.insert("csrf_token", "");
        ctx.insert("path", req.path());
        ctx.insert("user", &None::<()>);
        build(p, &mut ctx)?;
        state.templates.render(template, &ctx)
    })?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        // Private: a first visit also gets its CSRF cookie, which no shared cache may keep.
        .insert_header((header::CACHE_CONTROL, "private, max-age=30"))
        .insert_header((header::VARY, "Cookie, Accept-Language"))
        .body(body))
}

pub(super) fn common(p: &Published, ctx: &mut tera::Context) {
    ctx.insert("edition", &p.edition);
    ctx.insert("release", &p.release);
    ctx.insert("tracks", &p.snapshot.tracks);
    ctx.insert("rooms", &p.snapshot.rooms);
    ctx.insert("has_recordings", &!p.recordings.is_empty());
}

pub async fn grid(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    filter: Query<Filter>,
) -> AppResult<HttpResponse> {
    let p = current(&state, &slug).await?;
    let filter = filter.into_inner();
    respond(
        &req,
        &state,
        &p,
        &format!("grid|{}", filter.key()),
        "schedule/public_grid.html",
        |p, ctx| {
            let days = view::days(&p.edition, &p.snapshot);
            let day = NaiveDate::parse_from_str(&filter.day, "%Y-%m-%d")
                .ok()
                .filter(|d| days.contains(d))
                .or_else(|| days.first().copied())
                .unwrap_or(p.edition.starts_on);
            common(p, ctx);
            let mut languages: Vec<&str> = p
                .snapshot
                .sessions
                .iter()
                .map(|s| s.language.as_str())
                .collect();
            languages.sort_unstable();
            languages.dedup();
            let mut levels: Vec<&str> = p
                .snapshot
                .sessions
                .iter()
                .map(|s| s.level.as_str())
                .collect();
            levels.sort_unstable();
            levels.dedup();
            let mut kinds: Vec<(&str, &str)> = p
                .snapshot
                .sessions
                .iter()
                .map(|s| (s.session_type.as_str(), s.session_type_de.as_str()))
                .collect();
            kinds.sort_unstable();
            kinds.dedup();
            ctx.insert("languages", &languages);
            ctx.insert("levels", &levels);
            ctx.insert("kinds", &kinds);
            ctx.insert(
                "days",
                &days.iter().map(ToString::to_string).collect::<Vec<_>>(),
            );
            ctx.insert("day", &day.to_string());
            ctx.insert("filter", &filter);
            ctx.insert("filter_active", &filter.is_active());
            ctx.insert("filter_query", &filter.query());
            ctx.insert("layout", filter.layout());
            ctx.insert(
                "table",
                &view::day(&p.edition, &p.snapshot, day, &filter, None),
            );
            Ok(())
        },
    )
    .await
}

pub async fn now_next(
    state: web::Data<AppState>,
    page: Page,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let p = current(&state, &slug).await?;
    let (running, next) = view::now_and_next(&p.edition, &p.snapshot, now());
    let mut ctx = page.context();
    common(&p, &mut ctx);
    ctx.insert("running", &running);
    ctx.insert("next", &next);
    page.render("schedule/public_now.html", &ctx)
}

#[derive(Serialize)]
struct SpeakerView<'a> {
    id: &'a str,
    name: &'a str,
    company: &'a str,
    biography_html: String,
    has_photo: bool,
}

fn find<'a>(p: &'a Published, guid: &str) -> AppResult<&'a SnapSession> {
    p.snapshot
        .sessions
        .iter()
        .find(|s| s.guid == guid)
        .ok_or(AppError::NotFound)
}

pub async fn session(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (slug, guid) = path.into_inner();
    let p = current(&state, &slug).await?;
    find(&p, &guid)?;
    respond(
        &req,
        &state,
        &p,
        &format!("session|{guid}"),
        "schedule/public_session.html",
        |p, ctx| {
            let s = find(p, &guid)?;
            common(p, ctx);
            ctx.insert("item", &view::item(&p.edition, &p.snapshot, s));
            ctx.insert("abstract_html", &markdown::render(&s.abstract_md));
            ctx.insert("description_html", &markdown::render(&s.description_md));
            let speakers: Vec<SpeakerView> = s
                .speakers
                .iter()
                .map(|sp| SpeakerView {
                    id: &sp.id,
                    name: &sp.name,
                    company: &sp.company,
                    biography_html: markdown::render(&sp.biography_md),
                    has_photo: sp.has_photo,
                })
                .collect();
            ctx.insert("speakers", &speakers);
            let stream = p.stream_of(s);
            // Streams for registered people only: the page says where they find it.
            let public = p.edition.streams_public;
            ctx.insert("stream_url", &stream.filter(|_| public));
            ctx.insert("stream_for_registered", &(stream.is_some() && !public));
            ctx.insert("recording_url", &p.recordings.get(&s.guid));
            Ok(())
        },
    )
    .await
}

fn speaker_sessions<'a>(p: &'a Published, id: &str) -> Vec<&'a SnapSession> {
    p.snapshot
        .sessions
        .iter()
        .filter(|s| s.speakers.iter().any(|sp| sp.id == id))
        .collect()
}

/// Everyone who speaks in the published timetable, by name, with their sessions' titles.
pub async fn speakers(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let p = current(&state, &slug.into_inner()).await?;
    respond(
        &req,
        &state,
        &p,
        "speakers",
        "schedule/public_speakers.html",
        |p, ctx| {
            let mut people: Vec<SpeakerListing> = Vec::new();
            for session in &p.snapshot.sessions {
                let talk = (
                    session.guid.as_str(),
                    session.title.as_str(),
                    view::item(&p.edition, &p.snapshot, session).track_class,
                );
                for sp in &session.speakers {
                    match people.iter_mut().find(|l| l.id == sp.id) {
                        Some(listing) => listing.sessions.push(talk.clone()),
                        None => people.push(SpeakerListing {
                            id: &sp.id,
                            name: &sp.name,
                            initials: initials(&sp.name),
                            company: &sp.company,
                            has_photo: sp.has_photo,
                            sessions: vec![talk.clone()],
                        }),
                    }
                }
            }
            people.sort_by_cached_key(|l| l.name.to_lowercase());
            common(p, ctx);
            ctx.insert("speakers", &people);
            Ok(())
        },
    )
    .await
}

#[derive(Serialize)]
struct SpeakerListing<'a> {
    id: &'a str,
    name: &'a str,
    /// Shown where there is no photo.
    initials: String,
    company: &'a str,
    has_photo: bool,
    /// Id, title and track class of each session.
    sessions: Vec<(&'a str, &'a str, String)>,
}

/// "Ada Lovelace" → "AL": the first letters of the first and last word.
fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = |w: Option<&&str>| w.and_then(|w| w.chars().next());
    first(words.first())
        .into_iter()
        .chain(first(words.last()).filter(|_| words.len() > 1))
        .flat_map(char::to_uppercase)
        .collect()
}

pub async fn speaker(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let p = current(&state, &slug).await?;
    if speaker_sessions(&p, &id).is_empty() {
        return Err(AppError::NotFound);
    }
    respond(
        &req,
        &state,
        &p,
        &format!("speaker|{id}"),
        "schedule/public_speaker.html",
        |p, ctx| {
            let sessions = speaker_sessions(p, &id);
            let Some(sp) = sessions
                .first()
                .and_then(|s| s.speakers.iter().find(|sp| sp.id == id))
            else {
                return Err(AppError::NotFound);
            };
            common(p, ctx);
            ctx.insert(
                "speaker",
                &SpeakerView {
                    id: &sp.id,
                    name: &sp.name,
                    company: &sp.company,
                    biography_html: markdown::render(&sp.biography_md),
                    has_photo: sp.has_photo,
                },
            );
            let items: Vec<view::Item> = sessions
                .iter()
                .map(|s| view::item(&p.edition, &p.snapshot, s))
                .collect();
            ctx.insert("items", &items);
            Ok(())
        },
    )
    .await
}

/// A speaker's photo, public once they speak in a released timetable.
pub async fn photo(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let p = current(&state, &slug).await?;
    if !speaker_sessions(&p, &id)
        .iter()
        .any(|s| s.speakers.iter().any(|sp| sp.id == id && sp.has_photo))
    {
        return Err(AppError::NotFound);
    }
    let (bytes, kind) = state
        .db(move |c| Ok(devday_cfp::profiles::photo(c, &UserId::from(id))?))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, kind))
        .insert_header((header::CACHE_CONTROL, "private, max-age=300"))
        .body(bytes))
}

#[derive(Serialize)]
struct ChangeView {
    kind: ChangeKind,
    guid: String,
    title: String,
    from: String,
    to: String,
}

/// Every release with what it changed, newest first.
pub async fn changes(
    state: web::Data<AppState>,
    page: Page,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let p = current(&state, &slug).await?;
    let eid = p.edition.id.clone();
    let releases = state.db(move |c| Ok(release::releases(c, &eid)?)).await?;
    let mut versions = Vec::new();
    for r in &releases {
        let snap = r.snapshot()?;
        let slot = |s: &Option<crate::snapshot::Slot>| {
            s.as_ref()
                .map(|s| {
                    format!(
                        "{} {}",
                        p.edition.local(s.starts_at).format("%Y-%m-%d %H:%M"),
                        view::room_name(&snap, s.room_id.as_deref())
                    )
                })
                .unwrap_or_default()
        };
        let list: Vec<ChangeView> = snap
            .changes
            .iter()
            .map(|c| ChangeView {
                kind: c.kind,
                guid: c.guid.clone(),
                title: c.title.clone(),
                from: slot(&c.from),
                to: slot(&c.to),
            })
            .collect();
        versions.push(serde_json::json!({
            "number": r.number, "name": r.name, "comment": r.comment,
            "released_at": p.edition.local(r.released_at).format("%Y-%m-%d %H:%M").to_string(),
            "changes": list,
        }));
    }
    let mut ctx = page.context();
    common(&p, &mut ctx);
    ctx.insert("versions", &versions);
    page.render("schedule/public_changes.html", &ctx)
}

/// Track colours as classes (the CSP allows no inline styles).
pub async fn tracks_css(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let p = current(&state, &slug).await?;
    let css = published::rendered(&p.release.id, "tracks.css", || {
        Ok(crate::view::track_css(&p.snapshot.tracks))
    })?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "private, max-age=60"))
        .body(css))
}
