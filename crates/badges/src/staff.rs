use actix_web::HttpResponse;
use devday_shared::web::{Page, Staff};
use devday_shared::AppResult;

/// Only door staff and organisers of the edition get here.
pub async fn home(page: Page, access: Staff) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    page.render("badges/staff.html", &ctx)
}
