use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::accounts::{service, tokens};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::Query;
use crate::web::{local_path, CsrfForm, Page};

/// The link in the mail shows a button instead of confirming at once: mail scanners that
/// open links must not use it up.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextField {
    next: String,
}

pub async fn form(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
    query: Query<NextField>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let check = token.clone();
    let valid = state
        .db(move |c| Ok(tokens::peek(c, &check, tokens::Purpose::ConfirmEmail)?.is_some()))
        .await?;
    if !valid {
        return Err(AppError::LinkInvalid);
    }
    let mut ctx = page.context();
    ctx.insert("token", &token);
    ctx.insert("next", &query.next);
    page.render("accounts/confirm.html", &ctx)
}

pub async fn submit(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<NextField>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let confirmed = state.db(move |c| service::confirm_email(c, &token)).await?;
    if confirmed.is_none() {
        return Err(AppError::LinkInvalid);
    }
    let mut ctx = page.context();
    ctx.insert("title_key", "confirm-done-title");
    ctx.insert("message_key", "confirm-done-text");
    let next = local_path(Some(form.next.as_str()), "/account");
    let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
    ctx.insert("link", &format!("/account/login?{query}"));
    ctx.insert("link_key", "nav-login");
    page.render("accounts/message.html", &ctx)
}
