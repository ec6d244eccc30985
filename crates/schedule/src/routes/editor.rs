//! The organisers' timetable editor: the draft grid of a day, the unscheduled sessions,
//! a form per session (the keyboard way; drag and drop fills and sends the same form),
//! the conflicts, and releasing.

use devday_shared::Refusal;
use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use devday_shared::web::{CsrfForm, Flash, Organiser, Page};
use devday_shared::{AppError, AppResult, AppState, FieldErrors};
use serde::{Deserialize, Serialize};

use crate::draft::{self, PlaceForm};
use crate::release::{self, ReleaseForm};
use crate::suggest::{self, Mode};
use crate::view::{self, Filter};
use crate::{grid, setup};
use devday_shared::web::Query;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/manage/schedule", web::get().to(show))
        .route(
            "/{edition}/manage/schedule/sessions/{proposal}",
            web::post().to(place),
        )
        .route(
            "/{edition}/manage/schedule/sessions/{proposal}/unplace",
            web::post().to(unplace),
        )
        .route(
            "/{edition}/manage/schedule/release",
            web::post().to(release),
        )
        .route(
            "/{edition}/manage/schedule/suggest",
            web::post().to(suggest),
        )
        .route(
            "/{edition}/manage/schedule/suggest/{action}",
            web::post().to(suggest_action),
        );
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DayQuery {
    day: String,
}

/// What went wrong with the last action, shown on the page.
#[derive(Default)]
struct Problem {
    /// The session whose form had errors.
    session: Option<String>,
    errors: FieldErrors,
    release_errors: FieldErrors,
    /// A refusal to show above the grid (its message id).
    notice: Option<String>,
    /// The form as sent, shown again.
    form: Option<PlaceForm>,
}

