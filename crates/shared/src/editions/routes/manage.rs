use std::future::ready;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::EditionView;
use crate::editions::{queries, Edition, EditionForm};
use crate::error::{AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Flash, Organiser, Page};

/// Offered in the timezone list; any IANA name is accepted.
pub const TIMEZONES: [&str; 8] = [
    "Europe/Berlin",
    "Europe/Vienna",
    "Europe/Zurich",
    "Europe/London",
    "Europe/Lisbon",
    "America/New_York",
    "Asia/Kolkata",
    "UTC",
];

fn render(
    page: &Page,
    edition: &Edition,
    form: &EditionForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("edition", &EditionView::new(edition));
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    ctx.insert("timezones", &TIMEZONES);
    page.render_status(status, "editions/manage.html", &ctx)
}

pub async fn form(page: Page, access: Organiser) -> AppResult<HttpResponse> {
    let form = EditionForm::from_edition(&access.edition);
    render(
        &page,
        &access.edition,
        &form,
        &FieldErrors::new(),
        StatusCode::OK,
    )
}

pub async fn submit(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<EditionForm>,
) -> AppResult<HttpResponse> {
    let input = match form.validate() {
        Ok(input) => input,
        Err(errors) => {
            return render(
                &page,
                &access.edition,
                &form,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    };
    let id = access.edition.id.clone();
    let saved = state.db(move |c| queries::update(c, &id, &input)).await;
    page.done_or_again(
        saved,
        |edition| {
            // Organisers look at their change signed out: it shows at once here, and on
            // other instances with the next visitor after their copy's second is up.
            super::public::forget_front_doors();
            let to = format!("/{}/manage/settings", edition.slug);
            (to, Flash::new("flash-saved"))
        },
        |errors, status| ready(render(&page, &access.edition, &form, &errors, status)),
    )
    .await
}

#[derive(Deserialize)]
pub struct ArchiveForm {
    #[serde(default)]
    archived: bool,
}

pub async fn archive(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<ArchiveForm>,
) -> AppResult<HttpResponse> {
    let id = access.edition.id.clone();
    let archived = form.archived;
    state
        .db(move |c| Ok(queries::set_archived(c, &id, archived)?))
        .await?;
    super::public::forget_front_doors();
    Ok(page.done(
        &format!("/{}/manage/settings", access.edition.slug),
        Flash::new(if archived {
            "flash-archived"
        } else {
            "flash-unarchived"
        }),
    ))
}
