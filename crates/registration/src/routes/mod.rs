//! Registration pages: the public form, the mailed links (confirm, manage, waiting-list
//! offer), the organisers' settings and list, and the JSON API.

pub mod api;
mod door;
mod links;
mod mail;
mod manage;
pub mod organiser_api;
mod programme;
mod public;
mod reconfirm;
mod ticket;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    // First: the rush comes through the API.
    api::configure(cfg);
    organiser_api::configure(cfg);
    cfg.service(
        web::resource("/register/confirm/{token}")
            .route(web::get().to(links::confirm_form))
            .route(web::post().to(links::confirm)),
    )
    .route("/register/manage/{token}", web::get().to(links::manage))
    .route(
        "/register/manage/{token}/watch/{stream}",
        web::get().to(links::watch),
    )
    .route(
        "/register/manage/{token}/ticket",
        web::get().to(ticket::page),
    )
    .route(
        "/register/manage/{token}/ticket.png",
        web::get().to(ticket::png),
    )
    .route(
        "/register/manage/{token}/ticket.svg",
        web::get().to(ticket::svg),
    )
    .route(
        "/register/manage/{token}/ticket.pdf",
        web::get().to(ticket::pdf),
    )
    .route(
        "/register/manage/{token}/ticket.ics",
        web::get().to(ticket::calendar),
    )
    .route(
        "/register/manage/{token}/confirm",
        web::post().to(links::confirm_managed),
    )
    .service(
        web::resource("/register/manage/{token}/cancel")
            .route(web::get().to(links::cancel_form))
            .route(web::post().to(links::cancel)),
    )
    .route(
        "/register/manage/{token}/details",
        web::post().to(links::details),
    )
    .route(
        "/register/manage/{token}/workshops",
        web::post().to(links::workshops),
    )
    .route(
        "/register/manage/{token}/data.json",
        web::get().to(links::export),
    )
    .route(
        "/register/manage/{token}/delete",
        web::post().to(links::delete),
    )
    .service(
        web::resource("/register/waitlist/{token}")
            .route(web::get().to(links::waitlist_entry))
            .route(web::post().to(links::leave_waitlist)),
    )
    .service(
        web::resource("/register/offer/{token}")
            .route(web::get().to(links::offer))
            .route(web::post().to(links::answer_offer)),
    )
    .service(
        web::resource("/{edition}/register/")
            .route(web::get().to(public::form))
            .route(web::post().to(public::submit)),
    );
    // Before manage's `/{edition}/manage/registrations/{id}`, which would match `…/mail`.
    mail::configure(cfg);
    reconfirm::configure(cfg);
    door::configure(cfg);
    manage::configure(cfg);
    programme::configure(cfg);
}
