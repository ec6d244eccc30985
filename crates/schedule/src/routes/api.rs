//! The timetable in the JSON API (organiser token): rooms, the draft with its conflicts,
//! placing sessions, and releases.

use actix_web::{web, HttpResponse};
use devday_shared::api::{invalid_in_english, ProblemDocument};
use devday_shared::vocabulary::ProposalId;
use devday_shared::web::Organiser;
use devday_shared::{AppError, AppResult, AppState};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::conflicts::Conflict;
use crate::draft::{PlaceForm, Session};
use crate::history::Batch;
use crate::model::{Break, GridSettings, Placement, Room};
use crate::release::{Release, ReleaseForm};
use crate::setup::RoomForm;
use crate::{draft as drafts, release as releasing, setup};
use devday_shared::web::{Json, Query};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/api/editions/{edition}/rooms")
            .route(web::get().to(rooms))
            .route(web::post().to(add_room)),
    )
    .route("/api/editions/{edition}/schedule/grid", web::get().to(grid))
    .route(
        "/api/editions/{edition}/schedule/draft",
        web::get().to(draft),
    )
    .service(
        web::resource("/api/editions/{edition}/schedule/draft/{proposal}")
            .route(web::put().to(place))
            .route(web::delete().to(unplace)),
    )
    .service(
        web::resource("/api/editions/{edition}/schedule/releases")
            .route(web::get().to(releases))
            .route(web::post().to(release)),
    );
}

/// Problem details in English: field errors are message ids.
fn english(state: &AppState, err: AppError) -> AppError {
    invalid_in_english(state, err)
}

