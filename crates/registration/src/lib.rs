//! Registration: ticket types, capacity, registrations and the waiting list.
//!
//! So far this slice shows where an edition's registration stands; registering arrives with
//! the registration issue, behind the same `configure`.

mod status;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/register/", web::get().to(status::show));
}

/// This crate's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
