//! Accepting a co-speaker invitation (or claiming a proposal organisers created).

use actix_web::{web, HttpResponse};
use devday_shared::editions::queries;
use devday_shared::web::{CsrfForm, CurrentUser, Flash, NoFields, Page};
use devday_shared::{AppError, AppResult, AppState};

use crate::invitations;

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let lookup = token.clone();
    let found = state
        .db(move |c| {
            let Some((invitation, proposal)) = invitations::open_by_token(c, &lookup)? else {
                return Ok(None);
            };
            let edition = queries::by_id(c, &proposal.edition_id)?;
            Ok(Some((invitation, proposal, edition)))
        })
        .await?;
    let Some((invitation, proposal, edition)) = found else {
        return page.invalid_link();
    };
    let for_someone_else = page
        .user
        .as_ref()
        .is_some_and(|u| !u.email.eq_ignore_ascii_case(&invitation.email));
    let mut ctx = page.context();
    ctx.insert("invitation", &invitation);
    ctx.insert("proposal", &proposal);
    ctx.insert("edition", &edition);
    ctx.insert("token", &token);
    ctx.insert("for_someone_else", &for_someone_else);
    page.render("cfp/accept.html", &ctx)
}

pub async fn accept(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    token: web::Path<String>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let user = user.0;
    let proposal = state
        .db(move |c| invitations::accept(c, &token, &user.id, &user.email))
        .await
        .map_err(AppError::link_gone)?;
    let edition_id = proposal.edition_id.clone();
    let edition = state
        .db(move |c| Ok(queries::by_id(c, &edition_id)?))
        .await?;
    Ok(page.done(
        &format!("/{}/cfp/proposals/{}", edition.slug, proposal.id),
        Flash::new("flash-co-speaker-joined").text("title", &proposal.title),
    ))
}
