//! The registration rush in the JSON API.

use actix_web::{web, HttpResponse};
use devday_shared::api::{invalid_in_english, ProblemDocument};
use devday_shared::editions::queries;
use devday_shared::web::{ClientIp, RequestLocale};
use devday_shared::{AppError, AppResult, AppState};

use crate::register::{self, Outcome, RegistrationForm};
use devday_shared::web::Json;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/api/events/{edition}/registrations",
        web::post().to(create),
    );
}

/// Registers for free: 201 with the state (held until the address is confirmed through
/// the mailed link, already registered, or on the waiting list); 409 when full (unless
/// `waitlist` is true) or closed; 422 for invalid fields; 429 when one address sends too
/// many. A non-2xx answer always means no registration was made.
#[utoipa::path(post, path = "/api/events/{edition}/registrations", tag = "registration",
    params(("edition" = String, Path)), request_body = RegistrationForm,
    responses(
        (status = 201, body = Outcome),
        (status = 409, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 429, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn create(
    state: web::Data<AppState>,
    ip: ClientIp,
    RequestLocale(locale): RequestLocale,
    slug: web::Path<String>,
    body: Json<RegistrationForm>,
) -> AppResult<HttpResponse> {
    let slug = slug.into_inner();
    let form = body.into_inner();
    let (mailer, st, limits) = (state.mailer.clone(), state.clone(), state.limits.clone());
    // The rush: registrations are committed in groups (see shared::group_commit); the
    // rate limit is counted on the same connection, before anything is written.
    let outcome: Outcome = state
        .writes
        .run(move |c| {
            limits.registration_on(c, &ip.0)?;
            let edition = queries::by_slug(c, &slug)?.ok_or(AppError::NotFound)?;
            // The person's mails in the language their app asked in (Accept-Language).
            register::register(c, &mailer, &edition, &form, locale)
        })
        .await
        .map_err(|e| invalid_in_english(&st, e))?;
    // Committed now: the outbox worker may send the mail.
    state.mailer.notify();
    Ok(HttpResponse::Created().json(outcome))
}
