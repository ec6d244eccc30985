use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::{errors_ctx, session_cookie};
use crate::accounts::{service, sessions, users, EmailAddress, User};
use crate::error::{AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::Query;
use crate::web::{cookies, local_path, see_other, ClientIp, CsrfForm, NoFields, Page};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn form(page: Page, query: Query<NextQuery>) -> AppResult<HttpResponse> {
    if page.user.is_some() {
        return Ok(see_other(local_path(query.next.as_deref(), "/account")));
    }
    let mut ctx = page.context();
    ctx.insert("form", &serde_json::json!({ "next": query.next }));
    errors_ctx(&mut ctx, &FieldErrors::new());
    page.render("accounts/login.html", &ctx)
}

enum Outcome {
    /// The session token and where the user's work is.
    LoggedIn(String, String),
    Unconfirmed,
    Invalid,
}

pub async fn submit(
    state: web::Data<AppState>,
    page: Page,
    ip: ClientIp,
    req: HttpRequest,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> AppResult<HttpResponse> {
    state.limits.login(&ip.0).await?;
    let email = EmailAddress::parse(&form.email).ok();
    if let Some(email) = &email {
        state.limits.login(email.as_str()).await?;
    }
    let old_session = req.cookie(cookies::SESSION).map(|c| c.value().to_owned());
    let user: Option<User> = match email {
        Some(email) => state.db(move |c| Ok(users::by_email(c, &email)?)).await?,
        None => None,
    };
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    let valid = state.verify_password(form.password.clone(), hash).await?;
    let outcome = match user {
        Some(user) if valid => {
            let st = state.clone();
            let next = form.next.clone();
            state
                .db(move |conn| {
                    if user.email_confirmed_at.is_none() {
                        let next = (!next.is_empty()).then_some(next.as_str());
                        service::resend_confirmation(conn, &st.mailer, &user, next)?;
                        return Ok(Outcome::Unconfirmed);
                    }
                    // A new session id at every log-in: a planted cookie is worth nothing.
                    if let Some(old) = &old_session {
                        sessions::end(conn, old)?;
                    }
                    let days = st.settings.security.session_days;
                    let token = sessions::create(conn, &user.id, days)?;
                    let landing = crate::editions::roles::landing(conn, &user.id)?;
                    Ok(Outcome::LoggedIn(token, landing))
                })
                .await?
        }
        _ => Outcome::Invalid,
    };
    match outcome {
        Outcome::LoggedIn(token, landing) => {
            let target = local_path(Some(form.next.as_str()), &landing).to_owned();
            let mut res = see_other(&target);
            res.add_cookie(&session_cookie(&state, token))
                .map_err(crate::error::AppError::internal)?;
            Ok(res)
        }
        Outcome::Unconfirmed | Outcome::Invalid => {
            let mut errors = FieldErrors::new();
            errors.add(
                "email",
                match outcome {
                    Outcome::Unconfirmed => "login-unconfirmed",
                    _ => "login-invalid",
                },
            );
            let mut ctx = page.context();
            ctx.insert(
                "form",
                &serde_json::json!({ "email": form.email, "next": form.next }),
            );
            errors_ctx(&mut ctx, &errors);
            page.render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "accounts/login.html",
                &ctx,
            )
        }
    }
}

/// Ends the session in the database, not just the cookie.
pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    if let Some(cookie) = req.cookie(cookies::SESSION) {
        let token = cookie.value().to_owned();
        state.db(move |c| Ok(sessions::end(c, &token)?)).await?;
    }
    let mut res = see_other("/");
    res.add_cookie(&cookies::removal(cookies::SESSION))
        .map_err(crate::error::AppError::internal)?;
    Ok(res)
}
