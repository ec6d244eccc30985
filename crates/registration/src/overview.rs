//! Registration's panel on the edition dashboard.

use crate::model::WaitlistState;
use chrono::{Duration, NaiveDate, NaiveTime};
use devday_db::schema::{
    registrations::dsl as r, ticket_types::dsl as tt, waitlist_entries::dsl as w,
};
use devday_db::{now, DbConn};
use devday_shared::bilingual::pick;
use devday_shared::editions::overview::{Label, Panel};
use devday_shared::editions::{Edition, WindowState};
use devday_shared::i18n::Locale;
use devday_shared::AppResult;
use diesel::prelude::*;

use crate::{reconfirm, register, settings};

/// The days the registrations chart shows, up to today.
const DAYS: i64 = 21;

/// Seats taken per ticket type, the waiting list, registrations per day, and texts that
/// must be there while registration is open.
pub fn panel(conn: &mut DbConn, edition: &Edition, locale: Locale) -> AppResult<Option<Panel>> {
    let slug = &edition.slug;
    let counts = register::counts(conn, &edition.id)?;
    // The scarce places: on site (online for a remote edition); online places of a hybrid
    // edition are listed with the other ticket types.
    let types: Vec<_> = counts.iter().map(|(t, _, _)| t.clone()).collect();
    let main = register::main_ticket(&types, edition.format, false).map(|t| t.id.clone());
    let is_main = |t: &crate::model::TicketType| Some(&t.id) == main.as_ref();
    let confirmed: i64 = counts
        .iter()
        .filter(|(t, _, _)| is_main(t))
        .map(|(_, c, _)| c)
        .sum();
    let capacity: i64 = counts
        .iter()
        .filter(|(t, _, _)| is_main(t))
        .map(|(t, _, _)| i64::from(t.seats()))
        .sum();
    let waiting: i64 = w::waitlist_entries
        .inner_join(tt::ticket_types)
        .filter(tt::edition_id.eq(&edition.id))
        .filter(w::state.eq_any([WaitlistState::Waiting, WaitlistState::Offered]))
        .count()
        .get_result(conn)?;
    let today = edition.local(now()).date_naive();
    let since = today - Duration::days(DAYS - 1);
    let created: Vec<chrono::NaiveDateTime> = r::registrations
        .filter(r::edition_id.eq(&edition.id))
        // A day early: the edition's day may start before midnight UTC.
        .filter(r::created_at.ge(since.and_time(NaiveTime::MIN) - Duration::days(1)))
        .select(r::created_at)
        .load(conn)?;
    let per_day: Vec<(String, i64)> = (0..DAYS)
        .map(|i| since + Duration::days(i))
        .map(|day: NaiveDate| {
            let n = created
                .iter()
                .filter(|at| edition.local(**at).date_naive() == day)
                .count() as i64;
            (day.format("%Y-%m-%d").to_string(), n)
        })
        .collect();
    let texts = settings::get(conn, &edition.id)?;
    let open = matches!(
        edition.registration_state(now()),
        WindowState::Open | WindowState::Upcoming
    );
    let missing_texts = i64::from(texts.privacy(locale).trim().is_empty())
        + i64::from(texts.conduct(locale).trim().is_empty());
    let settings_link = format!("/{slug}/manage/registration");
    // A running reconfirmation round: who said they come, and who has yet to answer.
    let round = reconfirm::round(conn, &edition.id)?.filter(|r| r.asked_at.is_some());
    let tally = reconfirm::tally(conn, &edition.id)?;
    let mut panel = Panel::new("registration", format!("/{slug}/manage/registrations"));
    if round.is_some() {
        panel = panel.figure(
            Label::Key("dashboard-reconfirmed"),
            tally.coming,
            Some(tally.asked),
        );
    }
    let unanswered = match &round {
        Some(r) if r.closed_at.is_none() => tally.unanswered,
        _ => 0,
    };
    Ok(Some(
        panel
            .figure(Label::Key("dashboard-confirmed"), confirmed, Some(capacity))
            .figure(Label::Key("registration-waitlist"), waiting, None)
            .bars(
                counts
                    .iter()
                    .map(|(t, c, held)| {
                        (
                            Label::Name(pick(locale, &t.name, &t.name_de).to_owned()),
                            c + held,
                            Some(i64::from(t.seats())),
                        )
                    })
                    .collect(),
            )
            .series("dashboard-per-day", per_day)
            .warn(
                "dashboard-warn-texts-missing",
                if open { missing_texts } else { 0 },
                settings_link,
            )
            .warn(
                "dashboard-warn-unanswered",
                unanswered,
                format!("/{slug}/manage/registration/reconfirm"),
            ),
    ))
}
