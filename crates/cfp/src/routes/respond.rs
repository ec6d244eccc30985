//! Speakers confirm or decline an accepted proposal through the link in the acceptance
//! mail (the link is the credential, so no log-in is needed).

use actix_web::{web, HttpResponse};
use devday_db::DbConn;
use devday_shared::web::{see_other, Confirmation, CsrfForm, Link, LinkTarget, MaybeUser, Page};
use devday_shared::{AppError, AppResult, AppState};
use diesel::QueryResult;
use serde::Deserialize;

use crate::model::Proposal;
use crate::review::decide;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/cfp/respond/{token}")
            .route(web::get().to(show))
            .route(web::post().to(answer)),
    )
    .route("/cfp/respond/{token}/decline", web::get().to(decline_form));
}

/// An accepted proposal waiting for its speaker's answer, by the mailed link.
pub struct ResponseLink(Proposal);

impl LinkTarget for ResponseLink {
    fn find(conn: &mut DbConn, token: &str) -> QueryResult<Option<Self>> {
        Ok(decide::open_response(conn, token)?.map(ResponseLink))
    }
}

/// The answer page of the mailed link. A signed-in speaker of the proposal goes on to its
/// page, where confirming also asks for photo, biography, days and consent; anyone else
/// is offered to sign in for that, or to answer right here.
pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    viewer: MaybeUser,
    Link {
        token,
        target: ResponseLink(proposal),
    }: Link<ResponseLink>,
) -> AppResult<HttpResponse> {
    let viewer = viewer.0.map(|u| u.id);
    let (proposal, slug, is_speaker) = state
        .db(move |c| {
            let slug = devday_shared::editions::queries::by_id(c, &proposal.edition_id)?.slug;
            let is_speaker = match viewer {
                Some(id) => crate::proposals::speakers(c, &proposal.id)?
                    .iter()
                    .any(|s| s.user_id == id),
                None => false,
            };
            Ok((proposal, slug, is_speaker))
        })
        .await?;
    let full = format!("/{slug}/cfp/proposals/{}", proposal.id);
    if is_speaker {
        return Ok(see_other(&format!("{full}#confirm-title")));
    }
    let mut ctx = page.context();
    ctx.insert("proposal", &proposal);
    ctx.insert("full", &full);
    ctx.insert("token", &token);
    page.render("cfp/respond.html", &ctx)
}

/// Asks before declining: the place goes to someone else.
pub async fn decline_form(
    page: Page,
    Link {
        token,
        target: ResponseLink(proposal),
    }: Link<ResponseLink>,
) -> AppResult<HttpResponse> {
    let back = format!("/cfp/respond/{token}");
    page.confirm(Confirmation {
        question: "confirm-decline",
        subject: &proposal.title,
        consequence: "confirm-decline-text",
        yes: "respond-decline",
        action: &back,
        back: &back,
        fields: &[("answer", "decline")],
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerForm {
    /// confirm or decline
    answer: String,
}

impl AnswerForm {
    /// The answer field of a larger form.
    pub fn of(answer: &str) -> AnswerForm {
        AnswerForm {
            answer: answer.to_owned(),
        }
    }

    /// True to confirm, false to decline.
    pub fn confirms(&self) -> AppResult<bool> {
        match self.answer.as_str() {
            "confirm" => Ok(true),
            "decline" => Ok(false),
            _ => Err(AppError::Refused(
                devday_shared::Refusal::ChooseConfirmOrDecline,
            )),
        }
    }
}

pub async fn answer(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> AppResult<HttpResponse> {
    let confirm = form.confirms()?;
    let token = token.into_inner();
    match state.db(move |c| decide::respond(c, &token, confirm)).await {
        Ok(_) => {}
        Err(AppError::NotFound) => return Err(AppError::LinkInvalid),
        Err(e) => return Err(e),
    }
    let mut ctx = page.context();
    ctx.insert(
        "title_key",
        if confirm {
            "respond-confirmed-title"
        } else {
            "respond-declined-title"
        },
    );
    ctx.insert(
        "message_key",
        if confirm {
            "respond-confirmed-text"
        } else {
            "respond-declined-text"
        },
    );
    page.render("accounts/message.html", &ctx)
}
