//! The programme's part of the edition report (see `editions::report`): the ten sessions
//! most wanted by the people who registered, against the seats of the room each was given.

use std::collections::HashMap;

use devday_db::schema::{
    placements::dsl as pl, proposals::dsl as p, rooms::dsl as rm, session_feedback::dsl as sf,
};
use devday_db::DbConn;
use devday_shared::editions::overview::Label;
use devday_shared::editions::report::Section;
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::ProposalId;
use devday_shared::AppResult;
use diesel::prelude::*;

const SHOWN: usize = 10;

pub fn sections(
    conn: &mut DbConn,
    edition: &Edition,
    _past: &[Edition],
    locale: Locale,
) -> AppResult<Vec<Section>> {
    let wanted = crate::audience::counts(conn, &edition.id)?;
    let mut ranked: Vec<(&String, &i64)> = wanted.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    ranked.truncate(SHOWN);
    let ids: Vec<ProposalId> = ranked
        .iter()
        .map(|(id, _)| ProposalId::from(id.as_str()))
        .collect();
    let titles: HashMap<ProposalId, String> = p::proposals
        .filter(p::id.eq_any(&ids))
        .select((p::id, p::title))
        .load(conn)?
        .into_iter()
        .collect();
    let seats: HashMap<ProposalId, i32> = pl::placements
        .inner_join(rm::rooms.on(pl::room_id.eq(rm::id.nullable())))
        .filter(pl::proposal_id.eq_any(&ids))
        .select((pl::proposal_id, rm::capacity))
        .load(conn)?
        .into_iter()
        .collect();
    // What those who saw them thought: the mean rating and how many rated.
    let ratings: HashMap<ProposalId, (f64, i64)> = sf::session_feedback
        .filter(sf::proposal_id.eq_any(&ids))
        .group_by(sf::proposal_id)
        .select((
            sf::proposal_id,
            diesel::dsl::sql::<diesel::sql_types::Double>("AVG(CAST(rating AS DOUBLE PRECISION))"),
            diesel::dsl::count_star(),
        ))
        .load(conn)?
        .into_iter()
        .map(|(id, mean, n)| (id, (mean, n)))
        .collect();
    let bars = ranked
        .into_iter()
        .filter_map(|(id, n)| {
            let id = ProposalId::from(id.as_str());
            let mut label = titles.get(&id)?.clone();
            if let Some((mean, rated)) = ratings.get(&id) {
                let mean = format!("{mean:.1}");
                let mean = match locale {
                    Locale::De => mean.replace('.', ","),
                    Locale::En => mean,
                };
                label = format!("{label} · ★ {mean} ({rated})");
            }
            Some((
                Label::Name(label),
                *n,
                seats.get(&id).map(|c| i64::from(*c)),
            ))
        })
        .collect();
    let interested = wanted.values().filter(|n| **n > 0).count() as i64;
    Ok(vec![Section::new("report-sessions")
        .number("report-sessions-wanted", interested, None)
        .bars("report-most-wanted", bars)])
}
