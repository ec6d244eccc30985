//! The programme's card on the edition's front page: the released version with its
//! sessions and where to read it (grid, speakers, now and next during the event, changes).

use devday_db::{now, DbConn};
use devday_shared::dates::day;
use devday_shared::editions::hub::{Card, Tone};
use devday_shared::editions::{Edition, WindowState};
use devday_shared::i18n::Locale;
use devday_shared::message::Message;
use devday_shared::AppResult;

use crate::published;

/// The newest release; before one, "coming" once the call for papers has closed.
pub fn card(conn: &mut DbConn, edition: &Edition, locale: Locale) -> AppResult<Option<Card>> {
    let slug = &edition.slug;
    let published = match published::cached(slug) {
        Some(hit) => hit,
        None => published::load(conn, slug)?,
    };
    let Some(p) = published else {
        return Ok((edition.cfp_state(now()) == WindowState::Closed).then(|| {
            Card::new(
                "schedule",
                String::new(),
                Tone::Upcoming,
                Message::new("hub-programme-coming"),
            )
        }));
    };
    let released = edition.local(p.release.released_at).naive_local().date();
    let state = Message::new("hub-programme-released")
        .count("sessions", p.snapshot.sessions.len())
        .count("version", p.release.number)
        .text("date", &day(released, locale));
    let today = edition.local(now()).date_naive();
    let mut card = Card::new("schedule", format!("/{slug}/schedule/"), Tone::Open, state)
        .link("schedule-speakers", format!("/{slug}/schedule/speakers/"));
    if (edition.starts_on..=edition.ends_on).contains(&today) {
        card = card.link("schedule-now-next", format!("/{slug}/schedule/now"));
    }
    if !p.recordings.is_empty() {
        card = card.link(
            "schedule-recordings",
            format!("/{slug}/schedule/recordings"),
        );
    }
    if p.release.number > 1 {
        card = card.link("schedule-changes", format!("/{slug}/schedule/changes"));
    }
    Ok(Some(card))
}
