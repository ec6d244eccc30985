use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::errors_ctx;
use crate::accounts::service;
use crate::error::{AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::Query;
use crate::web::{ClientIp, CsrfForm, Page};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignupForm {
    email: String,
    display_name: String,
    password: String,
    password_repeat: String,
    /// A honeypot: hidden from people, filled in by bots.
    website: String,
    next: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn form(page: Page, query: Query<NextQuery>) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("form", &serde_json::json!({ "next": query.next }));
    errors_ctx(&mut ctx, &FieldErrors::new());
    page.render("accounts/signup.html", &ctx)
}

pub async fn submit(
    state: web::Data<AppState>,
    page: Page,
    ip: ClientIp,
    CsrfForm(form): CsrfForm<SignupForm>,
) -> AppResult<HttpResponse> {
    state.limits.signup(&ip.0).await?;
    if !form.website.is_empty() {
        // Pretend success to the bot; create nothing.
        return done(&page);
    }
    let input = match service::validate_sign_up(
        &form.email,
        &form.display_name,
        &form.password,
        &form.password_repeat,
    ) {
        Ok(input) => input,
        Err(errors) => {
            let mut ctx = page.context();
            ctx.insert(
                "form",
                &serde_json::json!({
                    "email": form.email, "display_name": form.display_name, "next": form.next
                }),
            );
            errors_ctx(&mut ctx, &errors);
            return page.render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "accounts/signup.html",
                &ctx,
            );
        }
    };
    let locale = page.locale;
    let hash = state.hash_password(input.password.clone()).await?;
    let mailer = state.mailer.clone();
    let next = form.next;
    state
        .db(move |conn| {
            let next = (!next.is_empty()).then_some(next.as_str());
            service::sign_up(conn, &mailer, &input, &hash, locale, next)
        })
        .await?;
    done(&page)
}

fn done(page: &Page) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("title_key", "signup-done-title");
    ctx.insert("message_key", "signup-done-text");
    page.render("accounts/message.html", &ctx)
}
