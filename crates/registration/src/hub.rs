//! Registration's card on the edition's front page: open with seats left, full with a
//! waiting list, opening on… (or soon, while the texts people agree to are missing), or
//! closed.

use devday_db::{now, DbConn};
use devday_shared::editions::hub::{Card, Tone};
use devday_shared::editions::{Edition, WindowState};
use devday_shared::i18n::Locale;
use devday_shared::message::Message;
use devday_shared::AppResult;

use crate::{register, settings};

pub fn card(conn: &mut DbConn, edition: &Edition, locale: Locale) -> AppResult<Option<Card>> {
    let slug = &edition.slug;
    let when = |t| edition.say_day_time(t, locale);
    let (tone, state) = match (
        edition.registration_state(now()),
        edition.registration_opens_at,
    ) {
        (WindowState::NotScheduled, _) => return Ok(None),
        (WindowState::Open, _) if !settings::get(conn, &edition.id)?.texts_ready() => {
            (Tone::Upcoming, Message::new("hub-registration-soon"))
        }
        (WindowState::Open, _) => {
            // The places people take part with: on site, or online for a remote edition.
            let counts = register::counts(conn, &edition.id)?;
            let types: Vec<_> = counts.iter().map(|(t, _, _)| t.clone()).collect();
            let main = register::main_ticket(&types, edition.format, false).map(|t| &t.id);
            let (taken, capacity) = counts
                .iter()
                .filter(|(t, _, _)| Some(&t.id) == main)
                .fold((0, 0), |(n, c), (t, taken, _)| {
                    (n + taken, c + i64::from(t.seats()))
                });
            let free = capacity - taken;
            if free > 0 {
                (
                    Tone::Open,
                    Message::new("hub-registration-open").count("free", free),
                )
            } else {
                (Tone::Open, Message::new("hub-registration-full"))
            }
        }
        (WindowState::Upcoming, Some(opens)) => (
            Tone::Upcoming,
            Message::new("hub-registration-opens").text("time", &when(opens)),
        ),
        _ => (Tone::Closed, Message::new("hub-registration-closed")),
    };
    Ok(Some(Card::new(
        "registration",
        format!("/{slug}/register/"),
        tone,
        state,
    )))
}
