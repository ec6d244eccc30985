//! Pages and API of the door: staff's scanner, organisers' dashboard, the scanners' API.

pub mod api;
mod organiser;
mod staff;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    api::configure(cfg);
    cfg.route("/{edition}/staff/", web::get().to(staff::home))
        .service(
            web::resource("/{edition}/staff/scanner")
                .route(web::get().to(staff::scanner))
                .route(web::post().to(staff::start)),
        )
        .route("/{edition}/staff/badges", web::get().to(staff::desk))
        .route(
            "/{edition}/staff/badges/{id}.pdf",
            web::get().to(staff::badge),
        )
        .route(
            "/{edition}/manage/badges.pdf",
            web::get().to(organiser::badges),
        )
        .service(
            web::resource("/{edition}/manage/checkin")
                .route(web::get().to(organiser::show))
                .route(web::post().to(organiser::add_list)),
        )
        .route(
            "/{edition}/manage/checkin.csv",
            web::get().to(organiser::csv),
        )
        .route(
            "/{edition}/manage/tickets/{id}/reissue",
            web::post().to(organiser::reissue),
        );
}
