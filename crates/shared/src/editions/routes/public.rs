use actix_web::{web, HttpResponse};

use super::EditionView;
use crate::editions::{queries, roles};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::{see_other, Page};

pub async fn home(state: web::Data<AppState>, page: Page) -> AppResult<HttpResponse> {
    let user_id = page.user.as_ref().map(|u| (u.id.clone(), u.is_admin));
    let (listing, can_create) = state
        .db(move |c| {
            let can_create = match &user_id {
                Some((_, true)) => true,
                Some((id, false)) => roles::is_organiser_anywhere(c, id)?,
                None => false,
            };
            Ok((queries::listing(c)?, can_create))
        })
        .await?;
    let mut ctx = page.context();
    ctx.insert("current", &listing.current.as_ref().map(EditionView::new));
    ctx.insert(
        "upcoming",
        &listing
            .upcoming
            .iter()
            .map(EditionView::new)
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "archive",
        &listing
            .archive
            .iter()
            .map(EditionView::new)
            .collect::<Vec<_>>(),
    );
    ctx.insert("can_create", &can_create);
    page.render("editions/home.html", &ctx)
}

pub async fn edition(
    state: web::Data<AppState>,
    page: Page,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let slug = slug.into_inner();
    let user = page.user.as_ref().map(|u| (u.id.clone(), u.is_admin));
    let (edition, is_team) = state
        .db(move |c| {
            let edition = queries::by_slug(c, &slug)?.ok_or(AppError::NotFound)?;
            let is_team = match &user {
                Some((_, true)) => true,
                Some((id, false)) => !roles::of_user(c, &edition.id, id)?.is_empty(),
                None => false,
            };
            Ok((edition, is_team))
        })
        .await?;
    let mut ctx = page.context();
    ctx.insert("edition", &EditionView::new(&edition));
    ctx.insert("is_team", &is_team);
    page.render("editions/edition.html", &ctx)
}

pub async fn add_slash(slug: web::Path<String>) -> HttpResponse {
    see_other(&format!("/{}/", slug.into_inner()))
}
