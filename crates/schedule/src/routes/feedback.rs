//! After the sessions: attendees' anonymous feedback, and what speakers and organisers see
//! of it.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use devday_db::now;
use devday_shared::vocabulary::ProposalId;
use devday_shared::web::{csrf, ClientIp, CsrfForm, InEdition, Organiser, Page};
use devday_shared::Refusal;
use devday_shared::{AppError, AppResult, AppState, FieldErrors};

use super::public::current;
use crate::feedback::{self, FeedbackForm};
use crate::view;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/{edition}/schedule/sessions/{guid}/feedback")
            .route(web::get().to(form))
            .route(web::post().to(give)),
    )
    .route(
        "/{edition}/manage/schedule/feedback",
        web::get().to(organisers),
    )
    .route("/{edition}/speaker/feedback", web::get().to(speakers));
}

async fn render(
    state: &AppState,
    page: &Page,
    slug: &str,
    guid: &str,
    errors: FieldErrors,
    notice: Option<&str>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let p = current(state, slug).await?;
    let session = p
        .snapshot
        .sessions
        .iter()
        .find(|s| s.guid == guid)
        .ok_or(AppError::NotFound)?;
    let mut ctx = page.context();
    ctx.insert("edition", &p.edition);
    ctx.insert("item", &view::item(&p.edition, &p.snapshot, session));
    ctx.insert("open", &(now() >= session.ends_at()));
    ctx.insert("errors", &errors);
    ctx.insert("notice", &notice);
    page.render_status(status, "schedule/feedback.html", &ctx)
}

pub async fn form(
    state: web::Data<AppState>,
    page: Page,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (slug, guid) = path.into_inner();
    render(
        &state,
        &page,
        &slug,
        &guid,
        FieldErrors::new(),
        None,
        StatusCode::OK,
    )
    .await
}

pub async fn give(
    req: HttpRequest,
    state: web::Data<AppState>,
    page: Page,
    ip: ClientIp,
    path: web::Path<(String, String)>,
    CsrfForm(sent): CsrfForm<FeedbackForm>,
) -> AppResult<HttpResponse> {
    let (slug, guid) = path.into_inner();
    state.limits.feedback(&ip.0).await?;
    let p = current(&state, &slug).await?;
    let session = p
        .snapshot
        .sessions
        .iter()
        .find(|s| s.guid == guid)
        .ok_or(AppError::NotFound)?;
    // The CSRF cookie already tells browsers apart; the form could not be sent without it.
    let browser = csrf::visitor(&req).unwrap_or(ip.0);
    let client = feedback::client_hash(&browser, &guid);
    let (eid, id, ends) = (
        p.edition.id.clone(),
        ProposalId::from(guid.as_str()),
        session.ends_at(),
    );
    let result = state
        .db(move |c| feedback::give(c, &eid, &id, ends, &client, &sent))
        .await;
    let (errors, notice, status) = match result {
        Ok(()) => (
            FieldErrors::new(),
            Some("schedule-feedback-thanks".to_owned()),
            StatusCode::OK,
        ),
        Err(AppError::Invalid(errors)) => (errors, None, StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Refused(refusal @ (Refusal::FeedbackGiven | Refusal::FeedbackNotYet))) => (
            FieldErrors::new(),
            Some(refusal.message_id()),
            StatusCode::CONFLICT,
        ),
        Err(e) => return Err(e),
    };
    render(
        &state,
        &page,
        &slug,
        &guid,
        errors,
        notice.as_deref(),
        status,
    )
    .await
}

/// Every session's feedback.
pub async fn organisers(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let summaries = state
        .db(move |c| Ok(feedback::summaries(c, &eid, None)?))
        .await?;
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("summaries", &summaries);
    page.render("schedule/manage_feedback.html", &ctx)
}

/// A speaker's own sessions' feedback.
pub async fn speakers(
    state: web::Data<AppState>,
    page: Page,
    access: InEdition,
) -> AppResult<HttpResponse> {
    let (eid, uid) = (access.edition.id.clone(), access.user.id.clone());
    let summaries = state
        .db(move |c| Ok(feedback::summaries(c, &eid, Some(&uid))?))
        .await?;
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("summaries", &summaries);
    page.render("schedule/speaker_feedback.html", &ctx)
}
