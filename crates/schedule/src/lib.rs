//! The timetable: rooms, the slot grid and breaks (`setup`, `grid`), the draft and its
//! conflicts (`draft`, `conflicts`), released versions (`release`, `snapshot`), the public
//! schedule (`published`, `view`) and its exports (`export`).
//!
//! Domain modules hold the rules and queries; `routes` is the web layer on top of them.

pub mod audience;
pub mod board;
pub mod carry;
pub mod conflicts;
pub mod draft;
pub mod export;
pub mod feedback;
pub mod grid;
pub mod history;
pub mod hub;
pub mod model;
pub mod notices;
pub mod overview;
pub mod published;
pub mod recordings;
pub mod release;
pub mod report;
mod routes;
pub mod setup;
pub mod snapshot;
pub mod solver;
pub mod streams;
pub mod suggest;
pub mod view;

pub use routes::configure;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    paths(
        routes::api::rooms,
        routes::api::add_room,
        routes::api::grid,
        routes::api::draft,
        routes::api::place,
        routes::api::unplace,
        routes::api::releases,
        routes::api::release,
    ),
    tags((name = "schedule", description = "Rooms, the draft timetable and its releases"))
)]
struct ApiDoc;

/// This crate's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
