//! Edition pages: the public landing page and edition page, creating an edition, and the
//! organisers' dashboard, settings and team pages.

mod create;
mod dashboard;
mod invitation;
mod manage;
mod next_year;
mod public;
mod report;
mod team;

use actix_web::web;
use serde::Serialize;

use super::Edition;
use crate::editions::WindowState;

/// Routes with fixed prefixes; register before any other crate's `/{edition}/…` routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(public::home))
        .service(
            web::resource("/editions/new")
                .route(web::get().to(create::form))
                .route(web::post().to(create::submit)),
        )
        .service(
            web::resource("/invitations/{token}")
                .route(web::get().to(invitation::show))
                .route(web::post().to(invitation::accept)),
        )
        .route("/{edition}/manage/", web::get().to(dashboard::show))
        .service(
            web::resource("/{edition}/manage/settings")
                .route(web::get().to(manage::form))
                .route(web::post().to(manage::submit)),
        )
        .route("/{edition}/manage/archive", web::post().to(manage::archive))
        .route("/{edition}/manage/report", web::get().to(report::show))
        .route("/{edition}/manage/report.csv", web::get().to(report::csv))
        .route(
            "/{edition}/manage/report/compare",
            web::get().to(report::compare),
        )
        .service(
            web::resource("/{edition}/manage/next-year")
                .route(web::get().to(next_year::form))
                .route(web::post().to(next_year::submit)),
        )
        .route("/{edition}/manage/team", web::get().to(team::show))
        .route(
            "/{edition}/manage/team/invite",
            web::post().to(team::invite),
        )
        .route(
            "/{edition}/manage/team/remove",
            web::post().to(team::remove),
        )
        .route(
            "/{edition}/manage/invitations/{id}/revoke",
            web::post().to(team::revoke_invitation),
        );
}

/// The public edition page, `/{edition}/`: register after every other route, since its
/// pattern matches any first path segment.
pub fn configure_public(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/", web::get().to(public::edition))
        .route("/{edition}/conference.ics", web::get().to(public::calendar))
        .route("/{edition}", web::get().to(public::add_slash));
}

/// One window (CfP, registration) as templates show it: times local to the edition.
#[derive(Serialize)]
pub struct WindowView {
    state: WindowState,
    opens: Option<String>,
    closes: Option<String>,
}

/// An edition as templates show it: times local to its timezone, window states now.
#[derive(Serialize)]
pub struct EditionView<'a> {
    #[serde(flatten)]
    edition: &'a Edition,
    cfp: WindowView,
    registration: WindowView,
    archived: bool,
}

impl<'a> EditionView<'a> {
    pub fn new(edition: &'a Edition) -> Self {
        let at = devday_db::now();
        let local = |t: Option<chrono::NaiveDateTime>| {
            t.map(|t| edition.local(t).format("%Y-%m-%d %H:%M").to_string())
        };
        Self {
            cfp: WindowView {
                state: edition.cfp_state(at),
                opens: local(edition.cfp_opens_at),
                closes: local(edition.cfp_closes_at),
            },
            registration: WindowView {
                state: edition.registration_state(at),
                opens: local(edition.registration_opens_at),
                closes: local(edition.registration_closes_at),
            },
            archived: edition.is_archived(),
            edition,
        }
    }
}
