//! The organisers' webhook pages: the endpoints with how their deliveries stand, one
//! endpoint with its settings, secret and delivery log, and the actions on it.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::deliveries::{self, Delivery, Failure, Standing, Tally};
use super::endpoints::{self, Endpoint, EndpointForm};
use super::EventType;
use crate::editions::{Edition, EditionView};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{Confirmation, CsrfForm, Flash, NoFields, Organiser, Page};

/// How many deliveries an endpoint's page lists.
const LOG_LINES: i64 = 50;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/{edition}/manage/webhooks")
            .route(web::get().to(index))
            .route(web::post().to(create)),
    )
    .service(
        web::resource("/{edition}/manage/webhooks/{id}")
            .route(web::get().to(show))
            .route(web::post().to(update)),
    )
    .route("/{edition}/manage/webhooks/{id}/test", web::post().to(test))
    .route(
        "/{edition}/manage/webhooks/{id}/retry",
        web::post().to(retry),
    )
    .route(
        "/{edition}/manage/webhooks/{id}/secret",
        web::post().to(rotate),
    )
    .service(
        web::resource("/{edition}/manage/webhooks/{id}/delete")
            .route(web::get().to(ask_delete))
            .route(web::post().to(delete)),
    );
}

fn list_path(edition: &Edition) -> String {
    format!("/{}/manage/webhooks", edition.slug)
}

fn endpoint_path(edition: &Edition, id: &str) -> String {
    format!("{}/{id}", list_path(edition))
}

#[derive(Serialize)]
struct EndpointRow {
    #[serde(flatten)]
    endpoint: Endpoint,
    events: Vec<EventType>,
    tally: Tally,
}

/// A delivery as the log shows it: times in the edition's timezone.
#[derive(Serialize)]
struct LogLine {
    message_id: String,
    event_type: String,
    standing: Standing,
    created_at: String,
    /// The time to the second, shown first in the log.
    time: String,
    attempts: i32,
    next_attempt_at: Option<String>,
    last_status: Option<i32>,
    /// Why the last attempt failed: a message id, and the receiver's or system's text.
    error_kind: Option<&'static str>,
    error_detail: Option<String>,
}

impl LogLine {
    fn of(edition: &Edition, d: Delivery) -> Self {
        let local = |t| {
            edition
                .local(t)
                .naive_local()
                .format("%Y-%m-%dT%H:%M:%S")
                .to_string()
        };
        let standing = d.standing();
        let failure = d.last_error.as_deref().map(Failure::split);
        Self {
            time: edition.local(d.created_at).format("%H:%M:%S").to_string(),
            error_kind: failure.map(|(kind, _)| kind.as_str()),
            error_detail: failure.map(|(_, detail)| detail.to_owned()),
            standing,
            created_at: local(d.created_at),
            next_attempt_at: matches!(standing, Standing::Retrying | Standing::Pending)
                .then(|| local(d.next_attempt_at)),
            message_id: d.message_id,
            event_type: d.event_type,
            attempts: d.attempts,
            last_status: d.last_status,
        }
    }
}

async fn render_index(
    state: &web::Data<AppState>,
    page: &Page,
    access: &Organiser,
    errors: &FieldErrors,
    form: serde_json::Value,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let edition_id = access.edition.id.clone();
    let rows = state
        .db(move |c| {
            let list = endpoints::list(c, &edition_id)?;
            let ids: Vec<String> = list.iter().map(|e| e.id.clone()).collect();
            let mut tallies = deliveries::tallies(c, &ids)?;
            Ok(list
                .into_iter()
                .map(|endpoint| EndpointRow {
                    events: endpoint.subscribed(),
                    tally: tallies.remove(&endpoint.id).unwrap_or_default(),
                    endpoint,
                })
                .collect::<Vec<_>>())
        })
        .await?;
    let mut ctx = page.context();
    ctx.insert("edition", &EditionView::new(&access.edition));
    ctx.insert("endpoints", &rows);
    ctx.insert("event_types", EventType::ALL);
    ctx.insert("errors", errors);
    ctx.insert("form", &form);
    page.render_status(status, "editions/webhooks.html", &ctx)
}

pub async fn index(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    // A new endpoint hears everything unless the organiser unticks some.
    let all: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
    let form = serde_json::json!({ "events": all });
    render_index(
        &state,
        &page,
        &access,
        &FieldErrors::new(),
        form,
        StatusCode::OK,
    )
    .await
}

fn echo(form: &EndpointForm) -> serde_json::Value {
    serde_json::json!({
        "url": form.url,
        "description": form.description,
        "events": form.events,
        "active": form.active.is_some(),
    })
}

pub async fn create(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<EndpointForm>,
) -> AppResult<HttpResponse> {
    let input = match form.validate() {
        Ok(input) => input,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return render_index(&state, &page, &access, &errors, echo(&form), status).await;
        }
    };
    let edition_id = access.edition.id.clone();
    let id = state
        .db(move |c| Ok(endpoints::create(c, &edition_id, &input)?))
        .await?;
    Ok(page.done(
        &endpoint_path(&access.edition, &id),
        Flash::new("flash-webhook-added").text("url", form.url.trim()),
    ))
}

