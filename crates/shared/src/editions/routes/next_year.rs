//! "Prepare next year": a new edition from this one in one step. The form shows next year's
//! dates and names (editable) beside what each group of settings holds; the organiser
//! unticks what should not travel and creates the edition, copied in one transaction.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use crate::editions::carry::{self, GroupView};
use crate::editions::{Edition, EditionForm};
use crate::error::{AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Flash, Organiser, Page};

/// The form as sent: the edition's fields and `carry` once per ticked group.
struct Sent {
    form: EditionForm,
    chosen: Vec<String>,
}

impl Sent {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let chosen = pairs
            .iter()
            .filter(|(k, _)| k == "carry")
            .map(|(_, v)| v.clone())
            .collect();
        let fields: Vec<(&str, &str)> = pairs
            .iter()
            .filter(|(k, _)| k != "carry")
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let form = serde_html_form::to_string(&fields)
            .ok()
            .and_then(|encoded| serde_html_form::from_str(&encoded).ok())
            .unwrap_or_default();
        Sent { form, chosen }
    }
}

async fn render(
    state: &AppState,
    page: &Page,
    source: &Edition,
    sent: &Sent,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (from, carries, locale) = (source.clone(), state.carries.clone(), page.locale);
    let groups: Vec<GroupView> = state
        .db(move |c| Ok(carry::preview(c, &from, &carries, locale)?))
        .await?;
    let mut ctx = page.context();
    ctx.insert("source", &super::EditionView::new(source));
    ctx.insert("edition", &super::EditionView::new(source));
    ctx.insert("form", &sent.form);
    ctx.insert("chosen", &sent.chosen);
    ctx.insert("groups", &groups);
    ctx.insert("errors", &errors);
    ctx.insert("timezones", &super::manage::TIMEZONES);
    page.render_status(status, "editions/next_year.html", &ctx)
}

/// Next year's dates and names, every group ticked.
pub async fn form(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let sent = Sent {
        form: EditionForm::next_year(&access.edition),
        chosen: state.carries.iter().map(|c| c.key.to_owned()).collect(),
    };
    render(
        &state,
        &page,
        &access.edition,
        &sent,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn submit(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let sent = Sent::from_pairs(&pairs);
    let source = access.edition.clone();
    let input = match sent.form.validate_next_year(&source) {
        Ok(input) => input,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return render(&state, &page, &source, &sent, errors, status).await;
        }
    };
    let (from, user, chosen) = (source.clone(), access.user.id.clone(), sent.chosen.clone());
    let (seeds, carries) = (state.seeds.clone(), state.carries.clone());
    let prepared = state
        .db(move |c| carry::prepare_next_year(c, &from, &input, &user, &seeds, &carries, &chosen))
        .await;
    page.done_or_again(
        prepared,
        |(edition, copied)| {
            let to = format!("/{}/manage/", edition.slug);
            let n: usize = copied.iter().map(|(_, n)| n).sum();
            let flash = Flash::new("flash-next-year-ready")
                .text("edition", &edition.name)
                .text("source", &source.name)
                .count("n", n);
            (to, flash)
        },
        |errors, status| render(&state, &page, &source, &sent, errors, status),
    )
    .await
}
