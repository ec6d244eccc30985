//! Tickets, badges and check-in. So far: the door staff's start page, where the scanner will
//! live (badges issue).

mod staff;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/staff/", web::get().to(staff::home));
}

/// This crate's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
