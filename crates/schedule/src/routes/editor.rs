//! The organisers' timetable editor, one screen: a toolbar (days, conflicts, undo,
//! optimiser, release), the day's grid, and beside it the unscheduled sessions with the
//! form of the selected session (the keyboard way; drag and drop sends the same form).
//! Every change answers with a redirect back to the editor, which the page's script
//! fetches and swaps in place, so the scroll position stays.

use devday_shared::vocabulary::ProposalId;
use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use devday_shared::bilingual::pick;
use devday_shared::i18n::Locale;
use devday_shared::web::{CsrfForm, Flash, Organiser, Page, Query};
use devday_shared::{AppError, AppResult, AppState, FieldErrors, Refusal};
use serde::{Deserialize, Serialize};

use crate::draft::{self, PlaceForm, Session};
use crate::history::{self, ActionKind, Batch};
use crate::release::{self, Draft};
use crate::{board, grid, setup, suggest, view};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/manage/schedule", web::get().to(show))
        .route(
            "/{edition}/manage/schedule/tracks.css",
            web::get().to(tracks_css),
        )
        .route(
            "/{edition}/manage/schedule/sessions/{proposal}",
            web::post().to(place),
        )
        .route(
            "/{edition}/manage/schedule/sessions/{proposal}/unplace",
            web::post().to(unplace),
        )
        .route("/{edition}/manage/schedule/undo", web::post().to(undo));
}

/// The editor's address: the day, the selected session and the list's filter.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct EditorQuery {
    day: String,
    /// The selected session (its form is shown).
    edit: String,
    /// Filter of the unscheduled list: text in title or speakers, track id, session type.
    q: String,
    track: String,
    kind: String,
}

/// What went wrong with the last action, shown on the page.
#[derive(Default)]
struct Problem {
    errors: FieldErrors,
    /// A refusal to show above the grid (its message id).
    notice: Option<String>,
    /// The form as sent, shown again.
    form: Option<PlaceForm>,
}

/// The selected session's form as the page shows it.
#[derive(Serialize)]
struct SessionForm {
    id: String,
    title: String,
    speakers: String,
    placed: bool,
    day: String,
    room: String,
    start: String,
    duration: String,
    version: i32,
    pinned: bool,
}

/// An unscheduled session in the list beside the grid.
#[derive(Serialize)]
struct Waiting<'a> {
    id: &'a str,
    title: &'a str,
    speakers: String,
    minutes: i32,
    track: Option<usize>,
    kind: &'a str,
}

