use actix_web::{web, HttpResponse};
use devday_shared::editions::queries;
use devday_shared::web::Page;
use devday_shared::{AppError, AppResult, AppState};

/// The registration page: open, not yet (with the opening time), or closed.
pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let slug = slug.into_inner();
    let edition = state
        .db(move |c| queries::by_slug(c, &slug)?.ok_or(AppError::NotFound))
        .await?;
    let local = |t: Option<chrono::NaiveDateTime>| {
        t.map(|t| edition.local(t).format("%Y-%m-%d %H:%M %Z").to_string())
    };
    let mut ctx = page.context();
    ctx.insert("edition", &edition);
    ctx.insert("state", &edition.registration_state(devday_db::now()));
    ctx.insert("opens", &local(edition.registration_opens_at));
    ctx.insert("closes", &local(edition.registration_closes_at));
    page.render("registration/status.html", &ctx)
}
