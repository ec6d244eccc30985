//! The devday binary: parses the command line and composes the domain crates into one
//! actix-web application. Domain logic lives in the crates it composes, never here.

mod backup;
pub mod cli;
mod commands;
mod demo;
pub mod server;
mod solve;

/// What every new edition starts with, from each domain (see `editions::seeds`).
pub const SEEDS: [devday_shared::editions::seeds::Seed; 3] = [
    devday_registration::settings::seed,
    devday_cfp::settings::seed,
    devday_badges::lists::seed,
];

/// What an edition hands on to next year, from each domain (see `editions::carry`). Order
/// matters: a group finds the copies of what an earlier one copied (questions their session
/// types, access codes theirs, check-in lists their ticket types).
pub const CARRIES: [devday_shared::editions::carry::Carry; 12] = [
    devday_cfp::carry::TEXTS,
    devday_cfp::carry::SESSION_TYPES,
    devday_cfp::carry::TRACKS,
    devday_cfp::carry::QUESTIONS,
    devday_cfp::carry::ACCESS_CODES,
    devday_cfp::carry::REVIEW,
    devday_schedule::carry::ROOMS,
    devday_schedule::carry::GRID,
    devday_registration::carry::TICKETS,
    devday_registration::carry::TEXTS,
    devday_badges::carry::LISTS,
    devday_shared::editions::roles::TEAM,
];

/// The edition report's sections, in the order of the year (see `editions::report`).
pub const REPORTS: [devday_shared::editions::report::ReportSource; 4] = [
    devday_cfp::report::sections,
    devday_registration::report::sections,
    devday_badges::report::sections,
    devday_schedule::report::sections,
];

/// The edition dashboard's panels, in the order of the year (see `editions::overview`).
/// The edition front page's cards, the programme first (see `editions::hub`).
pub const CARDS: [devday_shared::editions::hub::CardSource; 3] = [
    devday_schedule::hub::card,
    devday_cfp::hub::card,
    devday_registration::hub::card,
];

pub const PANELS: [devday_shared::editions::overview::PanelSource; 7] = [
    devday_cfp::overview::proposals,
    devday_cfp::overview::review,
    devday_cfp::overview::decisions,
    devday_schedule::overview::panel,
    devday_registration::overview::panel,
    devday_badges::dashboard::panel,
    devday_shared::mail::outbox::panel,
];