fn speakers(s: &Session) -> String {
    s.speakers
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl EditorQuery {
    fn admits(&self, s: &Session, lang: Locale) -> bool {
        let q = self.q.trim().to_lowercase();
        (q.is_empty()
            || s.title.to_lowercase().contains(&q)
            || s.speakers
                .iter()
                .any(|p| p.name.to_lowercase().contains(&q)))
            && (self.track.is_empty() || s.track_id.as_deref() == Some(&self.track))
            && (self.kind.is_empty()
                || pick(lang, &s.session_type, &s.session_type_de) == self.kind)
    }
}

fn form_of(
    edition: &devday_shared::editions::Edition,
    s: &Session,
    day: NaiveDate,
    day_starts: chrono::NaiveTime,
) -> SessionForm {
    let (d, start) = s.placement.as_ref().map_or((day, day_starts), |p| {
        grid::local_parts(edition, p.starts_at)
    });
    SessionForm {
        id: s.proposal_id.to_string(),
        title: s.title.clone(),
        speakers: speakers(s),
        placed: s.placement.is_some(),
        day: d.to_string(),
        room: s
            .placement
            .as_ref()
            .map(|p| p.room_id.as_deref().unwrap_or("all").to_owned())
            .unwrap_or_default(),
        start: start.format("%H:%M").to_string(),
        duration: s
            .placement
            .as_ref()
            .map_or(s.default_minutes, |p| p.duration_minutes)
            .to_string(),
        version: s.placement.as_ref().map_or(0, |p| p.version),
        pinned: s.placement.as_ref().is_some_and(|p| p.pinned),
    }
}

/// The conflicts of the draft as the page shows them, and by session the reasons.
fn conflicts_of(
    draft: &Draft,
) -> (
    Vec<serde_json::Value>,
    HashMap<&str, Vec<serde_json::Value>>,
) {
    let titles: HashMap<&str, &str> = draft
        .sessions
        .iter()
        .map(|s| (s.proposal_id.as_str(), s.title.as_str()))
        .collect();
    let mut reasons: HashMap<&str, Vec<serde_json::Value>> = HashMap::new();
    let list = draft
        .conflicts
        .iter()
        .map(|c| {
            let reason = serde_json::json!({
                "severity": c.severity,
                "message": c.kind.message_id(),
                "subject": c.subject,
            });
            for id in &c.sessions {
                reasons.entry(id.as_str()).or_default().push(reason.clone());
            }
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
    (list, reasons)
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    query: &EditorQuery,
    problem: Problem,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let eid = edition.id.clone();
    let (draft, rooms, grid_settings, tracks, breaks, last, pending) = state
        .db(move |c| {
            let draft = release::draft(c, &eid)?;
            let pending = release::unreleased_changes(c, &eid, &draft.sessions)?;
            Ok((
                draft,
                setup::rooms(c, &eid)?,
                setup::grid_settings(c, &eid)?,
                devday_cfp::settings::tracks(c, &eid)?,
                setup::breaks(c, &eid)?,
                history::last(c, &eid)?,
                pending,
            ))
        })
        .await?;
    let days = grid::days(&edition);
    let day = NaiveDate::parse_from_str(&query.day, "%Y-%m-%d")
        .ok()
        .filter(|d| days.contains(d))
        .or_else(|| days.first().copied())
        .unwrap_or(edition.starts_on);
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
    let board = steps.map(|steps| board::day(&edition, &snapshot, day, steps));
    let (conflicts, reasons) = conflicts_of(&draft);
    let versions: HashMap<&str, (i32, bool)> = draft
        .sessions
        .iter()
        .filter_map(|s| {
            s.placement
                .as_ref()
                .map(|p| (s.proposal_id.as_str(), (p.version, p.pinned)))
        })
        .collect();
    let lang = page.locale;
    let track_of = |s: &Session| {
        s.track_id
            .as_ref()
            .and_then(|t| snapshot.tracks.iter().position(|x| &x.id == t))
    };
    let unplaced: Vec<&Session> = draft
        .sessions
        .iter()
        .filter(|s| s.placement.is_none())
        .collect();
    let waiting: Vec<Waiting> = unplaced
        .iter()
        .filter(|s| query.admits(s, lang))
        .map(|s| Waiting {
            id: &s.proposal_id,
            title: &s.title,
            speakers: speakers(s),
            minutes: s.default_minutes,
            track: track_of(s),
            kind: pick(lang, &s.session_type, &s.session_type_de),
        })
        .collect();
    let mut kinds: Vec<&str> = draft
        .sessions
        .iter()
        .map(|s| pick(lang, &s.session_type, &s.session_type_de))
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    let selected = draft
        .sessions
        .iter()
        .find(|s| s.proposal_id == query.edit)
        .map(|s| {
            let mut form = form_of(&edition, s, day, grid_settings.day_starts);
            if let Some(sent) = &problem.form {
                form.day = sent.day.clone();
                form.room = sent.room.clone();
                form.start = sent.start.clone();
                form.duration = sent.duration.clone();
            }
            form
        });
    let mut ctx = page.context();
    ctx.insert("edition", &edition);
    ctx.insert(
        "days",
        &days.iter().map(ToString::to_string).collect::<Vec<_>>(),
    );
    ctx.insert("day", &day.to_string());
    ctx.insert("rooms", &rooms);
    ctx.insert("board", &board);
    ctx.insert("tracks", &snapshot.tracks);
    ctx.insert("versions", &versions);
    ctx.insert("reasons", &reasons);
    ctx.insert("conflicts", &conflicts);
    ctx.insert("hard", &draft.hard_conflicts());
    ctx.insert("warnings", &draft.warnings());
    ctx.insert("waiting", &waiting);
    ctx.insert("unplaced", &unplaced.len());
    ctx.insert("placed", &versions.len());
    ctx.insert("kinds", &kinds);
    ctx.insert("query", query);
    ctx.insert("selected", &selected);
    ctx.insert("errors", &problem.errors);
    ctx.insert("notice", &problem.notice);
    ctx.insert("granularity", &grid_settings.granularity_minutes);
    ctx.insert("last", &last);
    ctx.insert("pending", &pending);
    ctx.insert("job", &suggest::job(&edition.id));
    page.render_status(status, "schedule/editor.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    query: Query<EditorQuery>,
) -> AppResult<HttpResponse> {
    render(
        &state,
        &page,
        &access,
        &query,
        Problem::default(),
        StatusCode::OK,
    )
    .await
}

/// Track colours of the draft as classes (the CSP allows no inline styles).
pub async fn tracks_css(state: web::Data<AppState>, access: Organiser) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let tracks = state
        .db(move |c| Ok(devday_cfp::settings::tracks(c, &eid)?))
        .await?;
    let snapshot = release::outline(&[], tracks, &[], &[]);
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "private, no-cache"))
        .body(view::track_css(&snapshot.tracks)))
}

