//! The attendee's ticket behind the manage link: a printable page, PNG and SVG. The code is
//! signed by the badges crate; only a confirmed registration has one.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use devday_shared::editions::queries;
use devday_shared::web::Page;
use devday_shared::{AppError, AppResult, AppState};

use crate::register;

/// The registration behind a manage link, its edition, its ticket code (`None` unless
/// confirmed) and its holder record (ticket types in both languages).
async fn ticket_of(
    state: &AppState,
    token: String,
) -> AppResult<
    Option<(
        crate::model::Registration,
        devday_shared::editions::Edition,
        Option<String>,
        devday_badges::tickets::Holder,
    )>,
> {
    state
        .db(move |c| {
            let Some(reg) = register::by_manage_token(c, &token)? else {
                return Ok(None);
            };
            let edition = queries::by_id(c, &reg.edition_id)?;
            let holder = devday_badges::tickets::holder(c, &reg.id)?.ok_or(AppError::NotFound)?;
            let code = devday_badges::tickets::code(c, &holder)?;
            Ok(Some((reg, edition, code, holder)))
        })
        .await
}

pub async fn page(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let Some((reg, edition, code, holder)) = ticket_of(&state, token.clone()).await? else {
        return page.invalid_link();
    };
    let mut ctx = page.context();
    ctx.insert("registration", &reg);
    ctx.insert("edition", &edition);
    ctx.insert("has_ticket", &code.is_some());
    if let Some(code) = code {
        ctx.insert(
            "qr_svg",
            &devday_badges::qr::svg(&code).map_err(AppError::internal)?,
        );
        ctx.insert("code", &code);
    }
    ctx.insert("ticket_types", &holder.ticket_type_line(page.locale));
    ctx.insert("token", &token);
    page.render("registration/ticket.html", &ctx)
}

async fn code_of(state: &AppState, token: String) -> AppResult<String> {
    ticket_of(state, token)
        .await?
        .and_then(|(_, _, code, _)| code)
        .ok_or(AppError::NotFound)
}

/// Tickets are personal: never kept by a shared cache.
fn private(res: &mut actix_web::HttpResponseBuilder) -> &mut actix_web::HttpResponseBuilder {
    res.insert_header((header::CACHE_CONTROL, "private, no-store"))
}

pub async fn png(state: web::Data<AppState>, token: web::Path<String>) -> AppResult<HttpResponse> {
    let code = code_of(&state, token.into_inner()).await?;
    let bytes = devday_badges::qr::png(&code).map_err(AppError::internal)?;
    Ok(private(&mut HttpResponse::Ok())
        .content_type("image/png")
        .body(bytes))
}

pub async fn svg(state: web::Data<AppState>, token: web::Path<String>) -> AppResult<HttpResponse> {
    let code = code_of(&state, token.into_inner()).await?;
    let svg = devday_badges::qr::svg(&code).map_err(AppError::internal)?;
    Ok(private(&mut HttpResponse::Ok())
        .content_type("image/svg+xml")
        .body(svg))
}
