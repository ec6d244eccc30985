//! The JSON API's shared parts: the OpenAPI document, the problem schema, `/api/me`.

use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use serde::Serialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use crate::editions::{self, roles, Role};
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::state::AppState;
use crate::web::CurrentUser;

#[derive(OpenApi)]
#[openapi(
    info(title = "devday API", description = "Conference management: editions, call for papers, review, timetable, registration and check-in. Authenticate with `Authorization: Bearer <token>` (create tokens on your account page or with `devday create-token`). Errors are RFC 9457 problem documents."),
    paths(me, editions::api::list, editions::api::get, editions::api::create),
    components(schemas(ProblemDocument, Me, Membership, Role)),
    modifiers(&BearerAuth),
    tags((name = "account"), (name = "editions"))
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// An RFC 9457 problem document, the body of every 4xx and 5xx answer. `detail` is in the
/// language `Accept-Language` asks for (English or German; English by default).
#[derive(Serialize, ToSchema)]
pub struct ProblemDocument {
    /// `/problems/<kind>`, stable: the general kinds (`not-found`, `unauthenticated`,
    /// `forbidden`, `invalid`, `nul-character`, `csrf`, `rate-limited`, `too-large`,
    /// `unreadable`, `unavailable`, `internal`) and one per reason a request is refused,
    /// for example `conference-full`, `registration-closed`, `workshop-full`,
    /// `review-window-closed`, `proposal-limit`, `malformed-json`.
    #[serde(rename = "type")]
    #[schema(example = "/problems/conference-full")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Messages per field, for 422 answers.
    pub errors: Option<BTreeMap<String, Vec<String>>>,
}

/// Field errors carry message ids for the pages; the API answers in English text.
pub fn invalid_in_english(state: &AppState, err: AppError) -> AppError {
    match err {
        AppError::Invalid(errors) => {
            AppError::Invalid(errors.translated(|id| state.i18n.tr(Locale::En, id, &[])))
        }
        other => other,
    }
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/openapi.json", web::get().to(openapi_json))
        .route("/api/me", web::get().to(me));
    editions::api::configure(cfg);
}

/// The document composed by the binary from every crate's paths.
async fn openapi_json(doc: web::Data<utoipa::openapi::OpenApi>) -> HttpResponse {
    HttpResponse::Ok().json(doc.get_ref())
}

#[derive(Serialize, ToSchema)]
pub struct Membership {
    pub edition: String,
    pub role: Role,
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub email: String,
    pub display_name: String,
    pub is_admin: bool,
    pub roles: Vec<Membership>,
}

/// Who the token belongs to, and their roles.
#[utoipa::path(get, path = "/api/me", tag = "account", security(("bearer" = [])),
    responses(
        (status = 200, description = "The token's owner", body = Me),
        (status = 401, description = "No or a wrong token", body = ProblemDocument,
            content_type = "application/problem+json")))]
pub async fn me(state: web::Data<AppState>, user: CurrentUser) -> AppResult<web::Json<Me>> {
    let user = user.0;
    let id = user.id.clone();
    let memberships = state
        .db(move |c| Ok(roles::editions_of_user(c, &id)?))
        .await?;
    Ok(web::Json(Me {
        email: user.email,
        display_name: user.display_name,
        is_admin: user.is_admin,
        roles: memberships
            .into_iter()
            .map(|(edition, role)| Membership {
                edition: edition.slug,
                role,
            })
            .collect(),
    }))
}
