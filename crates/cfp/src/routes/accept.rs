//! Accepting a co-speaker invitation (or claiming a proposal organisers created).

use actix_web::{web, HttpResponse};
use devday_db::DbConn;
use devday_shared::editions::queries;
use devday_shared::web::{CsrfForm, CurrentUser, Flash, Link, LinkTarget, NoFields, Page};
use diesel::QueryResult;

use crate::model::{CoSpeakerInvitation, Proposal};
use devday_shared::{AppError, AppResult, AppState};

use crate::invitations;

/// An open invitation to co-speak (or to claim a proposal), by its mailed link.
pub struct SpeakerLink(CoSpeakerInvitation, Proposal);

impl LinkTarget for SpeakerLink {
    fn find(conn: &mut DbConn, token: &str) -> QueryResult<Option<Self>> {
        Ok(invitations::open_by_token(conn, token)?.map(|(i, p)| SpeakerLink(i, p)))
    }
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    Link {
        token,
        target: SpeakerLink(invitation, proposal),
    }: Link<SpeakerLink>,
) -> AppResult<HttpResponse> {
    let edition_id = proposal.edition_id.clone();
    let edition = state
        .db(move |c| Ok(queries::by_id(c, &edition_id)?))
        .await?;
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
