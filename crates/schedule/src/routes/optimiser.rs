//! The optimiser's page: start a run (from scratch or improving the draft), watch its
//! progress, compare its proposal with the draft change by change, accept or discard it.

use crate::model::RoomId;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::web::{CsrfForm, Flash, NoFields, Organiser, Page};
use devday_shared::{AppError, AppResult, AppState};
use serde::{Deserialize, Serialize};

use crate::setup;
use crate::suggest::{self, Mode};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/manage/schedule/optimiser", web::get().to(show))
        .route(
            "/{edition}/manage/schedule/suggest",
            web::post().to(suggest),
        )
        .route(
            "/{edition}/manage/schedule/suggest/{action}",
            web::post().to(suggest_action),
        );
}

/// A proposed move: the session, where it was (if placed) and where it would go.
#[derive(Serialize)]
struct Move {
    title: String,
    from: Option<String>,
    to: String,
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    notice: Option<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let eid = edition.id.clone();
    let rooms = state.db(move |c| Ok(setup::rooms(c, &eid)?)).await?;
    let job = suggest::job(&edition.id);
    let place = |p: &(Option<RoomId>, chrono::NaiveDateTime)| {
        let room = rooms
            .iter()
            .find(|r| Some(&r.id) == p.0.as_ref())
            .map(|r| r.name.clone())
            .unwrap_or_default();
        format!("{} {room}", edition.local(p.1).format("%Y-%m-%d %H:%M"))
    };
    let moves: Vec<Move> = job
        .iter()
        .flat_map(|j| j.changes.iter())
        .map(|c| Move {
            title: c.title.clone(),
            from: c.from.as_ref().map(place),
            to: place(&c.to),
        })
        .collect();
    let mut ctx = page.context();
    ctx.insert("edition", &edition);
    ctx.insert("job", &job);
    ctx.insert("moves", &moves);
    ctx.insert("notice", &notice);
    page.render_status(status, "schedule/optimiser.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    render(&state, &page, &access, None, StatusCode::OK).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SuggestForm {
    /// `scratch` or `improve`.
    mode: String,
}

/// Starts the optimiser in the background; its page shows the progress.
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
    answer(&state, &page, &access, result).await
}

/// `stop`, `accept` or `discard` the optimiser's run.
pub async fn suggest_action(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let by = access.user.id.clone();
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
            let accepted = state
                .db(move |c| suggest::accept(c, &edition, &by))
                .await
                .map(|n| Flash::new("flash-optimiser-accepted").count("n", n));
            // The proposal is in the draft now: the editor shows it.
            if let Ok(done) = accepted {
                return Ok(page.done(&format!("/{}/manage/schedule", access.edition.slug), done));
            }
            accepted
        }
        _ => Err(AppError::NotFound),
    };
    answer(&state, &page, &access, result).await
}

async fn answer(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    result: AppResult<Flash>,
) -> AppResult<HttpResponse> {
    match result {
        Ok(done) => Ok(page.done(
            &format!("/{}/manage/schedule/optimiser", access.edition.slug),
            done,
        )),
        Err(AppError::Refused(refusal)) => {
            render(
                state,
                page,
                access,
                Some(refusal.message_id()),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e),
    }
}
