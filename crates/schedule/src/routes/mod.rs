//! Timetable pages: the organisers' setup and editor, the public schedule with its
//! exports, and the JSON API.

pub mod api;
mod editor;
mod embed;
mod exports;
mod feedback;
mod optimiser;
mod public;
mod recordings;
mod release;
mod setup;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    // The public side first: it takes the load when the timetable goes out.
    exports::configure(cfg);
    public::configure(cfg);
    embed::configure(cfg);
    feedback::configure(cfg);
    recordings::configure(cfg);
    setup::configure(cfg);
    editor::configure(cfg);
    release::configure(cfg);
    optimiser::configure(cfg);
    api::configure(cfg);
}