/// A session's form as the page shows it.
#[derive(Serialize)]
struct SessionForm {
    id: String,
    title: String,
    speakers: String,
    minutes: i32,
    placed: bool,
    day: String,
    room: String,
    start: String,
    duration: String,
    version: i32,
    conflicted: bool,
    pinned: bool,
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    day: &str,
    problem: Problem,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let eid = edition.id.clone();
    let (draft, rooms, grid_settings, releases, tracks, breaks) = state
        .db(move |c| {
            Ok((
                release::draft(c, &eid)?,
                setup::rooms(c, &eid)?,
                setup::grid_settings(c, &eid)?,
                release::releases(c, &eid)?,
                devday_cfp::settings::tracks(c, &eid)?,
                setup::breaks(c, &eid)?,
            ))
        })
        .await?;
    let days = grid::days(&edition);
    let day = NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .filter(|d| days.contains(d))
        .or_else(|| days.first().copied())
        .unwrap_or(edition.starts_on);
    let conflicted: Vec<&str> = draft
        .conflicts
        .iter()
        .flat_map(|c| c.sessions.iter().map(String::as_str))
        .collect();
    // The draft in the public shape, so the grid is drawn the way the public will see it.
    let snapshot = release::outline(&rooms, tracks, &breaks, &draft.sessions);
    let steps = grid::to_utc(&edition, day, grid_settings.day_starts)
        .zip(grid::to_utc(&edition, day, grid_settings.day_ends))
        .map(|(from, to)| {
            (
                from,
                to,
                i64::from(grid_settings.granularity_minutes.max(5)),
            )
        });
    let table = view::day(&edition, &snapshot, day, &Filter::default(), steps);
    let titles: HashMap<&str, &str> = draft
        .sessions
        .iter()
        .map(|s| (s.proposal_id.as_str(), s.title.as_str()))
        .collect();
    let conflicts: Vec<serde_json::Value> = draft
        .conflicts
        .iter()
        .map(|c| {
            serde_json::json!({
                "severity": c.severity,
                "message": c.kind.message_id(),
                "subject": c.subject,
                "sessions": c.sessions.iter().map(|id| serde_json::json!({
                    "id": id, "title": titles.get(id.as_str()).copied().unwrap_or_default(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let forms: Vec<SessionForm> = draft
        .sessions
        .iter()
        .map(|s| {
            let (d, start) = s
                .placement
                .as_ref()
                .map_or((day, grid_settings.day_starts), |p| {
                    grid::local_parts(&edition, p.starts_at)
                });
            let mut form = SessionForm {
                id: s.proposal_id.clone(),
                title: s.title.clone(),
                speakers: s
                    .speakers
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                minutes: s
                    .placement
                    .as_ref()
                    .map_or(s.default_minutes, |p| p.duration_minutes),
                placed: s.placement.is_some(),
                day: d.to_string(),
                room: s
                    .placement
                    .as_ref()
                    .map(|p| p.room_id.clone().unwrap_or_else(|| "all".into()))
                    .unwrap_or_default(),
                start: start.format("%H:%M").to_string(),
                duration: String::new(),
                version: s.placement.as_ref().map_or(0, |p| p.version),
                conflicted: conflicted.contains(&s.proposal_id.as_str()),
                pinned: s.placement.as_ref().is_some_and(|p| p.pinned),
            };
            form.duration = form.minutes.to_string();
            if problem.session.as_deref() == Some(&s.proposal_id) {
                if let Some(sent) = &problem.form {
                    form.day = sent.day.clone();
                    form.room = sent.room.clone();
                    form.start = sent.start.clone();
                    form.duration = sent.duration.clone();
                }
            }
            form
        })
        .collect();
    let mut ctx = page.context();
    ctx.insert("edition", &edition);
    ctx.insert(
        "days",
        &days.iter().map(ToString::to_string).collect::<Vec<_>>(),
    );
    ctx.insert("day", &day.to_string());
    ctx.insert("rooms", &rooms);
    ctx.insert("table", &table);
    ctx.insert("forms", &forms);
    ctx.insert("conflicts", &conflicts);
    ctx.insert("conflicted", &conflicted);
    ctx.insert("hard", &draft.hard_conflicts());
    ctx.insert("warnings", &draft.warnings());
    ctx.insert("releases", &releases);
    ctx.insert("error_session", &problem.session);
    ctx.insert("errors", &problem.errors);
    ctx.insert("release_errors", &problem.release_errors);
    ctx.insert("notice", &problem.notice);
    ctx.insert("granularity", &grid_settings.granularity_minutes);
    let job = suggest::job(&edition.id);
    let room_name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| rooms.iter().find(|r| &r.id == id))
            .map(|r| r.name.clone())
            .unwrap_or_default()
    };
    let place = |p: &(Option<String>, chrono::NaiveDateTime)| {
        format!(
            "{} {}",
            edition.local(p.1).format("%Y-%m-%d %H:%M"),
            room_name(&p.0)
        )
    };
    let proposal: Vec<(String, String, String)> = job
        .iter()
        .flat_map(|j| j.changes.iter())
        .map(|c| {
            (
                c.title.clone(),
                c.from.as_ref().map(place).unwrap_or_default(),
                place(&c.to),
            )
        })
        .collect();
    ctx.insert("job", &job);
    ctx.insert("proposal", &proposal);
    page.render_status(status, "schedule/editor.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    query: Query<DayQuery>,
) -> AppResult<HttpResponse> {
    render(
        &state,
        &page,
        &access,
        &query.day,
        Problem::default(),
        StatusCode::OK,
    )
    .await
}

/// Back to the editor, saying what was done, on success; the editor with the problem
/// otherwise.
async fn answer(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    day: &str,
    proposal: Option<&str>,
    form: Option<PlaceForm>,
    result: AppResult<Flash>,
) -> AppResult<HttpResponse> {
    let mut problem = Problem {
        session: proposal.map(str::to_owned),
        form,
        ..Problem::default()
    };
    let status = match result {
        Ok(done) => {
            let anchor = proposal.map(|p| format!("#s-{p}")).unwrap_or_default();
            return Ok(page.done(
                &format!("/{}/manage/schedule?day={day}{anchor}", access.edition.slug),
                done,
            ));
        }
        Err(AppError::Invalid(errors)) if proposal.is_some() => {
            problem.errors = errors;
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Err(AppError::Invalid(errors)) => {
            problem.release_errors = errors;
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Err(AppError::Refused(refusal @ Refusal::TimetableChangedMeanwhile)) => {
            problem.notice = Some(refusal.message_id());
            StatusCode::CONFLICT
        }
        Err(e) => return Err(e),
    };
    render(state, page, access, day, problem, status).await
}

pub async fn place(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<PlaceForm>,
) -> AppResult<HttpResponse> {
    let proposal = path.into_inner().1;
    let edition = access.edition.clone();
    let (id, sent) = (proposal.clone(), form.clone());
    let result = state
        .db(move |c| {
            let grid_settings = setup::grid_settings(c, &edition.id)?;
            let rooms = setup::rooms(c, &edition.id)?;
            draft::place(c, &edition, &grid_settings, &rooms, &id, &sent)
                .map(|_| Flash::new("flash-session-placed"))
        })
        .await;
    let day = form.day.clone();
    answer(
        &state,
        &page,
        &access,
        &day,
        Some(&proposal),
        Some(form),
        result,
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UnplaceForm {
    version: String,
    day: String,
}

pub async fn unplace(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<UnplaceForm>,
) -> AppResult<HttpResponse> {
    let proposal = path.into_inner().1;
    let eid = access.edition.id.clone();
    let version = form.version.trim().parse::<i32>().unwrap_or(-1);
    let id = proposal.clone();
    let result = state
        .db(move |c| {
            draft::unplace(c, &eid, &id, version).map(|()| Flash::new("flash-session-unplaced"))
        })
        .await;
    answer(
        &state,
        &page,
        &access,
        &form.day,
        Some(&proposal),
        None,
        result,
    )
    .await
}

pub async fn release(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<ReleaseForm>,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let by = access.user.id.clone();
    let mailer = state.mailer.clone();
    let result = state
        .db(move |c| {
            release::release(c, &mailer, &edition, &form, &by).map(|r| {
                Flash::new("flash-released")
                    .count("number", r.number)
                    .text("name", &r.name)
            })
        })
        .await;
    answer(&state, &page, &access, "", None, None, result).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SuggestForm {
    /// `scratch` or `improve`.
    mode: String,
}

/// Starts the optimiser in the background; the editor shows its progress.
pub async fn suggest(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<SuggestForm>,
) -> AppResult<HttpResponse> {
    let mode = if form.mode == "improve" {
        Mode::Improve
    } else {
        Mode::Scratch
    };
    let edition = access.edition.clone();
    let result = state
        .db(move |c| {
            let prepared = suggest::prepare(c, &edition)?;
            suggest::start(&edition.id, prepared, mode)?;
            Ok(Flash::new("flash-optimiser-started"))
        })
        .await;
    suggest_answer(&state, &page, &access, result).await
}

/// `stop`, `accept` or `discard` the optimiser's run.
pub async fn suggest_action(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<devday_shared::web::NoFields>,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let result = match path.into_inner().1.as_str() {
        "stop" => {
            suggest::stop(&edition.id);
            Ok(Flash::new("flash-optimiser-stopped"))
        }
        "discard" => {
            suggest::discard(&edition.id);
            Ok(Flash::new("flash-optimiser-discarded"))
        }
        "accept" => {
            state
                .db(move |c| {
                    suggest::accept(c, &edition)
                        .map(|n| Flash::new("flash-optimiser-accepted").count("n", n))
                })
                .await
        }
        _ => Err(AppError::NotFound),
    };
    suggest_answer(&state, &page, &access, result).await
}

async fn suggest_answer(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    result: AppResult<Flash>,
) -> AppResult<HttpResponse> {
    match result {
        Ok(done) => Ok(page.done(
            &format!("/{}/manage/schedule#optimiser", access.edition.slug),
            done,
        )),
        Err(AppError::Refused(refusal)) => {
            let problem = Problem {
                notice: Some(refusal.message_id()),
                ..Problem::default()
            };
            render(state, page, access, "", problem, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e),
    }
}
