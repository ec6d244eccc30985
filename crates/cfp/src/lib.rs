//! The call for papers: proposals, speakers' profiles and the CfP settings of an edition.
//!
//! So far this slice shows where an edition's CfP stands; submission arrives with the CfP
//! issue, behind the same `configure`.

mod status;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/cfp/", web::get().to(status::show));
}

/// This crate's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
