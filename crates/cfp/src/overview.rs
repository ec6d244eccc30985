//! The CfP's and the review's panels on the edition dashboard.

use devday_db::schema::proposals::dsl as p;
use devday_db::{now, DbConn};
use devday_shared::bilingual::pick;
use devday_shared::editions::overview::{Label, Panel};
use devday_shared::editions::{Edition, WindowState};
use devday_shared::i18n::Locale;
use devday_shared::AppResult;
use diesel::prelude::*;

use crate::model::ProposalState;
use crate::review::{decide, reviews};
use crate::settings;

/// Proposals by state and by session type, days to the deadline, and what waits on
/// someone: decisions not mailed, accepted speakers who have not confirmed.
pub fn proposals(conn: &mut DbConn, edition: &Edition, locale: Locale) -> AppResult<Option<Panel>> {
    let rows: Vec<(ProposalState, String)> = p::proposals
        .filter(p::edition_id.eq(&edition.id))
        .select((p::state, p::session_type_id))
        .load(conn)?;
    let count = |state: ProposalState| rows.iter().filter(|(s, _)| *s == state).count() as i64;
    let in_play = |s: &ProposalState| !matches!(s, ProposalState::Draft | ProposalState::Withdrawn);
    let slug = &edition.slug;
    let mut panel = Panel::new("proposals", format!("/{slug}/manage/proposals"));
    if edition.cfp_state(now()) == WindowState::Open {
        if let Some(closes) = edition.cfp_closes_at {
            let days = (closes - now()).num_days();
            panel = panel.figure(Label::Key("dashboard-days-to-deadline"), days, None);
        }
    }
    let types = settings::session_types(conn, &edition.id)?;
    let by_type = types
        .iter()
        .map(|t| {
            let n = rows
                .iter()
                .filter(|(s, ty)| ty == &t.id && in_play(s))
                .count() as i64;
            (
                Label::Name(pick(locale, &t.name, &t.name_de).to_owned()),
                n,
                None,
            )
        })
        .collect();
    let untold = decide::untold(conn, &edition.id)?;
    // Speakers are asked to confirm by the decision mail: until it went out, nobody waits.
    let asked = count(ProposalState::Accepted)
        - untold
            .iter()
            .filter(|u| u.proposal.state == ProposalState::Accepted)
            .count() as i64;
    let untold = untold.len() as i64;
    Ok(Some(
        panel
            .figure(
                Label::Key("dashboard-submitted"),
                rows.iter().filter(|(s, _)| in_play(s)).count() as i64,
                None,
            )
            .figure(
                Label::Key("state-accepted"),
                count(ProposalState::Accepted),
                None,
            )
            .figure(
                Label::Key("state-confirmed"),
                count(ProposalState::Confirmed),
                None,
            )
            .figure(
                Label::Key("state-rejected"),
                count(ProposalState::Rejected),
                None,
            )
            .bars(by_type)
            .warn(
                "dashboard-warn-untold",
                untold,
                format!("/{slug}/manage/review/notify"),
            )
            .warn(
                "dashboard-warn-unconfirmed",
                asked,
                format!("/{slug}/manage/proposals?state=accepted"),
            ),
    ))
}

/// Accepted (and confirmed) per session type against its planned slots.
pub fn decisions(conn: &mut DbConn, edition: &Edition, locale: Locale) -> AppResult<Option<Panel>> {
    let tally = decide::tally_by_type(conn, &edition.id)?;
    if tally.iter().all(|t| t.taken == 0) {
        return Ok(None);
    }
    let slug = &edition.slug;
    let (taken, slots) = tally.iter().fold((0, 0), |(n, s), t| {
        (n + t.taken, s + i64::from(t.slots.unwrap_or(0)))
    });
    Ok(Some(
        Panel::new("decisions", format!("/{slug}/manage/review/dashboard"))
            .figure(
                Label::Key("dashboard-slots-taken"),
                taken,
                (slots > 0).then_some(slots),
            )
            .bars(
                tally
                    .into_iter()
                    .map(|t| {
                        (
                            Label::Name(pick(locale, &t.name, &t.name_de).to_owned()),
                            t.taken,
                            t.slots.map(i64::from),
                        )
                    })
                    .collect(),
            ),
    ))
}

/// Reviews written of those assigned, per reviewer.
pub fn review(conn: &mut DbConn, edition: &Edition, _locale: Locale) -> AppResult<Option<Panel>> {
    let progress = reviews::progress(conn, &edition.id)?;
    if progress.is_empty() {
        return Ok(None);
    }
    let (done, assigned) = progress
        .iter()
        .fold((0, 0), |(d, a), r| (d + r.done, a + r.assigned));
    let slug = &edition.slug;
    Ok(Some(
        Panel::new("review", format!("/{slug}/manage/review"))
            .figure(Label::Key("dashboard-reviews-done"), done, Some(assigned))
            .bars(
                progress
                    .into_iter()
                    .map(|r| (Label::Name(r.reviewer), r.done, Some(r.assigned)))
                    .collect(),
            ),
    ))
}
