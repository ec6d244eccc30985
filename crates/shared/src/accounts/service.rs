//! Account operations that change several things at once (a user, a token, a mail), each in
//! one transaction so nothing is half-done.

use crate::vocabulary::UserId;
use devday_db::{write_transaction, DbConn};
use diesel::QueryResult;

use super::email::EmailAddress;
use super::password;
use super::tokens::{self, Purpose};
use super::users::{self, NewUser, User};
use super::{api_tokens, sessions};
use crate::editions::{queries, roles, Role};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Locale;
use crate::mail::{outbox, Mailer};

pub const NAME_MAX: usize = 100;

/// A sign-up whose fields have been checked.
pub struct SignUp {
    pub email: EmailAddress,
    pub display_name: String,
    pub password: String,
}

/// Checks the sign-up form; errors are Fluent message ids per field.
pub fn validate_sign_up(
    email: &str,
    name: &str,
    password: &str,
    password_repeat: &str,
) -> Result<SignUp, FieldErrors> {
    let mut errors = FieldErrors::new();
    let email = EmailAddress::parse(email).map_err(|e| errors.add("email", e.message_key()));
    let name = validate_name(name).map_err(|key| errors.add("display_name", key));
    if let Err(e) = password::check_policy(password) {
        errors.add("password", e.message_key());
    } else if password != password_repeat {
        errors.add("password_repeat", "password-mismatch");
    }
    match (email, name) {
        (Ok(email), Ok(display_name)) if errors.is_empty() => Ok(SignUp {
            email,
            display_name,
            password: password.to_owned(),
        }),
        _ => Err(errors),
    }
}

pub fn validate_name(name: &str) -> Result<String, &'static str> {
    let name = name.trim();
    if name.is_empty() {
        Err("field-required")
    } else if name.chars().count() > NAME_MAX {
        Err("field-too-long")
    } else {
        Ok(name.to_owned())
    }
}

/// Creates the account and mails the confirmation link. For a known address it creates
/// nothing and mails the owner instead, so the form never reveals who has an account.
pub fn sign_up(
    conn: &mut DbConn,
    mailer: &Mailer,
    input: &SignUp,
    password_hash: &str,
    locale: Locale,
    next: Option<&str>,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        if let Some(existing) = users::by_email(conn, &input.email)? {
            let mut ctx = tera::Context::new();
            ctx.insert("name", &existing.display_name);
            ctx.insert("login_link", &mailer.link("/account/login"));
            ctx.insert("reset_link", &mailer.link("/account/password/forgot"));
            let mail = mailer.compose("account_exists", locale, &existing.email, ctx)?;
            outbox::enqueue(conn, &mail)?;
            return Ok(());
        }
        let user = users::create(
            conn,
            NewUser {
                email: &input.email,
                display_name: &input.display_name,
                password_hash: Some(password_hash),
                locale,
                is_admin: false,
                confirmed: false,
            },
        )?;
        enqueue_confirmation(conn, mailer, &user, next)
    })?;
    mailer.notify();
    Ok(())
}

/// `next` (a local path) is where the person goes after confirming and logging in, such as
/// the invitation they signed up for.
fn enqueue_confirmation(
    conn: &mut DbConn,
    mailer: &Mailer,
    user: &User,
    next: Option<&str>,
) -> AppResult<()> {
    let token = tokens::issue(conn, &user.id, Purpose::ConfirmEmail)?;
    let mut path = format!("/account/confirm/{token}");
    if let Some(next) = next.filter(|n| n.starts_with('/') && !n.starts_with("//")) {
        path.push('?');
        path.push_str(&serde_urlencoded::to_string([("next", next)]).unwrap_or_default());
    }
    let mut ctx = tera::Context::new();
    ctx.insert("name", &user.display_name);
    ctx.insert("link", &mailer.link(&path));
    let locale = Locale::parse(&user.locale).unwrap_or_default();
    let mail = mailer.compose("confirm_email", locale, &user.email, ctx)?;
    outbox::enqueue(conn, &mail)?;
    Ok(())
}

/// Sends a new confirmation link to a user who has not confirmed yet.
pub fn resend_confirmation(
    conn: &mut DbConn,
    mailer: &Mailer,
    user: &User,
    next: Option<&str>,
) -> AppResult<()> {
    write_transaction(conn, |conn| enqueue_confirmation(conn, mailer, user, next))?;
    mailer.notify();
    Ok(())
}

