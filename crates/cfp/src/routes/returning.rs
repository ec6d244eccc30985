//! Organisers invite an earlier edition's speakers and reviewers back: the page is the
//! preview (who, how many, the mail as its first reader gets it), the button sends.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::editions::Edition;
use devday_shared::web::{CsrfForm, Flash, Organiser, Page, Query};
use devday_shared::{AppResult, AppState, FieldErrors};
use serde::{Deserialize, Serialize};

use crate::returning::{self, Candidates, ReturningKind};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/{edition}/manage/speakers/returning")
            .route(web::get().to(show))
            .route(web::post().to(send)),
    );
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ReturningForm {
    /// The earlier edition's slug; empty: the latest before this one.
    from: String,
    speakers: bool,
    reviewers: bool,
}

/// The mail's text as the page shows it.
#[derive(Serialize)]
struct MailView {
    to: String,
    subject: String,
    text: String,
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    form: &ReturningForm,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (to, wanted, user) = (
        access.edition.clone(),
        form.from.clone(),
        access.user.clone(),
    );
    let (earlier, from, candidates): (Vec<Edition>, Option<Edition>, Candidates) = state
        .db(move |c| {
            let earlier = returning::sources(c, &to, &user)?;
            let from = earlier
                .iter()
                .find(|e| e.slug == wanted)
                .or_else(|| earlier.first())
                .cloned();
            let candidates = match &from {
                Some(from) => returning::candidates(c, &to, from)?,
                None => Candidates::default(),
            };
            Ok((earlier, from, candidates))
        })
        .await?;
    let preview = match (&from, candidates.speakers.first()) {
        (Some(from), Some(first)) => {
            let mail = returning::speaker_mail(&state.mailer, &access.edition, from, first)?;
            Some(MailView {
                to: first.name.clone(),
                subject: mail.subject,
                text: mail.text,
            })
        }
        _ => None,
    };
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("earlier", &earlier);
    ctx.insert("from", &from);
    ctx.insert("candidates", &candidates);
    ctx.insert("preview", &preview);
    ctx.insert("form", form);
    ctx.insert("errors", &errors);
    page.render_status(status, "cfp/returning.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    query: Query<ReturningForm>,
) -> AppResult<HttpResponse> {
    let form = ReturningForm {
        speakers: true,
        reviewers: true,
        ..query.into_inner()
    };
    render(
        &state,
        &page,
        &access,
        &form,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn send(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<ReturningForm>,
) -> AppResult<HttpResponse> {
    let kinds: Vec<ReturningKind> = [
        (form.speakers, ReturningKind::Speaker),
        (form.reviewers, ReturningKind::Reviewer),
    ]
    .into_iter()
    .filter_map(|(chosen, kind)| chosen.then_some(kind))
    .collect();
    if kinds.is_empty() {
        let mut errors = FieldErrors::new();
        errors.add("groups", "returning-pick");
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render(&state, &page, &access, &form, errors, status).await;
    }
    let (to, slug, mailer) = (
        access.edition.clone(),
        form.from.clone(),
        state.mailer.clone(),
    );
    let user = access.user.clone();
    let sent = state
        .db(move |c| {
            let from = returning::sources(c, &to, &user)?
                .into_iter()
                .find(|e| e.slug == slug)
                .ok_or(devday_shared::AppError::NotFound)?;
            let inviter = (user.id.clone(), user.display_name.clone());
            returning::invite(c, &mailer, &to, &from, &kinds, (&inviter.0, &inviter.1))
        })
        .await?;
    Ok(page.done(
        &format!(
            "/{}/manage/speakers/returning?from={}",
            access.edition.slug, form.from
        ),
        Flash::new("flash-returning-sent")
            .count("speakers", sent.speakers)
            .count("reviewers", sent.reviewers),
    ))
}
