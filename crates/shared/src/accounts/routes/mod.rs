//! The account pages: sign-up, confirmation, log-in and -out, password reset, one's own
//! account (profile, password, API tokens, data export, deletion), the first-admin setup,
//! the language switch and the admin's list of people.

mod account;
mod admin;
mod confirm;
mod lang;
mod login;
mod password_reset;
mod setup;
mod signup;

use actix_web::web;

use crate::state::AppState;
use crate::web::cookies;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/account/signup")
            .route(web::get().to(signup::form))
            .route(web::post().to(signup::submit)),
    )
    .service(
        web::resource("/account/confirm/{token}")
            .route(web::get().to(confirm::form))
            .route(web::post().to(confirm::submit)),
    )
    .service(
        web::resource("/account/login")
            .route(web::get().to(login::form))
            .route(web::post().to(login::submit)),
    )
    .route("/account/logout", web::post().to(login::logout))
    .service(
        web::resource("/account/password/forgot")
            .route(web::get().to(password_reset::forgot_form))
            .route(web::post().to(password_reset::forgot_submit)),
    )
    .service(
        web::resource("/account/password/reset/{token}")
            .route(web::get().to(password_reset::reset_form))
            .route(web::post().to(password_reset::reset_submit)),
    )
    .route("/account", web::get().to(account::show))
    .route("/account/profile", web::post().to(account::update_profile))
    .route(
        "/account/password",
        web::post().to(account::change_password),
    )
    .route("/account/tokens", web::post().to(account::create_token))
    .route(
        "/account/tokens/{id}/revoke",
        web::post().to(account::revoke_token),
    )
    .route("/account/data.json", web::get().to(account::export))
    .route("/account/delete", web::post().to(account::delete))
    .service(
        web::resource("/setup/{token}")
            .route(web::get().to(setup::form))
            .route(web::post().to(setup::submit)),
    )
    .route("/lang/{code}", web::get().to(lang::switch))
    .route("/admin", web::get().to(admin::index))
    .route("/admin/users/{id}/admin", web::post().to(admin::set_admin))
    .route("/admin/mail/{id}/retry", web::post().to(admin::retry_mail));
}

/// The session cookie for a new log-in.
fn session_cookie(state: &AppState, token: String) -> actix_web::cookie::Cookie<'static> {
    cookies::build(
        cookies::SESSION,
        token,
        state.secure_cookies(),
        state.settings.security.session_days,
    )
}

/// Field errors as the templates show them: message ids per field.
fn errors_ctx(ctx: &mut tera::Context, errors: &crate::FieldErrors) {
    ctx.insert("errors", errors);
}