/// Confirms the address behind a link; `None` if the link is unknown, used or expired.
pub fn confirm_email(conn: &mut DbConn, token: &str) -> AppResult<Option<User>> {
    write_transaction(conn, |conn| {
        let Some(user_id) = tokens::consume(conn, token, Purpose::ConfirmEmail)? else {
            return Ok(None);
        };
        users::confirm_email(conn, &user_id)?;
        Ok(Some(users::find(conn, &user_id)?))
    })
}

/// Mails a reset link if the address has an account; says nothing either way.
pub fn request_password_reset(
    conn: &mut DbConn,
    mailer: &Mailer,
    email: &EmailAddress,
) -> AppResult<()> {
    let sent = write_transaction(conn, |conn| -> AppResult<bool> {
        let Some(user) = users::by_email(conn, email)? else {
            return Ok(false);
        };
        let token = tokens::issue(conn, &user.id, Purpose::ResetPassword)?;
        let mut ctx = tera::Context::new();
        ctx.insert("name", &user.display_name);
        ctx.insert(
            "link",
            &mailer.link(&format!("/account/password/reset/{token}")),
        );
        let locale = Locale::parse(&user.locale).unwrap_or_default();
        let mail = mailer.compose("reset_password", locale, &user.email, ctx)?;
        outbox::enqueue(conn, &mail)?;
        Ok(true)
    })?;
    if sent {
        mailer.notify();
    }
    Ok(())
}

/// Sets a new password through a reset link. Whoever knew the old password may have left
/// sessions, API tokens or further reset links behind: all of them stop working. The link
/// proves the mailbox, so an unconfirmed address counts as confirmed afterwards.
pub fn reset_password(conn: &mut DbConn, token: &str, new_hash: &str) -> AppResult<Option<User>> {
    write_transaction(conn, |conn| {
        let Some(user_id) = tokens::consume(conn, token, Purpose::ResetPassword)? else {
            return Ok(None);
        };
        users::set_password_hash(conn, &user_id, new_hash)?;
        users::confirm_email(conn, &user_id)?;
        sessions::end_all(conn, &user_id)?;
        api_tokens::revoke_all(conn, &user_id)?;
        tokens::use_up_all(conn, &user_id, Purpose::ResetPassword)?;
        Ok(Some(users::find(conn, &user_id)?))
    })
}

/// Creates the first admin through the one-time setup link printed at start.
pub fn create_first_admin(
    conn: &mut DbConn,
    setup_token: &str,
    input: &SignUp,
    password_hash: &str,
    locale: Locale,
) -> AppResult<User> {
    write_transaction(conn, |conn| {
        if users::count(conn)? > 0 || !crate::settings_store::take_setup_token(conn, setup_token)? {
            return Err(AppError::NotFound);
        }
        Ok(users::create(
            conn,
            NewUser {
                email: &input.email,
                display_name: &input.display_name,
                password_hash: Some(password_hash),
                locale,
                is_admin: true,
                confirmed: true,
            },
        )?)
    })
}

/// Everything devday keeps about a person, for them to download (GDPR art. 15 and 20).
pub fn export(conn: &mut DbConn, user_id: &UserId) -> QueryResult<serde_json::Value> {
    let user = users::find(conn, user_id)?;
    let roles = roles::editions_of_user(conn, user_id)?;
    let tokens = api_tokens::list(conn, user_id)?;
    Ok(serde_json::json!({
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "locale": user.locale,
            "is_admin": user.is_admin,
            "email_confirmed_at": user.email_confirmed_at,
            "created_at": user.created_at,
        },
        "roles": roles.iter().map(|(edition, role)| serde_json::json!({
            "edition": edition.slug, "role": role.as_str()
        })).collect::<Vec<_>>(),
        "api_tokens": tokens,
    }))
}

/// Deletes the account and everything that hangs on it. The last admin cannot leave, nor
/// the last organiser of an edition, or nobody could run it any more.
pub fn delete_account(conn: &mut DbConn, user_id: &UserId) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let user = users::find(conn, user_id)?;
        if user.is_admin {
            users::lock_admins(conn)?;
            if users::admin_count(conn)? <= 1 {
                return Err(AppError::Refused(crate::Refusal::LastAdmin));
            }
        }
        for (edition, role) in roles::editions_of_user(conn, user_id)? {
            if role == Role::Organiser {
                queries::lock(conn, &edition.id)?;
                if roles::organiser_count(conn, &edition.id)? <= 1 {
                    return Err(AppError::Refused(crate::Refusal::LastOrganiserOf {
                        edition: edition.name.clone(),
                    }));
                }
            }
        }
        users::delete(conn, user_id)?;
        Ok(())
    })
}
