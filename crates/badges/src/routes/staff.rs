//! The door staff's pages: the start page and the scanner. The scanner talks to the JSON
//! API with a token made for this device when staff start it, so it keeps working from
//! the browser's storage when the page is reloaded without network.

use actix_web::{web, HttpResponse};
use devday_shared::accounts::api_tokens;
use devday_shared::web::{CsrfForm, Page, Staff};
use devday_shared::{AppResult, AppState};
use serde::Deserialize;

use crate::lists;

pub async fn home(
    state: web::Data<AppState>,
    page: Page,
    access: Staff,
) -> AppResult<HttpResponse> {
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
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("token", "");
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
    page.render("badges/scanner.html", &ctx)
}
