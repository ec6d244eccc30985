//! The exports of the newest release at stable URLs: schedule.xml, schedule.json and
//! iCalendar (all sessions, one session, or a chosen set such as someone's favourites).

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use devday_shared::{AppError, AppResult, AppState};
use serde::Deserialize;

use super::public::current;
use crate::export::{self, c3voc, frab, ical};
use crate::published;
use crate::snapshot::SnapSession;
use devday_shared::web::Query;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/schedule.xml", web::get().to(xml))
        .route("/{edition}/schedule.json", web::get().to(json))
        .route("/{edition}/schedule.ics", web::get().to(calendar))
        .route(
            "/{edition}/schedule/sessions/{guid}/calendar.ics",
            web::get().to(session_calendar),
        );
}

fn base_url(state: &AppState) -> String {
    state.mailer.link("").trim_end_matches('/').to_owned()
}

fn answer(content_type: &str, body: web::Bytes) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::CACHE_CONTROL, "private, max-age=30"))
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .body(body)
}

pub async fn xml(state: web::Data<AppState>, slug: web::Path<String>) -> AppResult<HttpResponse> {
    let p = current(&state, &slug).await?;
    let base = base_url(&state);
    let body = published::rendered(&p.release.id, "schedule.xml", || {
        let self_url = format!("{base}/{}/schedule.xml", p.edition.slug);
        Ok(frab::render(&export::conference(&p, &base), &self_url))
    })?;
    Ok(answer("application/xml; charset=utf-8", body))
}

pub async fn json(state: web::Data<AppState>, slug: web::Path<String>) -> AppResult<HttpResponse> {
    let p = current(&state, &slug).await?;
    let base = base_url(&state);
    let body = published::rendered(&p.release.id, "schedule.json", || {
        Ok(c3voc::render(&export::conference(&p, &base)))
    })?;
    Ok(answer("application/json", body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Only {
    /// Comma-separated session GUIDs; empty for all.
    sessions: String,
}

pub async fn calendar(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    only: Query<Only>,
) -> AppResult<HttpResponse> {
    let p = current(&state, &slug).await?;
    let base = base_url(&state);
    let wanted: Vec<&str> = only
        .sessions
        .split(',')
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .take(500)
        .collect();
    let pick = |s: &&SnapSession| wanted.is_empty() || wanted.contains(&s.guid.as_str());
    let render = || {
        let sessions: Vec<&SnapSession> = p.snapshot.sessions.iter().filter(pick).collect();
        ical::calendar(
            &p.edition.name,
            &p.edition,
            &p.release,
            &p.snapshot,
            &sessions,
            &base,
        )
    };
    // Someone's favourites are not worth keeping; the whole calendar is.
    let body = if wanted.is_empty() {
        published::rendered(&p.release.id, "schedule.ics", || Ok(render()))?
    } else {
        web::Bytes::from(render())
    };
    Ok(answer("text/calendar; charset=utf-8", body))
}

pub async fn session_calendar(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (slug, guid) = path.into_inner();
    let p = current(&state, &slug).await?;
    let base = base_url(&state);
    let session = p
        .snapshot
        .sessions
        .iter()
        .find(|s| s.guid == guid)
        .ok_or(AppError::NotFound)?;
    let body = ical::calendar(
        &p.edition.name,
        &p.edition,
        &p.release,
        &p.snapshot,
        &[session],
        &base,
    );
    Ok(answer(
        "text/calendar; charset=utf-8",
        web::Bytes::from(body),
    ))
}
