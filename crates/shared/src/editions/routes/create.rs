use crate::vocabulary::EditionId;
use std::future::ready;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::accounts::AuthUser;
use crate::editions::{queries, roles, EditionForm};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::Query;
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

#[derive(Deserialize)]
pub struct CopyQuery {
    copy: Option<String>,
}

fn render(
    page: &Page,
    form: &EditionForm,
    copy_from: Option<&str>,
    errors: &FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("form", form);
    ctx.insert("copy_from", &copy_from);
    ctx.insert("errors", errors);
    ctx.insert("timezones", &super::manage::TIMEZONES);
    page.render_status(status, "editions/new.html", &ctx)
}

/// The form, filled from last year's edition when `?copy=slug` names one.
pub async fn form(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    query: Query<CopyQuery>,
) -> AppResult<HttpResponse> {
    may_create(&state, &user.0).await?;
    let source = match query.copy.clone() {
        Some(slug) => state.db(move |c| Ok(queries::by_slug(c, &slug)?)).await?,
        None => None,
    };
    let form = source
        .as_ref()
        .map(EditionForm::next_year)
        .unwrap_or_else(|| EditionForm {
            timezone: "Europe/Berlin".into(),
            ..Default::default()
        });
    render(
        &page,
        &form,
        source.as_ref().map(|s| s.slug.as_str()),
        &FieldErrors::new(),
        StatusCode::OK,
    )
}

/// The id of the edition whose team is copied: only its organisers (or an admin) may hand
/// its team's roles on.
fn organised_source(
    conn: &mut devday_db::DbConn,
    slug: &str,
    user: &AuthUser,
) -> AppResult<EditionId> {
    let source = queries::by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
    if user.is_admin
        || roles::of_user(conn, &source.id, &user.id)?.contains(&roles::Role::Organiser)
    {
        Ok(source.id)
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Deserialize)]
pub struct NewEdition {
    #[serde(flatten)]
    form: EditionForm,
    #[serde(default)]
    copy_from: String,
    #[serde(default)]
    copy_team: bool,
}

pub async fn submit(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    CsrfForm(new): CsrfForm<NewEdition>,
) -> AppResult<HttpResponse> {
    may_create(&state, &user.0).await?;
    let copy_from = (!new.copy_from.is_empty()).then_some(new.copy_from.as_str());
    let input = match new.form.validate() {
        Ok(input) => input,
        Err(errors) => {
            return render(
                &page,
                &new.form,
                copy_from,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    };
    let source_slug = new.copy_team.then(|| new.copy_from.clone());
    let (user, seeds) = (user.0, state.seeds.clone());
    let created = state
        .db(move |c| {
            let source = match source_slug {
                Some(slug) => Some(organised_source(c, &slug, &user)?),
                None => None,
            };
            queries::create(c, &input, &user.id, source.as_ref(), &seeds)
        })
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
        |errors, status| ready(render(&page, &new.form, copy_from, &errors, status)),
    )
    .await
}
