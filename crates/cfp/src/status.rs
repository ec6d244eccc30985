use actix_web::{web, HttpResponse};
use devday_shared::editions::{queries, WindowState};
use devday_shared::web::Page;
use devday_shared::{AppError, AppResult, AppState};

/// The CfP page: open (with the deadline in the edition's timezone), not yet, or closed.
pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let slug = slug.into_inner();
    let edition = state
        .db(move |c| queries::by_slug(c, &slug)?.ok_or(AppError::NotFound))
        .await?;
    let now = devday_db::now();
    let mut ctx = page.context();
    ctx.insert("edition", &edition);
    ctx.insert("cfp_state", &edition.cfp_state(now));
    ctx.insert(
        "closes",
        &edition
            .cfp_closes_at
            .map(|t| edition.local(t).format("%Y-%m-%d %H:%M %Z").to_string()),
    );
    ctx.insert(
        "opens",
        &edition
            .cfp_opens_at
            .map(|t| edition.local(t).format("%Y-%m-%d %H:%M %Z").to_string()),
    );
    let days_left = match (edition.cfp_state(now), edition.cfp_closes_at) {
        (WindowState::Open, Some(closes)) => Some((closes - now).num_days()),
        _ => None,
    };
    ctx.insert("days_left", &days_left);
    page.render("cfp/status.html", &ctx)
}