/// The rooms of an edition, left to right.
#[utoipa::path(get, path = "/api/editions/{edition}/rooms", tag = "schedule",
    params(("edition" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = Vec<Room>),
        (status = 403, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn rooms(
    state: web::Data<AppState>,
    access: Organiser,
) -> AppResult<web::Json<Vec<Room>>> {
    let eid = access.edition.id.clone();
    Ok(web::Json(
        state.db(move |c| Ok(setup::rooms(c, &eid)?)).await?,
    ))
}

#[utoipa::path(post, path = "/api/editions/{edition}/rooms", tag = "schedule",
    params(("edition" = String, Path)), request_body = RoomForm, security(("bearer" = [])),
    responses((status = 201, body = Room),
        (status = 422, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn add_room(
    state: web::Data<AppState>,
    access: Organiser,
    body: Json<RoomForm>,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let form = body.into_inner();
    let room = state
        .db(move |c| setup::add_room(c, &eid, &form))
        .await
        .map_err(|e| english(&state, e))?;
    Ok(HttpResponse::Created().json(room))
}

#[derive(Serialize, ToSchema)]
pub struct DraftJson {
    pub sessions: Vec<Session>,
    pub conflicts: Vec<Conflict>,
}

#[derive(Serialize, ToSchema)]
pub struct GridJson {
    /// The edition's days, `YYYY-MM-DD`.
    pub days: Vec<String>,
    /// Day hours (local time), grid and change time.
    pub settings: GridSettings,
    pub breaks: Vec<Break>,
}

/// The slot grid: days, the day's hours and step, and the breaks.
#[utoipa::path(get, path = "/api/editions/{edition}/schedule/grid", tag = "schedule",
    params(("edition" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = GridJson),
        (status = 403, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn grid(state: web::Data<AppState>, access: Organiser) -> AppResult<web::Json<GridJson>> {
    let eid = access.edition.id.clone();
    let (settings, breaks) = state
        .db(move |c| Ok((setup::grid_settings(c, &eid)?, setup::breaks(c, &eid)?)))
        .await?;
    Ok(web::Json(GridJson {
        days: crate::grid::days(&access.edition)
            .iter()
            .map(ToString::to_string)
            .collect(),
        settings,
        breaks,
    }))
}

/// The draft: every confirmed session (placed or not) and the conflicts among them.
#[utoipa::path(get, path = "/api/editions/{edition}/schedule/draft", tag = "schedule",
    params(("edition" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = DraftJson),
        (status = 403, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn draft(
    state: web::Data<AppState>,
    access: Organiser,
) -> AppResult<web::Json<DraftJson>> {
    let eid = access.edition.id.clone();
    let d = state.db(move |c| releasing::draft(c, &eid)).await?;
    Ok(web::Json(DraftJson {
        sessions: d.sessions,
        conflicts: d.conflicts,
    }))
}

/// Places or moves a session. 409 when someone changed it since `version`.
#[utoipa::path(put, path = "/api/editions/{edition}/schedule/draft/{proposal}", tag = "schedule",
    params(("edition" = String, Path), ("proposal" = String, Path)), request_body = PlaceForm,
    security(("bearer" = [])),
    responses((status = 200, body = Placement),
        (status = 404, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn place(
    state: web::Data<AppState>,
    access: Organiser,
    path: web::Path<(String, String)>,
    body: Json<PlaceForm>,
) -> AppResult<web::Json<Placement>> {
    let proposal = ProposalId::from(path.into_inner().1);
    let edition = access.edition.clone();
    let form = body.into_inner();
    let by = access.user.id.clone();
    let placement = state
        .db(move |c| {
            let grid = setup::grid_settings(c, &edition.id)?;
            let rooms = setup::rooms(c, &edition.id)?;
            let batch = Batch::new(Some(&by));
            drafts::place(c, &edition, &grid, &rooms, &proposal, &form, &batch)
        })
        .await
        .map_err(|e| english(&state, e))?;
    Ok(web::Json(placement))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct VersionQuery {
    /// The placement's version the change starts from.
    pub version: i32,
}

/// Takes a session off the grid. 409 when someone changed it since `version`.
#[utoipa::path(delete, path = "/api/editions/{edition}/schedule/draft/{proposal}", tag = "schedule",
    params(("edition" = String, Path), ("proposal" = String, Path), VersionQuery),
    security(("bearer" = [])),
    responses((status = 204),
        (status = 409, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn unplace(
    state: web::Data<AppState>,
    access: Organiser,
    path: web::Path<(String, String)>,
    query: Query<VersionQuery>,
) -> AppResult<HttpResponse> {
    let proposal = ProposalId::from(path.into_inner().1);
    let eid = access.edition.id.clone();
    let version = query.version;
    let batch = Batch::new(Some(&access.user.id));
    state
        .db(move |c| drafts::unplace(c, &eid, &proposal, version, &batch))
        .await
        .map_err(|e| english(&state, e))?;
    Ok(HttpResponse::NoContent().finish())
}

/// The released versions, newest first.
#[utoipa::path(get, path = "/api/editions/{edition}/schedule/releases", tag = "schedule",
    params(("edition" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = Vec<Release>)))]
pub async fn releases(
    state: web::Data<AppState>,
    access: Organiser,
) -> AppResult<web::Json<Vec<Release>>> {
    let eid = access.edition.id.clone();
    Ok(web::Json(
        state.db(move |c| Ok(releasing::releases(c, &eid)?)).await?,
    ))
}

/// Releases the draft as the next version. 422 while it has hard conflicts, is empty, or
/// has warnings not acknowledged.
#[utoipa::path(post, path = "/api/editions/{edition}/schedule/releases", tag = "schedule",
    params(("edition" = String, Path)), request_body = ReleaseForm, security(("bearer" = [])),
    responses((status = 201, body = Release),
        (status = 422, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn release(
    state: web::Data<AppState>,
    access: Organiser,
    body: Json<ReleaseForm>,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let by = access.user.id.clone();
    let (mailer, secret) = (state.mailer.clone(), state.secret.clone());
    let form = body.into_inner();
    let released = state
        .db(move |c| releasing::release(c, &mailer, &secret, &edition, &form, &by))
        .await
        .map_err(|e| english(&state, e))?;
    Ok(HttpResponse::Created().json(released))
}
