//! Registration: ticket types with capacity, registrations with double opt-in, a private
//! manage link, cancellations that free seats at once, and waiting lists with offers.
//!
//! Domain modules (`settings`, `seats`, `register`, `waitlist`) hold the rules and queries;
//! `routes` is the web layer on top of them.

pub mod carry;
pub mod door;
mod events;
pub mod guests;
pub mod hub;
pub mod interests;
pub mod mailing;
pub mod model;
pub mod overbooking;
pub mod overview;
pub mod privacy;
pub mod programme;
pub mod reconfirm;
pub mod register;
pub mod report;
mod routes;
pub mod seats;
pub mod settings;
pub mod streams;
pub mod ticket;
pub mod waitlist;

pub use routes::configure;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    paths(
        routes::api::create,
        routes::organiser_api::ticket_types,
        routes::organiser_api::change_ticket_type,
        routes::organiser_api::waiting_list,
        routes::organiser_api::registrations,
        routes::organiser_api::registration,
        routes::organiser_api::add,
        routes::organiser_api::cancel,
        routes::organiser_api::set_workshops
    ),
    tags((name = "registration", description = "Free tickets within capacity, with a waiting list"))
)]
struct ApiDoc;

/// This crate's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