async fn endpoint_of(
    state: &web::Data<AppState>,
    access: &Organiser,
    id: &str,
) -> AppResult<Endpoint> {
    let (edition_id, id) = (access.edition.id.clone(), id.to_owned());
    state
        .db(move |c| Ok(endpoints::get(c, &edition_id, &id)?))
        .await?
        .ok_or(AppError::NotFound)
}

async fn render_endpoint(
    state: &web::Data<AppState>,
    page: &Page,
    access: &Organiser,
    id: &str,
    errors: &FieldErrors,
    form: Option<serde_json::Value>,
) -> AppResult<HttpResponse> {
    let endpoint = endpoint_of(state, access, id).await?;
    let endpoint_id = endpoint.id.clone();
    let (log, undelivered) = state
        .db(move |c| {
            Ok((
                deliveries::log(c, &endpoint_id, LOG_LINES)?,
                deliveries::undelivered(c, &endpoint_id)?,
            ))
        })
        .await?;
    let form = form.unwrap_or_else(|| {
        serde_json::json!({
            "url": endpoint.url,
            "description": endpoint.description,
            "events": endpoint.subscribed(),
            "active": endpoint.active,
        })
    });
    let mut ctx = page.context();
    ctx.insert("edition", &EditionView::new(&access.edition));
    ctx.insert("endpoint", &endpoint);
    ctx.insert("secret", &endpoint.secret);
    ctx.insert(
        "log",
        &log.into_iter()
            .map(|d| LogLine::of(&access.edition, d))
            .collect::<Vec<_>>(),
    );
    ctx.insert("undelivered", &undelivered);
    ctx.insert("event_types", EventType::ALL);
    ctx.insert("errors", errors);
    ctx.insert("form", &form);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.render_status(status, "editions/webhook.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    render_endpoint(&state, &page, &access, &id, &FieldErrors::new(), None).await
}

pub async fn update(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<EndpointForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let input = match form.validate() {
        Ok(input) => input,
        Err(errors) => {
            return render_endpoint(&state, &page, &access, &id, &errors, Some(echo(&form))).await
        }
    };
    let (edition_id, endpoint_id, active) =
        (access.edition.id.clone(), id.clone(), form.active.is_some());
    let found = state
        .db(move |c| {
            Ok(endpoints::update(
                c,
                &edition_id,
                &endpoint_id,
                &input,
                active,
            )?)
        })
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    let said = if active {
        "flash-webhook-saved"
    } else {
        "flash-webhook-paused"
    };
    Ok(page.done(&endpoint_path(&access.edition, &id), Flash::new(said)))
}

pub async fn test(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let endpoint = endpoint_of(&state, &access, &path.into_inner().1).await?;
    let (edition, id) = (access.edition.clone(), endpoint.id.clone());
    state
        .db(move |c| Ok(super::send_test(c, &edition, &id)?))
        .await?;
    let said = if endpoint.active {
        "flash-webhook-test-queued"
    } else {
        "flash-webhook-test-paused"
    };
    Ok(page.done(
        &endpoint_path(&access.edition, &endpoint.id),
        Flash::new(said),
    ))
}

pub async fn retry(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let endpoint = endpoint_of(&state, &access, &path.into_inner().1).await?;
    let id = endpoint.id.clone();
    let n = state
        .db(move |c| Ok(deliveries::retry_now(c, &id)?))
        .await?;
    Ok(page.done(
        &endpoint_path(&access.edition, &endpoint.id),
        Flash::new("flash-webhook-retrying").count("n", n),
    ))
}

pub async fn rotate(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let (edition_id, endpoint_id) = (access.edition.id.clone(), id.clone());
    if !state
        .db(move |c| Ok(endpoints::rotate_secret(c, &edition_id, &endpoint_id)?))
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(page.done(
        &format!("{}#secret", endpoint_path(&access.edition, &id)),
        Flash::new("flash-webhook-secret-rotated"),
    ))
}

pub async fn ask_delete(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let endpoint = endpoint_of(&state, &access, &path.into_inner().1).await?;
    let back = endpoint_path(&access.edition, &endpoint.id);
    page.confirm(Confirmation {
        question: "confirm-webhook-delete",
        subject: &endpoint.url,
        consequence: "confirm-webhook-delete-text",
        yes: "confirm-webhook-delete-yes",
        action: &format!("{back}/delete"),
        back: &back,
        fields: &[],
    })
}

pub async fn delete(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let endpoint = endpoint_of(&state, &access, &path.into_inner().1).await?;
    let (edition_id, id) = (access.edition.id.clone(), endpoint.id.clone());
    state
        .db(move |c| Ok(endpoints::delete(c, &edition_id, &id)?))
        .await?;
    Ok(page.done(
        &list_path(&access.edition),
        Flash::new("flash-webhook-deleted").text("url", &endpoint.url),
    ))
}
