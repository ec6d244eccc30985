//! The CfP's pages and API. Speakers: the CfP page, the proposal form, their proposals,
//! co-speaker invitations, their profile. Organisers: CfP settings, the proposal list and
//! detail, exports, mail to speakers.

mod accept;
pub mod api;
mod form_page;
mod manage_mail;
mod manage_proposals;
mod manage_review;
mod manage_settings;
mod profile;
mod public;
pub(crate) mod respond;
mod returning;
mod review;
pub mod review_api;
mod speaker_proposal;
mod submit;

use crate::model::ProposalId;
use actix_web::web;
use devday_shared::vocabulary::UserId;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/speaker/profile")
            .route(web::get().to(profile::show))
            .route(web::post().to(profile::save)),
    )
    .route(
        "/speaker/profile/photo",
        web::post().to(profile::upload_photo),
    )
    .route(
        "/speaker/profile/photo/delete",
        web::post().to(profile::delete_photo),
    )
    .route("/speaker/photos/{user_id}", web::get().to(profile::photo))
    .route("/speaker/proposals", web::get().to(profile::proposals))
    .service(
        web::resource("/cfp/invitations/{token}")
            .route(web::get().to(accept::show))
            .route(web::post().to(accept::accept)),
    )
    .route("/{edition}/cfp/", web::get().to(public::show))
    .service(
        web::resource("/{edition}/cfp/submit")
            .route(web::get().to(submit::new_form))
            .route(web::post().to(submit::create)),
    )
    .service(
        web::resource("/{edition}/cfp/availability")
            .route(web::get().to(profile::availability))
            .route(web::post().to(profile::add_window)),
    )
    .route(
        "/{edition}/cfp/availability/{id}/delete",
        web::post().to(profile::delete_window),
    )
    .route(
        "/{edition}/cfp/proposals/{id}",
        web::get().to(speaker_proposal::show),
    )
    .service(
        web::resource("/{edition}/cfp/proposals/{id}/edit")
            .route(web::get().to(submit::edit_form))
            .route(web::post().to(submit::update)),
    )
    .route(
        "/{edition}/cfp/proposals/{id}/respond",
        web::post().to(speaker_proposal::respond),
    )
    .route(
        "/{edition}/cfp/proposals/{id}/photo",
        web::post().to(speaker_proposal::upload_photo),
    )
    .route(
        "/{edition}/cfp/proposals/{id}/decline",
        web::get().to(speaker_proposal::decline_form),
    )
    .service(
        web::resource("/{edition}/cfp/proposals/{id}/withdraw")
            .route(web::get().to(speaker_proposal::withdraw_form))
            .route(web::post().to(speaker_proposal::withdraw)),
    )
    .route(
        "/{edition}/cfp/proposals/{id}/invite",
        web::post().to(speaker_proposal::invite),
    )
    .route(
        "/{edition}/cfp/proposals/{id}/invitations/{invitation}/resend",
        web::post().to(speaker_proposal::resend),
    )
    .route(
        "/{edition}/cfp/proposals/{id}/invitations/{invitation}/revoke",
        web::post().to(speaker_proposal::revoke),
    );
    review::configure(cfg);
    manage_review::configure(cfg);
    respond::configure(cfg);
    review_api::configure(cfg);
    manage_settings::configure(cfg);
    manage_proposals::configure(cfg);
    manage_mail::configure(cfg);
    returning::configure(cfg);
    api::configure(cfg);
}

use devday_shared::editions::{queries, Edition};
use devday_shared::{AppError, AppResult, AppState};

use crate::model::Proposal;
use crate::proposals;

/// A proposal of the route's edition that `user_id` speaks in; anyone else gets a 404, so
/// that proposal ids reveal nothing.
async fn own_proposal(
    state: &AppState,
    slug: String,
    id: ProposalId,
    user_id: UserId,
) -> AppResult<(Edition, Proposal)> {
    state
        .db(move |c| {
            let edition = queries::by_slug(c, &slug)?.ok_or(AppError::NotFound)?;
            let proposal = proposals::get(c, &edition.id, &id)?.ok_or(AppError::NotFound)?;
            if !proposals::is_speaker(c, &proposal.id, &user_id)? {
                return Err(AppError::NotFound);
            }
            Ok((edition, proposal))
        })
        .await
}
