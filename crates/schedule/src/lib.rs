//! The timetable: rooms, the slot grid, the draft and its released versions, the public
//! schedule and its exports. The routes arrive with the timetable issue.

use actix_web::web;

pub fn configure(_cfg: &mut web::ServiceConfig) {}

/// This crate's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
