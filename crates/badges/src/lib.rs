//! Tickets, badges and check-in. Tickets are signed codes of confirmed registrations
//! (`code`, `keys`, `tickets`), with a short code to type when a QR code will not scan
//! (`short_code`); the door's rules (`checkin`) record every scan in lists
//! (`lists`); scanners keep a copy for offline use (`sync`); organisers watch the door
//! (`dashboard`).
//!
//! This crate reads the registration tables (a ticket is a confirmed registration) and
//! writes only its own; `registration` shows tickets by calling it.

pub mod carry;
pub mod checkin;
pub mod code;
pub mod dashboard;
pub mod desk;
pub mod keys;
pub mod lists;
pub mod pdf;
pub mod printing;
pub mod qr;
pub mod report;
mod routes;
pub mod short_code;
pub mod sync;
pub mod tickets;

pub use routes::configure;

/// This crate's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    #[derive(OpenApi)]
    #[openapi(paths(
        routes::api::scan,
        routes::api::sync,
        routes::api::upload,
        routes::api::search,
        routes::api::undo,
        routes::api::checkin_lists,
        routes::api::add_checkin_list
    ))]
    struct Doc;
    Doc::openapi()
}
