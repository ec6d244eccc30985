//! The door staff's pages: the start page and the scanner. The scanner talks to the JSON
//! API with a token made for this device when staff start it, so it keeps working from
//! the browser's storage when the page is reloaded without network.

use actix_web::{web, HttpResponse};
use devday_shared::accounts::api_tokens;
use devday_shared::vocabulary::RegistrationId;
use devday_shared::web::{CsrfForm, Page, Staff};
use devday_shared::{AppError, AppResult, AppState};
use serde::{Deserialize, Serialize};

use crate::{desk, lists};
use devday_shared::web::Query;

pub async fn home(
    state: web::Data<AppState>,
    page: Page,
    access: Staff,
) -> AppResult<HttpResponse> {
    if let Some(page) = super::no_door(&page, &access.edition) {
        return page;
    }
    let eid = access.edition.id.clone();
    let lists = state.db(move |c| Ok(lists::all(c, &eid)?)).await?;
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("lists", &lists);
    page.render("badges/staff.html", &ctx)
}

/// The scanner page. Without a device token in the browser's storage, it asks staff to
/// start it (which makes one).
pub async fn scanner(page: Page, access: Staff) -> AppResult<HttpResponse> {
    if let Some(page) = super::no_door(&page, &access.edition) {
        return page;
    }
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("token", "");
    ctx.insert("undo_minutes", &crate::checkin::UNDO_MINUTES);
    page.render("badges/scanner.html", &ctx)
}

#[derive(Deserialize)]
pub struct StartForm {
    #[serde(default)]
    pub device: String,
}

/// Starts the scanner on this device: a token of the signed-in staff member, named for
/// the device, which the page keeps in the browser. It is listed (and revocable) on the
/// account page like any other token.
pub async fn start(
    state: web::Data<AppState>,
    page: Page,
    access: Staff,
    form: CsrfForm<StartForm>,
) -> AppResult<HttpResponse> {
    let device: String = form.0.device.trim().chars().take(40).collect();
    let device = if device.is_empty() {
        "Scanner".to_owned()
    } else {
        device
    };
    let (uid, name) = (
        access.user.id.clone(),
        format!("{} · {}", access.edition.slug, device),
    );
    let (_, secret) = state
        .db(move |c| Ok(api_tokens::create(c, &uid, &name)?))
        .await?;
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("token", &secret);
    ctx.insert("device", &device);
    ctx.insert("undo_minutes", &crate::checkin::UNDO_MINUTES);
    page.render("badges/scanner.html", &ctx)
}

#[derive(Deserialize)]
pub struct DeskQuery {
    #[serde(default)]
    pub q: String,
}

#[derive(Serialize)]
struct DeskRow<'a> {
    #[serde(flatten)]
    found: &'a desk::Found,
    in_at: Option<String>,
}

/// The badge desk: find a person (a lost badge, a walk-in just registered) and print
/// their badge on the spot.
pub async fn desk(
    state: web::Data<AppState>,
    page: Page,
    access: Staff,
    query: Query<DeskQuery>,
) -> AppResult<HttpResponse> {
    if let Some(page) = super::no_door(&page, &access.edition) {
        return page;
    }
    let q = query.into_inner().q;
    let (eid, needle) = (access.edition.id.clone(), q.clone());
    let found = if q.trim().chars().count() >= 2 {
        state
            .db(move |c| {
                let entrance = lists::find(c, &eid, None)?.ok_or(AppError::NotFound)?;
                Ok(desk::search(c, &eid, &entrance, &needle)?)
            })
            .await?
    } else {
        Vec::new()
    };
    // When they came in, on the edition's clock.
    let rows: Vec<DeskRow<'_>> = found
        .iter()
        .map(|f| DeskRow {
            found: f,
            in_at: f
                .checked_in_at
                .map(|at| access.edition.local(at).format("%H:%M").to_string()),
        })
        .collect();
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("q", &q);
    ctx.insert("found", &rows);
    page.render("badges/desk.html", &ctx)
}

pub fn pdf_response(bytes: Vec<u8>, filename: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{filename}\""),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "private, no-store"))
        .body(bytes)
}

/// One person's badge, A6.
pub async fn badge(
    state: web::Data<AppState>,
    page: Page,
    access: Staff,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let id = RegistrationId::from(path.into_inner().1);
    let (edition, st, locale) = (access.edition.clone(), state.clone(), page.locale);
    let bytes = state
        .db(move |c| crate::printing::one_pdf(c, &st.i18n, locale, &edition, &id))
        .await?;
    Ok(pdf_response(bytes, "badge.pdf"))
}
