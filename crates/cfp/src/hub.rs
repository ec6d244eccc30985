//! The call for papers' card on the edition's front page.

use devday_db::{now, DbConn};
use devday_shared::editions::hub::{Card, Tone};
use devday_shared::editions::{Edition, WindowState};
use devday_shared::i18n::Locale;
use devday_shared::message::Message;
use devday_shared::AppResult;

/// Open until…, opens on…, or closed; nothing while no call is planned.
pub fn card(_conn: &mut DbConn, edition: &Edition, locale: Locale) -> AppResult<Option<Card>> {
    let slug = &edition.slug;
    let when = |t| edition.say_day_time(t, locale);
    let (tone, state) = match (
        edition.cfp_state(now()),
        edition.cfp_opens_at,
        edition.cfp_closes_at,
    ) {
        (WindowState::NotScheduled, _, _) => return Ok(None),
        (WindowState::Open, _, Some(closes)) => (
            Tone::Open,
            Message::new("hub-cfp-open-until").text("time", &when(closes)),
        ),
        (WindowState::Open, _, None) => (Tone::Open, Message::new("hub-cfp-open")),
        (WindowState::Upcoming, Some(opens), _) => (
            Tone::Upcoming,
            Message::new("hub-cfp-opens").text("time", &when(opens)),
        ),
        _ => (Tone::Closed, Message::new("hub-cfp-closed")),
    };
    let card = Card::new("cfp", format!("/{slug}/cfp/"), tone, state);
    Ok(Some(if tone == Tone::Open {
        card.link("hub-cfp-submit", format!("/{slug}/cfp/submit"))
    } else {
        card
    }))
}
