//! The attendee's ticket behind the manage link: the page, a one-page PDF to print, the
//! QR code as PNG and SVG, and a calendar file. Only a confirmed registration has a code.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use devday_badges::tickets::Codes;
use devday_shared::web::Page;
use devday_shared::{AppError, AppResult, AppState};

use crate::ticket::Ticket;

async fn ticket_of(state: &AppState, token: String) -> AppResult<Option<Ticket>> {
    state.db(move |c| Ticket::by_manage_token(c, &token)).await
}

pub async fn page(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let Some(ticket) = ticket_of(&state, token.clone()).await? else {
        return Err(AppError::LinkInvalid);
    };
    let mut ctx = page.context();
    ctx.insert("registration", &ticket.registration);
    ctx.insert("edition", &ticket.edition);
    ctx.insert("facts", &ticket.facts(page.locale));
    ctx.insert("has_ticket", &ticket.codes.is_some());
    if let Some(codes) = &ticket.codes {
        ctx.insert(
            "qr_svg",
            &devday_badges::qr::svg(&codes.qr).map_err(AppError::internal)?,
        );
        ctx.insert("code", &codes.qr);
        ctx.insert("short_code", &codes.short.to_string());
    }
    ctx.insert("ticket_types", &ticket.holder.ticket_type_line(page.locale));
    ctx.insert("token", &token);
    page.render("registration/ticket.html", &ctx)
}

/// A valid ticket behind the link and its codes, or 404 (cancelled, expired, or a stale
/// link).
async fn valid(state: &AppState, token: String) -> AppResult<(Ticket, Codes)> {
    let ticket = ticket_of(state, token).await?.ok_or(AppError::NotFound)?;
    let codes = ticket.codes.clone().ok_or(AppError::NotFound)?;
    Ok((ticket, codes))
}

/// Tickets are personal: never kept by a shared cache.
fn private(res: &mut actix_web::HttpResponseBuilder) -> &mut actix_web::HttpResponseBuilder {
    res.insert_header((header::CACHE_CONTROL, "private, no-store"))
}

/// A download named after the edition ("devday-2027-ticket.pdf").
fn download(ticket: &Ticket, extension: &str, content_type: &str, body: Vec<u8>) -> HttpResponse {
    private(&mut HttpResponse::Ok())
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"{}-ticket.{extension}\"",
                ticket.edition.slug
            ),
        ))
        .body(body)
}

/// The ticket as a one-page A4 PDF in the reader's language.
pub async fn pdf(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (ticket, _) = valid(&state, token.into_inner()).await?;
    let print = ticket
        .print(&state.i18n, page.locale)
        .ok_or(AppError::NotFound)?;
    let bytes = web::block(move || devday_badges::pdf::ticket(&print))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::internal)?;
    Ok(download(&ticket, "pdf", "application/pdf", bytes))
}

/// The conference and the person's workshops, for their calendar.
pub async fn calendar(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let (ticket, _) = valid(&state, token.clone()).await?;
    let url = format!("{}/register/manage/{token}/ticket", state.public_url);
    let ics = ticket.calendar(&url).into_bytes();
    Ok(download(
        &ticket,
        "ics",
        "text/calendar; charset=utf-8",
        ics,
    ))
}

pub async fn png(state: web::Data<AppState>, token: web::Path<String>) -> AppResult<HttpResponse> {
    let (_, codes) = valid(&state, token.into_inner()).await?;
    let bytes = devday_badges::qr::png(&codes.qr).map_err(AppError::internal)?;
    Ok(private(&mut HttpResponse::Ok())
        .content_type("image/png")
        .body(bytes))
}

pub async fn svg(state: web::Data<AppState>, token: web::Path<String>) -> AppResult<HttpResponse> {
    let (_, codes) = valid(&state, token.into_inner()).await?;
    let svg = devday_badges::qr::svg(&codes.qr).map_err(AppError::internal)?;
    Ok(private(&mut HttpResponse::Ok())
        .content_type("image/svg+xml")
        .body(svg))
}
