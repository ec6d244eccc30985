use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::{errors_ctx, session_cookie};
use crate::accounts::{service, sessions};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::settings_store;
use crate::state::AppState;
use crate::web::{see_other, CsrfForm, Page};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SetupForm {
    email: String,
    display_name: String,
    password: String,
    password_repeat: String,
}

/// The one-time page that creates the first admin; gone once anyone has an account.
pub async fn form(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let check = token.clone();
    let valid = state
        .db(move |c| {
            Ok(crate::accounts::users::count(c)? == 0
                && settings_store::setup_token_valid(c, &check)?)
        })
        .await?;
    if !valid {
        return Err(AppError::NotFound);
    }
    let mut ctx = page.context();
    ctx.insert("token", &token);
    ctx.insert("form", &serde_json::json!({}));
    errors_ctx(&mut ctx, &FieldErrors::new());
    page.render("accounts/setup.html", &ctx)
}

pub async fn submit(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<SetupForm>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let input = match service::validate_sign_up(
        &form.email,
        &form.display_name,
        &form.password,
        &form.password_repeat,
    ) {
        Ok(input) => input,
        Err(errors) => {
            let mut ctx = page.context();
            ctx.insert("token", &token);
            ctx.insert(
                "form",
                &serde_json::json!({ "email": form.email, "display_name": form.display_name }),
            );
            errors_ctx(&mut ctx, &errors);
            return page.render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "accounts/setup.html",
                &ctx,
            );
        }
    };
    let locale = page.locale;
    let hash = state.hash_password(input.password.clone()).await?;
    let days = state.settings.security.session_days;
    let session = state
        .db(move |c| {
            let admin = service::create_first_admin(c, &token, &input, &hash, locale)?;
            Ok(sessions::create(c, &admin.id, days)?)
        })
        .await?;
    let mut res = see_other("/admin");
    res.add_cookie(&session_cookie(&state, session))
        .map_err(AppError::internal)?;
    Ok(res)
}
