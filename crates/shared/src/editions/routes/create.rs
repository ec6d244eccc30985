use std::future::ready;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use crate::accounts::AuthUser;
use crate::editions::{queries, roles, EditionForm};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, CurrentUser, Flash, Page};

/// Admins and organisers of any edition may start a new one.
async fn may_create(state: &AppState, user: &AuthUser) -> AppResult<()> {
    if user.is_admin {
        return Ok(());
    }
    let id = user.id.clone();
    if state
        .db(move |c| Ok(roles::is_organiser_anywhere(c, &id)?))
        .await?
    {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn render(
    page: &Page,
    form: &EditionForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    ctx.insert("timezones", &super::manage::TIMEZONES);
    page.render_status(status, "editions/new.html", &ctx)
}

/// A new edition from scratch; next year from an existing one is `next_year`.
pub async fn form(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
) -> AppResult<HttpResponse> {
    may_create(&state, &user.0).await?;
    let form = EditionForm {
        timezone: "Europe/Berlin".into(),
        ..Default::default()
    };
    render(&page, &form, &FieldErrors::new(), StatusCode::OK)
}

pub async fn submit(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    CsrfForm(form): CsrfForm<EditionForm>,
) -> AppResult<HttpResponse> {
    may_create(&state, &user.0).await?;
    let input = match form.validate() {
        Ok(input) => input,
        Err(errors) => {
            return render(&page, &form, &errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let (user, seeds) = (user.0, state.seeds.clone());
    let created = state
        .db(move |c| queries::create(c, &input, &user.id, &seeds))
        .await;
    page.done_or_again(
        created,
        |edition| {
            let to = format!("/{}/manage/", edition.slug);
            (
                to,
                Flash::new("flash-edition-created").text("edition", &edition.name),
            )
        },
        |errors, status| ready(render(&page, &form, &errors, status)),
    )
    .await
}
