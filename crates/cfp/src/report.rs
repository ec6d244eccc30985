//! The CfP's and the review's part of the edition report (see `editions::report`): how many
//! proposals came, when (past editions on the same axes from their call's opening day), of
//! which kind, from first-time or returning speakers, and how the committee worked.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use devday_db::schema::{
    proposal_history::dsl as h, proposal_speakers::dsl as ps, proposals::dsl as p,
    review_scores::dsl as rs, reviews::dsl as rv, users::dsl as u,
};
use devday_db::DbConn;
use devday_shared::bilingual::pick;
use devday_shared::editions::overview::Label;
use devday_shared::editions::report::{cumulative, Chart, Curve, Section};
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::{EditionId, ProposalId, ProposalState, UserId};
use devday_shared::AppResult;
use diesel::prelude::*;

use crate::model::{SessionTypeId, TrackId};

/// Proposals that were sent in: everything but drafts.
fn sent(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Sent>> {
    p::proposals
        .filter(p::edition_id.eq(edition_id))
        .filter(p::state.ne(ProposalState::Draft))
        .select((
            p::session_type_id,
            p::track_id,
            p::language,
            p::state,
            p::submitted_at,
            p::created_at,
        ))
        .load(conn)
}

/// Type, track, language, state, when sent in (where known) and when started.
type Sent = (
    SessionTypeId,
    Option<TrackId>,
    String,
    ProposalState,
    Option<NaiveDateTime>,
    NaiveDateTime,
);

/// When a proposal came in: its submission, or its start where that was not recorded.
fn arrived(s: &Sent) -> NaiveDateTime {
    s.4.unwrap_or(s.5)
}

/// Days from the call's opening (or its first proposal) to each proposal.
fn curve(conn: &mut DbConn, edition: &Edition, current: bool) -> QueryResult<Curve> {
    let times: Vec<NaiveDateTime> = sent(conn, &edition.id)?.iter().map(arrived).collect();
    let start = edition.cfp_opens_at.or_else(|| times.iter().min().copied());
    let days = match start {
        Some(start) => times.iter().map(|t| (*t - start).num_days()).collect(),
        None => Vec::new(),
    };
    Ok(Curve {
        edition: edition.name.clone(),
        current,
        points: cumulative(days),
    })
}

/// The median number of days from a proposal's arrival to its decision (accepted or
/// rejected), over the proposals decided so far; 0 before any.
fn days_to_decision(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<i64> {
    type Decided = (
        ProposalId,
        Option<NaiveDateTime>,
        NaiveDateTime,
        NaiveDateTime,
    );
    let decided: Vec<Decided> = h::proposal_history
        .inner_join(p::proposals)
        .filter(p::edition_id.eq(edition_id))
        .filter(h::to_state.eq_any([ProposalState::Accepted, ProposalState::Rejected]))
        .select((p::id, p::submitted_at, p::created_at, h::at))
        .order(h::at.asc())
        .load(conn)?;
    let mut first: HashMap<ProposalId, i64> = HashMap::new();
    for (id, submitted, created, at) in decided {
        let arrived = submitted.unwrap_or(created);
        first.entry(id).or_insert((at - arrived).num_days());
    }
    let mut days: Vec<i64> = first.into_values().collect();
    days.sort_unstable();
    Ok(days.get(days.len() / 2).copied().unwrap_or(0))
}

const ACCEPTED: [ProposalState; 3] = [
    ProposalState::Accepted,
    ProposalState::Confirmed,
    ProposalState::Declined,
];

pub fn sections(
    conn: &mut DbConn,
    edition: &Edition,
    past: &[Edition],
    locale: Locale,
) -> AppResult<Vec<Section>> {
    let proposals = sent(conn, &edition.id)?;
    let accepted = proposals.iter().filter(|s| ACCEPTED.contains(&s.3)).count();
    // Speakers, and whether they had sent a proposal to any earlier edition.
    let speakers: HashSet<UserId> = ps::proposal_speakers
        .inner_join(p::proposals)
        .filter(p::edition_id.eq(&edition.id))
        .filter(p::state.ne(ProposalState::Draft))
        .select(ps::user_id)
        .load::<UserId>(conn)?
        .into_iter()
        .collect();
    let earlier: Vec<&EditionId> = past.iter().map(|e| &e.id).collect();
    let returning: HashSet<UserId> = ps::proposal_speakers
        .inner_join(p::proposals)
        .filter(p::edition_id.eq_any(&earlier))
        .filter(p::state.ne(ProposalState::Draft))
        .filter(ps::user_id.eq_any(speakers.iter()))
        .select(ps::user_id)
        .load::<UserId>(conn)?
        .into_iter()
        .collect();
    let mut curves = vec![curve(conn, edition, true)?];
    for earlier in past {
        curves.push(curve(conn, earlier, false)?);
    }
    let loaded = crate::catalogue::Loaded::load(conn, &edition.id)?;
    let by = |key: &dyn Fn(&Sent) -> String| {
        let mut counts: HashMap<String, i64> = HashMap::new();
        for s in &proposals {
            *counts.entry(key(s)).or_default() += 1;
        }
        counts
    };
    let types = by(&|s| s.0.to_string());
    let tracks = by(&|s| s.1.as_deref().unwrap_or_default().to_owned());
    let languages = by(&|s| s.2.clone());
    let cfp = Section::new("report-cfp")
        .number("report-proposals", proposals.len() as i64, None)
        .number(
            "report-accepted",
            accepted as i64,
            Some(proposals.len() as i64),
        )
        .number("report-speakers", speakers.len() as i64, None)
        .number(
            "report-first-time",
            (speakers.len() - returning.len()) as i64,
            Some(speakers.len() as i64),
        )
        .chart(Chart {
            title: "report-proposals-over-time",
            axis: "report-days-since-cfp",
            curves,
        })
        .bars(
            "report-by-type",
            loaded
                .types
                .iter()
                .map(|t| {
                    let n = types.get(t.id.as_str()).copied().unwrap_or(0);
                    (
                        Label::Name(pick(locale, &t.name, &t.name_de).to_owned()),
                        n,
                        None,
                    )
                })
                .collect(),
        )
        .bars(
            "report-by-track",
            loaded
                .tracks
                .iter()
                .map(|t| {
                    let n = tracks.get(t.id.as_str()).copied().unwrap_or(0);
                    (
                        Label::Name(pick(locale, &t.name, &t.name_de).to_owned()),
                        n,
                        None,
                    )
                })
                .collect(),
        )
        .bars(
            "report-by-language",
            ["de", "en"]
                .into_iter()
                .filter_map(|code| {
                    let key = match code {
                        "de" => "language-de",
                        _ => "language-en",
                    };
                    languages.get(code).map(|n| (Label::Key(key), *n, None))
                })
                .collect(),
        );
    // The committee: reviews by each reviewer.
    let per_reviewer: Vec<(UserId, String, i64)> = rv::reviews
        .inner_join(p::proposals)
        .inner_join(u::users)
        .filter(p::edition_id.eq(&edition.id))
        .group_by((u::id, u::display_name))
        .select((u::id, u::display_name, diesel::dsl::count_star()))
        .order(u::display_name.asc())
        .load(conn)?;
    let reviews: i64 = per_reviewer.iter().map(|r| r.2).sum();
    // How the scores spread: how often each score was given, over every category.
    let scores: Vec<(i32, i64)> = rs::review_scores
        .inner_join(rv::reviews.inner_join(p::proposals))
        .filter(p::edition_id.eq(&edition.id))
        .group_by(rs::score)
        .select((rs::score, diesel::dsl::count_star()))
        .order(rs::score.asc())
        .load(conn)?;
    let review = Section::new("report-review")
        .number("report-reviews", reviews, None)
        .number("report-reviewers", per_reviewer.len() as i64, None)
        .number(
            "report-days-to-decision",
            days_to_decision(conn, &edition.id)?,
            None,
        )
        .bars(
            "report-score-spread",
            scores
                .into_iter()
                .map(|(score, n)| (Label::Name(score.to_string()), n, None))
                .collect(),
        )
        .bars(
            "report-reviews-per-reviewer",
            per_reviewer
                .into_iter()
                .map(|(_, name, n)| (Label::Name(name), n, None))
                .collect(),
        );
    Ok(vec![cfp, review])
}
