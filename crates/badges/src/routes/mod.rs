//! Pages and API of the door: staff's scanner, organisers' dashboard, the scanners' API.

pub mod api;
mod organiser;
mod staff;

use actix_web::{web, HttpResponse};
use devday_shared::editions::Edition;
use devday_shared::web::Page;
use devday_shared::AppResult;

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

/// A remote edition has no door: its door pages say so (and where to change it) instead of
/// offering a scanner, a badge desk or badges for nobody. None for an edition with a venue.
fn no_door(page: &Page, edition: &Edition) -> Option<AppResult<HttpResponse>> {
    if edition.has_venue() {
        return None;
    }
    let mut ctx = page.context();
    ctx.insert("edition", edition);
    Some(page.render("badges/no_door.html", &ctx))
}
