use crate::vocabulary::UserId;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::errors_ctx;
use crate::accounts::{api_tokens, password, service, sessions, users};
use crate::editions::roles;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Locale;
use crate::state::AppState;
use crate::web::{cookies, see_other, CsrfForm, CurrentUser, NoFields, Page};

/// The account page; `new_token` shows a just-created API token once.
async fn render(
    state: &web::Data<AppState>,
    page: &Page,
    user_id: UserId,
    errors: FieldErrors,
    new_token: Option<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (user, tokens, memberships) = state
        .db(move |c| {
            Ok((
                users::find(c, &user_id)?,
                api_tokens::list(c, &user_id)?,
                roles::editions_of_user(c, &user_id)?,
            ))
        })
        .await?;
    let memberships: Vec<_> = memberships
        .iter()
        .map(|(edition, role)| {
            serde_json::json!({ "slug": edition.slug, "name": edition.name, "role": role.as_str() })
        })
        .collect();
    let mut ctx = page.context();
    ctx.insert("account", &user);
    ctx.insert("tokens", &tokens);
    ctx.insert("memberships", &memberships);
    ctx.insert("new_token", &new_token);
    errors_ctx(&mut ctx, &errors);
    page.render_status(status, "accounts/account.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
) -> AppResult<HttpResponse> {
    render(
        &state,
        &page,
        user.0.id,
        FieldErrors::new(),
        None,
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProfileForm {
    display_name: String,
    locale: String,
}

pub async fn update_profile(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> AppResult<HttpResponse> {
    let mut errors = FieldErrors::new();
    let name =
        service::validate_name(&form.display_name).map_err(|k| errors.add("display_name", k));
    let locale = Locale::parse(&form.locale).ok_or_else(|| errors.add("locale", "field-invalid"));
    let (Ok(name), Ok(locale)) = (name, locale) else {
        return render(
            &state,
            &page,
            user.0.id,
            errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let id = user.0.id;
    state
        .db(move |c| Ok(users::update_profile(c, &id, &name, locale)?))
        .await?;
    Ok(see_other("/account"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
}

/// Changing the password ends every other session of the account.
pub async fn change_password(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> AppResult<HttpResponse> {
    if let Err(e) = password::check_policy(&form.new_password) {
        let mut errors = FieldErrors::new();
        errors.add("new_password", e.message_key());
        return render(
            &state,
            &page,
            user.0.id,
            errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    state.limits.login(&user.0.id).await?;
    let id = user.0.id.clone();
    let account = state.db(move |c| Ok(users::find(c, &id)?)).await?;
    let valid = state
        .verify_password(form.current_password, account.password_hash)
        .await?;
    let session = if valid {
        let hash = state.hash_password(form.new_password).await?;
        let id = user.0.id.clone();
        let days = state.settings.security.session_days;
        let session = state
            .db(move |c| {
                devday_db::write_transaction(c, |c| {
                    users::set_password_hash(c, &id, &hash)?;
                    sessions::end_all(c, &id)?;
                    Ok::<_, AppError>(sessions::create(c, &id, days)?)
                })
            })
            .await?;
        Some(session)
    } else {
        None
    };
    let Some(session) = session else {
        let mut errors = FieldErrors::new();
        errors.add("current_password", "password-wrong");
        return render(
            &state,
            &page,
            user.0.id,
            errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let mut res = see_other("/account");
    res.add_cookie(&super::session_cookie(&state, session))
        .map_err(AppError::internal)?;
    Ok(res)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    name: String,
}

pub async fn create_token(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> AppResult<HttpResponse> {
    let name = match service::validate_name(&form.name) {
        Ok(name) => name,
        Err(key) => {
            let mut errors = FieldErrors::new();
            errors.add("token_name", key);
            return render(
                &state,
                &page,
                user.0.id,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let id = user.0.id.clone();
    let (_, secret) = state
        .db(move |c| Ok(api_tokens::create(c, &id, &name)?))
        .await?;
    render(
        &state,
        &page,
        user.0.id,
        FieldErrors::new(),
        Some(secret),
        StatusCode::OK,
    )
    .await
}

pub async fn revoke_token(
    state: web::Data<AppState>,
    user: CurrentUser,
    token_id: web::Path<String>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let token_id = token_id.into_inner();
    let revoked = state
        .db(move |c| Ok(api_tokens::revoke(c, &user.0.id, &token_id)?))
        .await?;
    if !revoked {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/account"))
}

/// Everything devday keeps about the signed-in person, as JSON.
pub async fn export(state: web::Data<AppState>, user: CurrentUser) -> AppResult<HttpResponse> {
    let id = user.0.id;
    let data = state.db(move |c| Ok(service::export(c, &id)?)).await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"devday-my-data.json\"",
        ))
        .json(data))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DeleteForm {
    password: String,
}

pub async fn delete(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    CsrfForm(form): CsrfForm<DeleteForm>,
) -> AppResult<HttpResponse> {
    state.limits.login(&user.0.id).await?;
    let id = user.0.id.clone();
    let account = state.db(move |c| Ok(users::find(c, &id)?)).await?;
    let deleted = state
        .verify_password(form.password, account.password_hash)
        .await?;
    if deleted {
        let id = user.0.id.clone();
        state.db(move |c| service::delete_account(c, &id)).await?;
    }
    if !deleted {
        let mut errors = FieldErrors::new();
        errors.add("delete_password", "password-wrong");
        return render(
            &state,
            &page,
            user.0.id,
            errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let mut res = see_other("/");
    res.add_cookie(&cookies::removal(cookies::SESSION))
        .map_err(AppError::internal)?;
    Ok(res)
}
