//! Where a session sits in an edition's released programme, for the pages of crates below
//! the timetable (a speaker's proposal page). The timetable crate answers; the binary wires
//! its answer into `AppState::slot_of`, so the arrow between the crates still points one
//! way.

use crate::vocabulary::ProposalId;
use chrono::NaiveDateTime;
use devday_db::DbConn;
use serde::Serialize;

use super::Edition;
use crate::AppResult;

/// A session's place in the newest release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Slot {
    /// UTC.
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    /// `None`: in every room (a keynote).
    pub room: Option<String>,
    /// The session's public page.
    pub url: String,
}

impl Slot {
    /// "Thu 10 June 2027, 09:00–09:45 CEST" in the reader's language and the edition's zone.
    pub fn when(&self, edition: &Edition, locale: crate::i18n::Locale) -> String {
        let (from, to) = (edition.local(self.starts_at), edition.local(self.ends_at));
        format!(
            "{}–{} {}",
            crate::dates::day_time(from.naive_local(), locale),
            to.format("%H:%M"),
            to.format("%Z")
        )
    }
}

/// The slot of proposal `id` in the edition's newest release, if it is in one.
pub type SlotSource = fn(&mut DbConn, &Edition, &ProposalId) -> AppResult<Option<Slot>>;

/// For an application without a timetable: nothing is ever placed.
pub fn unplaced(_: &mut DbConn, _: &Edition, _: &ProposalId) -> AppResult<Option<Slot>> {
    Ok(None)
}
