//! A guest list (pasted or a CSV file): checked first, then imported all or nothing.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::web::upload;
use devday_shared::web::{CsrfForm, Flash, Organiser, Page};
use devday_shared::{AppResult, AppState, FieldErrors};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ImportForm {
    rows: String,
    /// "check" (the dry run) or "import".
    action: String,
}

fn render_import(
    page: &Page,
    access: &Organiser,
    text: &str,
    report: Option<&[crate::guests::ImportRow]>,
) -> AppResult<HttpResponse> {
    render_import_with(page, access, text, report, FieldErrors::new())
}

fn render_import_with(
    page: &Page,
    access: &Organiser,
    text: &str,
    report: Option<&[crate::guests::ImportRow]>,
    errors: FieldErrors,
) -> AppResult<HttpResponse> {
    let invalid = report.is_some_and(|rows| rows.iter().any(|r| r.is_invalid()));
    let empty = report.is_some_and(|rows| rows.is_empty());
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("rows", text);
    ctx.insert("report", &report);
    ctx.insert("invalid", &invalid);
    ctx.insert("empty", &empty);
    ctx.insert("errors", &errors);
    let status = if invalid || empty || !errors.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    page.render_status(status, "registration/manage_import.html", &ctx)
}

pub async fn import_form(page: Page, access: Organiser) -> AppResult<HttpResponse> {
    render_import(&page, &access, "", None)
}

/// Guests by list: a dry run reporting every row, then the import, all or nothing.
pub async fn import(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    form: CsrfForm<ImportForm>,
) -> AppResult<HttpResponse> {
    let ImportForm { rows, action } = form.0;
    let (mailer, edition, locale) = (state.mailer.clone(), access.edition.clone(), page.locale);
    let text = rows.clone();
    if action != "import" {
        let report = state
            .db(move |c| crate::guests::check_import(c, &edition.id, &text))
            .await?;
        return render_import(&page, &access, &rows, Some(&report));
    }
    match state
        .db(move |c| crate::guests::import(c, &mailer, &edition, &text, locale))
        .await?
    {
        Ok(done) => Ok(page.done(
            &format!("/{}/manage/registrations", access.edition.slug),
            Flash::new("guests-issued")
                .count("n", done.issued)
                .count("had", done.had_one),
        )),
        Err(report) => render_import(&page, &access, &rows, Some(&report)),
    }
}

/// A CSV file instead of pasted rows: read into the list and checked (the dry run); the
/// import itself is then the same button as for pasted rows.
pub async fn import_file(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    req: actix_web::HttpRequest,
    body: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let text = match upload::read_list(&req, body).await? {
        Ok(text) => text,
        Err(errors) => return render_import_with(&page, &access, "", None, errors),
    };
    let (eid, t) = (access.edition.id.clone(), text.clone());
    let report = state
        .db(move |c| crate::guests::check_import(c, &eid, &t))
        .await?;
    render_import(&page, &access, &text, Some(&report))
}
