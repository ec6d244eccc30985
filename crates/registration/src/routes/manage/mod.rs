//! Organisers: settings and ticket types, the list of registrations with counts, and the
//! waiting lists in order.

mod attendees;
mod import;
mod settings;

use actix_web::web;

use attendees::*;
use import::*;
use settings::*;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/{edition}/manage/registration")
            .route(web::get().to(show))
            .route(web::post().to(save)),
    )
    .route(
        "/{edition}/manage/registration/tickets",
        web::post().to(add_ticket),
    )
    .route(
        "/{edition}/manage/registration/tickets/{id}/capacity",
        web::post().to(capacity),
    )
    .route(
        "/{edition}/manage/registration/tickets/{id}/overbooking",
        web::post().to(overbook),
    )
    .route(
        "/{edition}/manage/registration/tickets/{id}/times",
        web::post().to(times),
    )
    .route("/{edition}/manage/registrations", web::get().to(list))
    .route("/{edition}/manage/registrations.csv", web::get().to(csv))
    .route(
        "/{edition}/manage/registration/purge",
        web::post().to(purge),
    )
    .route(
        "/{edition}/manage/registrations/guests",
        web::post().to(guests),
    )
    .service(
        web::resource("/{edition}/manage/registrations/import")
            .route(web::get().to(import_form))
            .route(web::post().to(import)),
    )
    .route(
        "/{edition}/manage/registrations/import/file",
        web::post().to(import_file),
    )
    .service(
        web::resource("/{edition}/manage/registrations/{id}")
            .route(web::get().to(edit_form))
            .route(web::post().to(edit)),
    )
    .service(
        web::resource("/{edition}/manage/registrations/{id}/cancel")
            .route(web::get().to(cancel_form))
            .route(web::post().to(cancel)),
    );
}