/// Back to the editor on `day` with `edit` selected, saying what was done, on success;
/// the editor with the problem otherwise.
#[allow(clippy::too_many_arguments)]
async fn answer(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    day: &str,
    edit: Option<&str>,
    form: Option<PlaceForm>,
    result: AppResult<Flash>,
) -> AppResult<HttpResponse> {
    let query = EditorQuery {
        day: day.to_owned(),
        edit: edit.unwrap_or_default().to_owned(),
        ..EditorQuery::default()
    };
    let mut problem = Problem {
        form,
        ..Problem::default()
    };
    let status = match result {
        Ok(done) => {
            // Only a real date and a session that was just changed go into the address.
            let day = NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map(|d| d.to_string())
                .unwrap_or_default();
            let edit = edit.map(|e| format!("&edit={e}")).unwrap_or_default();
            return Ok(page.done(
                &format!("/{}/manage/schedule?day={day}{edit}", access.edition.slug),
                done,
            ));
        }
        Err(AppError::Invalid(errors)) => {
            problem.errors = errors;
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Err(AppError::Refused(
            refusal @ (Refusal::TimetableChangedMeanwhile | Refusal::NothingToUndo),
        )) => {
            problem.notice = Some(refusal.message_id());
            problem.form = None;
            StatusCode::CONFLICT
        }
        Err(e) => return Err(e),
    };
    render(state, page, access, &query, problem, status).await
}

pub async fn place(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<PlaceForm>,
) -> AppResult<HttpResponse> {
    let proposal = ProposalId::from(path.into_inner().1);
    let edition = access.edition.clone();
    let batch = Batch::new(Some(&access.user.id));
    let (id, sent) = (proposal.clone(), form.clone());
    let result = state
        .db(move |c| {
            let grid_settings = setup::grid_settings(c, &edition.id)?;
            let rooms = setup::rooms(c, &edition.id)?;
            draft::place(c, &edition, &grid_settings, &rooms, &id, &sent, &batch)?;
            // Version 0 is a session that was not on the grid.
            let key = match sent.version.trim() {
                "0" => "flash-session-placed",
                _ => "flash-session-moved",
            };
            Ok(Flash::new(key).text("title", &draft::title(c, &id)?))
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
    let proposal = ProposalId::from(path.into_inner().1);
    let eid = access.edition.id.clone();
    let version = form.version.trim().parse::<i32>().unwrap_or(-1);
    let batch = Batch::new(Some(&access.user.id));
    let id = proposal.clone();
    let result = state
        .db(move |c| {
            draft::unplace(c, &eid, &id, version, &batch)?;
            Ok(Flash::new("flash-session-unplaced").text("title", &draft::title(c, &id)?))
        })
        .await;
    answer(&state, &page, &access, &form.day, None, None, result).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UndoForm {
    day: String,
}

/// Takes back the last change to the draft (all of the optimiser's moves at once).
pub async fn undo(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<UndoForm>,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let result = state
        .db(move |c| {
            let action = history::undo(c, &eid)?;
            Ok(match action.kind {
                ActionKind::Several => {
                    Flash::new("flash-undone-several").count("n", action.sessions)
                }
                _ => Flash::new("flash-undone").text("title", &action.title),
            })
        })
        .await;
    answer(&state, &page, &access, &form.day, None, None, result).await
}
