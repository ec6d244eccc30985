//! The editions in the JSON API.

use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use utoipa::ToSchema;

use super::{queries, roles, Edition, EditionForm, WindowState};
use crate::api::{invalid_in_english, ProblemDocument};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::Json;
use crate::web::{CurrentUser, PublicEdition};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/editions", web::get().to(list))
        .route("/api/editions", web::post().to(create))
        .route("/api/editions/{edition}", web::get().to(get));
}

/// An edition; times in RFC 3339 with the edition's UTC offset.
#[derive(Serialize, ToSchema)]
pub struct EditionJson {
    #[schema(example = "devday-2027")]
    pub slug: String,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    #[schema(example = "Europe/Berlin")]
    pub timezone: String,
    pub venue: String,
    pub cfp_opens_at: Option<String>,
    pub cfp_closes_at: Option<String>,
    pub registration_opens_at: Option<String>,
    pub registration_closes_at: Option<String>,
    pub cfp_state: WindowState,
    pub registration_state: WindowState,
    pub archived: bool,
    /// On site, hybrid or remote.
    pub format: super::EditionFormat,
    /// Whether the rooms' live streams are on the public pages.
    pub streams_public: bool,
}

impl From<&Edition> for EditionJson {
    fn from(e: &Edition) -> Self {
        let at = devday_db::now();
        let local = |t: Option<NaiveDateTime>| t.map(|t| e.local(t).to_rfc3339());
        Self {
            slug: e.slug.clone(),
            name: e.name.clone(),
            starts_on: e.starts_on,
            ends_on: e.ends_on,
            timezone: e.timezone.clone(),
            venue: e.venue.clone(),
            cfp_opens_at: local(e.cfp_opens_at),
            cfp_closes_at: local(e.cfp_closes_at),
            registration_opens_at: local(e.registration_opens_at),
            registration_closes_at: local(e.registration_closes_at),
            cfp_state: e.cfp_state(at),
            registration_state: e.registration_state(at),
            archived: e.is_archived(),
            format: e.format,
            streams_public: e.streams_public,
        }
    }
}

/// Every edition, newest first.
#[utoipa::path(get, path = "/api/editions", tag = "editions",
    responses((status = 200, description = "All editions", body = [EditionJson])))]
pub async fn list(state: web::Data<AppState>) -> AppResult<web::Json<Vec<EditionJson>>> {
    let editions = state.db(|c| Ok(queries::all(c)?)).await?;
    Ok(web::Json(editions.iter().map(EditionJson::from).collect()))
}

/// One edition.
#[utoipa::path(get, path = "/api/editions/{edition}", tag = "editions",
    params(("edition" = String, Path, description = "The edition's slug")),
    responses(
        (status = 200, description = "The edition", body = EditionJson),
        (status = 404, description = "No such edition", body = ProblemDocument,
            content_type = "application/problem+json")))]
pub async fn get(PublicEdition(edition): PublicEdition) -> AppResult<web::Json<EditionJson>> {
    Ok(web::Json(EditionJson::from(&edition)))
}

/// Creates an edition (admins and organisers of any edition); the caller becomes its organiser.
#[utoipa::path(post, path = "/api/editions", tag = "editions",
    request_body = EditionForm,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = EditionJson),
        (status = 401, description = "No or a wrong token", body = ProblemDocument,
            content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to create editions", body = ProblemDocument,
            content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = ProblemDocument,
            content_type = "application/problem+json")))]
pub async fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Json<EditionForm>,
) -> AppResult<HttpResponse> {
    let form = body.into_inner();
    let user = user.0;
    let (st, seeds) = (state.clone(), state.seeds.clone());
    let edition = state
        .db(move |c| {
            if !user.is_admin && !roles::is_organiser_anywhere(c, &user.id)? {
                return Err(AppError::Forbidden);
            }
            let input = form.validate().map_err(AppError::Invalid)?;
            queries::create(c, &input, &user.id, &seeds)
        })
        .await
        .map_err(|e| invalid_in_english(&st, e))?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/editions/{}", edition.slug)))
        .json(EditionJson::from(&edition)))
}
