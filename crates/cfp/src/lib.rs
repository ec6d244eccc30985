//! The call for papers: proposals, speakers' profiles and the CfP settings of an edition.
//!
//! Domain modules (`settings`, `proposals`, `invitations`, `profiles`, `mailing`, `export`)
//! hold the rules and queries; `routes` is the web layer on top of them.

pub mod carry;
mod catalogue;
pub mod confirming;
pub mod export;
pub mod hub;
pub mod invitations;
pub mod mailing;
pub mod model;
pub mod overview;
pub mod profiles;
pub mod proposals;
pub mod report;
pub mod returning;
pub mod review;
mod routes;
pub mod rules;
pub mod settings;
pub mod speakers;
mod time;

pub use routes::configure;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    paths(
        routes::api::list_proposals,
        routes::api::get,
        routes::api::create,
        routes::api::update,
        routes::api::list_speakers,
        routes::review_api::list,
        routes::review_api::put_own,
        routes::review_api::decision
    ),
    tags(
        (name = "cfp", description = "Call for papers: proposals and speakers"),
        (name = "review", description = "Reviews and decisions")
    )
)]
struct ApiDoc;

/// This crate's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
