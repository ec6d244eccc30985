use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::errors_ctx;
use crate::accounts::{password, service, tokens, EmailAddress};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{ClientIp, CsrfForm, Page};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ForgotForm {
    email: String,
}

pub async fn forgot_form(page: Page) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("form", &serde_json::json!({}));
    errors_ctx(&mut ctx, &FieldErrors::new());
    page.render("accounts/forgot.html", &ctx)
}

pub async fn forgot_submit(
    state: web::Data<AppState>,
    page: Page,
    ip: ClientIp,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> AppResult<HttpResponse> {
    state.limits.signup(&ip.0).await?;
    let email = match EmailAddress::parse(&form.email) {
        Ok(email) => email,
        Err(e) => {
            let mut errors = FieldErrors::new();
            errors.add("email", e.message_key());
            let mut ctx = page.context();
            ctx.insert("form", &serde_json::json!({ "email": form.email }));
            errors_ctx(&mut ctx, &errors);
            return page.render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "accounts/forgot.html",
                &ctx,
            );
        }
    };
    let st = state.clone();
    state
        .db(move |c| service::request_password_reset(c, &st.mailer, &email))
        .await?;
    let mut ctx = page.context();
    ctx.insert("title_key", "forgot-done-title");
    ctx.insert("message_key", "forgot-done-text");
    page.render("accounts/message.html", &ctx)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResetForm {
    password: String,
    password_repeat: String,
}

pub async fn reset_form(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let check = token.clone();
    let valid = state
        .db(move |c| Ok(tokens::peek(c, &check, tokens::Purpose::ResetPassword)?.is_some()))
        .await?;
    if !valid {
        return Err(AppError::LinkInvalid);
    }
    let mut ctx = page.context();
    ctx.insert("token", &token);
    errors_ctx(&mut ctx, &FieldErrors::new());
    page.render("accounts/reset.html", &ctx)
}

pub async fn reset_submit(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let mut errors = FieldErrors::new();
    if let Err(e) = password::check_policy(&form.password) {
        errors.add("password", e.message_key());
    } else if form.password != form.password_repeat {
        errors.add("password_repeat", "password-mismatch");
    }
    if !errors.is_empty() {
        let mut ctx = page.context();
        ctx.insert("token", &token);
        errors_ctx(&mut ctx, &errors);
        return page.render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            "accounts/reset.html",
            &ctx,
        );
    }
    let hash = state.hash_password(form.password).await?;
    let done = state
        .db(move |c| service::reset_password(c, &token, &hash))
        .await?;
    if done.is_none() {
        return Err(AppError::LinkInvalid);
    }
    let mut ctx = page.context();
    ctx.insert("title_key", "reset-done-title");
    ctx.insert("message_key", "reset-done-text");
    ctx.insert("link", "/account/login");
    ctx.insert("link_key", "nav-login");
    page.render("accounts/message.html", &ctx)
}
