use actix_web::{web, HttpResponse};

use crate::editions::invitations;
use crate::editions::{invitations::Invitation, Edition};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::{see_other, CsrfForm, CurrentUser, Link, LinkTarget, NoFields, Page};
use devday_db::DbConn;

/// An open invitation into an edition's team, by its mailed link.
pub struct TeamLink(Invitation, Edition);

impl LinkTarget for TeamLink {
    fn find(conn: &mut DbConn, token: &str) -> diesel::QueryResult<Option<Self>> {
        Ok(invitations::open_by_token(conn, token)?.map(|(i, e)| TeamLink(i, e)))
    }
}

/// Shows what the invitation offers; anonymous visitors are asked to log in or sign up and
/// come back to this page.
pub async fn show(
    page: Page,
    Link {
        token,
        target: TeamLink(invitation, edition),
    }: Link<TeamLink>,
) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    let for_someone_else = page
        .user
        .as_ref()
        .is_some_and(|u| !u.email.eq_ignore_ascii_case(&invitation.email));
    ctx.insert("for_someone_else", &for_someone_else);
    ctx.insert("invitation", &invitation);
    ctx.insert("edition", &edition);
    ctx.insert("token", &token);
    page.render("editions/invitation.html", &ctx)
}

pub async fn accept(
    state: web::Data<AppState>,
    user: CurrentUser,
    token: web::Path<String>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let user = user.0;
    let edition = state
        .db(move |c| invitations::accept(c, &token, &user.id, &user.email))
        .await
        .map_err(AppError::link_gone)?;
    Ok(see_other(&format!("/{}/", edition.slug)))
}
