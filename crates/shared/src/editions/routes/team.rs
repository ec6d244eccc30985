use crate::vocabulary::UserId;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::EditionView;
use crate::accounts::EmailAddress;
use crate::editions::invitations::{self, Invite};
use crate::editions::{queries, roles, Role};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Locale;
use crate::state::AppState;
use crate::web::{CsrfForm, Flash, NoFields, Organiser, Page};

async fn render(
    state: &web::Data<AppState>,
    page: &Page,
    access: &Organiser,
    errors: &FieldErrors,
    form: serde_json::Value,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let id = access.edition.id.clone();
    let (team, pending) = state
        .db(move |c| Ok((roles::team(c, &id)?, invitations::pending(c, &id)?)))
        .await?;
    let mut ctx = page.context();
    ctx.insert("edition", &EditionView::new(&access.edition));
    ctx.insert("team", &team);
    ctx.insert("pending", &pending);
    ctx.insert("roles", Role::ALL);
    ctx.insert("errors", errors);
    ctx.insert("form", &form);
    page.render_status(status, "editions/team.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    render(
        &state,
        &page,
        &access,
        &FieldErrors::new(),
        serde_json::json!({}),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteForm {
    email: String,
    role: String,
    locale: String,
}

pub async fn invite(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> AppResult<HttpResponse> {
    let mut errors = FieldErrors::new();
    let email = EmailAddress::parse(&form.email).map_err(|e| errors.add("email", e.message_key()));
    let role = Role::parse(&form.role).ok_or_else(|| errors.add("role", "field-invalid"));
    let (Ok(email), Ok(role)) = (email, role) else {
        let echo = serde_json::json!({ "email": form.email, "role": form.role });
        return render(
            &state,
            &page,
            &access,
            &errors,
            echo,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let locale = Locale::parse(&form.locale).unwrap_or(page.locale);
    let invited = email.as_str().to_owned();
    let st = state.clone();
    let edition = access.edition.clone();
    let user = access.user.clone();
    state
        .db(move |c| {
            invitations::invite(
                c,
                &st.mailer,
                Invite {
                    edition: &edition,
                    email: &email,
                    role,
                    invited_by: &user.id,
                    inviter_name: &user.display_name,
                    locale,
                },
            )
        })
        .await?;
    Ok(page.done(
        &format!("/{}/manage/team", access.edition.slug),
        Flash::new("flash-invited").text("email", &invited),
    ))
}

/// Every form field has a default, so that a malformed body never answers before the
/// authorisation check does (actix runs extractors concurrently).
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RemoveForm {
    user_id: UserId,
    role: String,
}

/// Takes a role away; an edition always keeps at least one organiser.
pub async fn remove(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> AppResult<HttpResponse> {
    let role =
        Role::parse(&form.role).ok_or_else(|| AppError::Refused(crate::Refusal::UnknownRole))?;
    let edition_id = access.edition.id.clone();
    state
        .db(move |c| {
            devday_db::write_transaction(c, |c| {
                queries::lock(c, &edition_id)?;
                if role == Role::Organiser && roles::organiser_count(c, &edition_id)? <= 1 {
                    return Err(AppError::Refused(crate::Refusal::EditionNeedsOrganiser));
                }
                match roles::revoke(c, &edition_id, &form.user_id, role)? {
                    0 => Err(AppError::NotFound),
                    _ => Ok(()),
                }
            })
        })
        .await?;
    Ok(page.done(
        &format!("/{}/manage/team", access.edition.slug),
        Flash::new("flash-role-removed").text("role", role.as_str()),
    ))
}

pub async fn revoke_invitation(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let (_, id) = path.into_inner();
    let edition_id = access.edition.id.clone();
    if !state
        .db(move |c| Ok(invitations::revoke(c, &edition_id, &id)?))
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(page.done(
        &format!("/{}/manage/team", access.edition.slug),
        Flash::new("flash-invitation-revoked"),
    ))
}
