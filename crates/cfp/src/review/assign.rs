//! Who reviews what: assignments by hand, by track or evenly by the machine, reviewers'
//! track preferences, and conflicts of interest. A reviewer never sees a proposal they are
//! conflicted on or speak in.

use crate::model::TrackId;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::ProposalId;
use devday_shared::vocabulary::UserId;
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::model::ProposalState;
use devday_db::schema::{
    edition_roles::dsl as er, proposal_speakers::dsl as ps, proposals::dsl as p,
    review_assignments::dsl as ra, review_conflicts::dsl as rc, review_scores::dsl as rsc,
    reviewer_tracks::dsl as rt, reviews::dsl as rv, users::dsl as u,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::{AppError, AppResult};
use diesel::prelude::*;
use serde::Serialize;

/// States in which a proposal is open to review.
pub const REVIEWABLE: [ProposalState; 3] = [
    ProposalState::Submitted,
    ProposalState::Accepted,
    ProposalState::Rejected,
];

/// Whether reviews of the proposal may still be written or changed (read again where the
/// review is saved, so a decision made meanwhile counts).
pub fn open_to_review(conn: &mut DbConn, proposal_id: &ProposalId) -> QueryResult<bool> {
    let state: Option<ProposalState> = p::proposals
        .find(proposal_id)
        .select(p::state)
        .first(conn)
        .optional()?;
    Ok(state.is_some_and(|s| REVIEWABLE.contains(&s)))
}

#[derive(Debug, Clone, Serialize)]
pub struct Reviewer {
    pub id: UserId,
    pub name: String,
}

/// The edition's programme committee: everyone with the reviewer role.
pub fn reviewers(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Reviewer>> {
    let rows: Vec<(UserId, String)> = er::edition_roles
        .inner_join(u::users)
        .filter(er::edition_id.eq(edition_id))
        .filter(er::role.eq(devday_shared::editions::Role::Reviewer))
        .order(u::display_name.asc())
        .select((u::id, u::display_name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| Reviewer { id, name })
        .collect())
}

/// Whether the reviewer must not see the proposal: a declared conflict, or their own.
pub fn excluded(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    reviewer_id: &UserId,
) -> QueryResult<bool> {
    let conflicts: i64 = rc::review_conflicts
        .filter(rc::proposal_id.eq(proposal_id))
        .filter(rc::reviewer_id.eq(reviewer_id))
        .count()
        .get_result(conn)?;
    Ok(conflicts > 0 || crate::proposals::is_speaker(conn, proposal_id, reviewer_id)?)
}

/// The (proposal, reviewer) pairs among these proposals that must never meet: declared
/// conflicts and the speakers' own proposals ([`excluded`] for many at once).
fn exclusions(
    conn: &mut DbConn,
    ids: &[&ProposalId],
) -> QueryResult<HashSet<(ProposalId, UserId)>> {
    Ok(rc::review_conflicts
        .filter(rc::proposal_id.eq_any(ids))
        .select((rc::proposal_id, rc::reviewer_id))
        .load::<(ProposalId, UserId)>(conn)?
        .into_iter()
        .chain(
            ps::proposal_speakers
                .filter(ps::proposal_id.eq_any(ids))
                .select((ps::proposal_id, ps::user_id))
                .load::<(ProposalId, UserId)>(conn)?,
        )
        .collect())
}

/// Puts a proposal on a reviewer's list; returns whether it is new there.
pub fn assign(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    reviewer_id: &UserId,
) -> AppResult<bool> {
    if excluded(conn, proposal_id, reviewer_id)? {
        return Err(AppError::Refused(devday_shared::Refusal::ReviewerExcluded));
    }
    let exists: i64 = ra::review_assignments
        .filter(ra::proposal_id.eq(proposal_id))
        .filter(ra::reviewer_id.eq(reviewer_id))
        .count()
        .get_result(conn)?;
    if exists == 0 {
        diesel::insert_into(ra::review_assignments)
            .values((
                ra::proposal_id.eq(proposal_id),
                ra::reviewer_id.eq(reviewer_id),
                ra::created_at.eq(now()),
            ))
            .execute(conn)?;
    }
    Ok(exists == 0)
}

/// Takes a proposal off a reviewer's list; a review already written stays. Returns how
/// many assignments were removed (0 or 1).
pub fn unassign(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    reviewer_id: &UserId,
) -> QueryResult<usize> {
    diesel::delete(
        ra::review_assignments
            .filter(ra::proposal_id.eq(proposal_id))
            .filter(ra::reviewer_id.eq(reviewer_id)),
    )
    .execute(conn)
}

/// Proposals of the edition open to review, optionally of one track.
fn reviewable(
    conn: &mut DbConn,
    edition_id: &EditionId,
) -> QueryResult<Vec<(ProposalId, Option<String>)>> {
    p::proposals
        .filter(p::edition_id.eq(edition_id))
        .filter(p::state.eq_any(REVIEWABLE))
        .order(p::id.asc())
        .select((p::id, p::track_id))
        .load(conn)
}

/// Assigns every reviewable proposal of a track to a reviewer (skipping conflicts);
/// returns how many were assigned.
pub fn assign_track(
    conn: &mut DbConn,
    edition_id: &EditionId,
    track_id: &str,
    reviewer_id: &UserId,
) -> AppResult<usize> {
    write_transaction(conn, |conn| {
        let mut n = 0;
        for (proposal_id, track) in reviewable(conn, edition_id)? {
            if track.as_deref() == Some(track_id) && !excluded(conn, &proposal_id, reviewer_id)? {
                n += usize::from(assign(conn, &proposal_id, reviewer_id)?);
            }
        }
        Ok(n)
    })
}

/// Tracks of this edition a reviewer opted into; none means every track.
pub fn tracks_of(
    conn: &mut DbConn,
    reviewer_id: &UserId,
    edition_id: &EditionId,
) -> QueryResult<Vec<String>> {
    use devday_db::schema::tracks::dsl as t;
    rt::reviewer_tracks
        .inner_join(t::tracks.on(t::id.eq(rt::track_id)))
        .filter(rt::reviewer_id.eq(reviewer_id))
        .filter(t::edition_id.eq(edition_id))
        .select(rt::track_id)
        .load(conn)
}

pub fn set_tracks(
    conn: &mut DbConn,
    reviewer_id: &UserId,
    edition_tracks: &[TrackId],
    chosen: &[TrackId],
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        diesel::delete(
            rt::reviewer_tracks
                .filter(rt::reviewer_id.eq(reviewer_id))
                .filter(rt::track_id.eq_any(edition_tracks)),
        )
        .execute(conn)?;
        for track in chosen.iter().filter(|t| edition_tracks.contains(t)) {
            diesel::insert_into(rt::reviewer_tracks)
                .values((rt::reviewer_id.eq(reviewer_id), rt::track_id.eq(track)))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// Distributes proposals so that each gets `per_proposal` reviewers and loads stay even:
/// slots of the most constrained proposals are filled first, each by the least-loaded
/// reviewer who may review it (opted into its track or into none, not conflicted, not a
/// speaker). Deterministic for the same data. Returns how many assignments each
/// reviewer got.
pub fn distribute(
    conn: &mut DbConn,
    edition_id: &EditionId,
    per_proposal: usize,
) -> AppResult<BTreeMap<UserId, usize>> {
    write_transaction(conn, |conn| {
        let reviewers = reviewers(conn, edition_id)?;
        let mut added: BTreeMap<UserId, usize> = BTreeMap::new();
        if reviewers.is_empty() {
            return Ok(added);
        }
        let proposals = reviewable(conn, edition_id)?;
        let ids: Vec<&ProposalId> = proposals.iter().map(|(id, _)| id).collect();
        // An assignment fills a place if its reviewer is still on the committee or has
        // written the review: someone who left without reviewing leaves the place open.
        let reviewed: HashSet<(ProposalId, UserId)> = rv::reviews
            .filter(rv::proposal_id.eq_any(&ids))
            .select((rv::proposal_id, rv::reviewer_id))
            .load::<(ProposalId, UserId)>(conn)?
            .into_iter()
            .collect();
        type Pairs = Vec<(ProposalId, UserId)>;
        let (existing, gone): (Pairs, Pairs) = ra::review_assignments
            .filter(ra::proposal_id.eq_any(&ids))
            .select((ra::proposal_id, ra::reviewer_id))
            .load::<(ProposalId, UserId)>(conn)?
            .into_iter()
            .partition(|pair| reviewers.iter().any(|r| r.id == pair.1) || reviewed.contains(pair));
        // Dropped rather than kept, so every count of assignments agrees with this one.
        for (proposal, reviewer) in &gone {
            unassign(conn, proposal, reviewer)?;
        }
        let blocked = exclusions(conn, &ids)?;
        let mut load: HashMap<&str, usize> = reviewers.iter().map(|r| (r.id.as_str(), 0)).collect();
        let mut assigned: HashSet<(ProposalId, UserId)> = HashSet::new();
        for (proposal, reviewer) in &existing {
            if let Some(l) = load.get_mut(reviewer.as_str()) {
                *l += 1;
            }
            assigned.insert((proposal.clone(), reviewer.clone()));
        }
        let mut preferences: HashMap<&str, Vec<String>> = HashMap::new();
        for r in &reviewers {
            preferences.insert(r.id.as_str(), tracks_of(conn, &r.id, edition_id)?);
        }
        let eligible = |proposal: &ProposalId,
                        track: &Option<String>,
                        assigned: &HashSet<(ProposalId, UserId)>|
         -> Vec<&Reviewer> {
            reviewers
                .iter()
                .filter(|r| !assigned.contains(&(proposal.to_owned(), r.id.clone())))
                .filter(|r| !blocked.contains(&(proposal.to_owned(), r.id.clone())))
                .filter(|r| {
                    let prefs = &preferences[r.id.as_str()];
                    prefs.is_empty() || track.as_ref().is_some_and(|t| prefs.contains(t))
                })
                .collect()
        };
        // Most constrained first: each step fills one slot of the proposal with the fewest
        // eligible reviewers left, giving it to the least-loaded of them.
        loop {
            let pick = proposals
                .iter()
                .filter(|(id, _)| assigned.iter().filter(|(p, _)| p == id).count() < per_proposal)
                .map(|(id, track)| (eligible(id, track, &assigned), id))
                .filter(|(candidates, _)| !candidates.is_empty())
                .min_by_key(|(candidates, id)| {
                    (
                        candidates.len(),
                        assigned.iter().filter(|(p, _)| p == *id).count(),
                        (*id).clone(),
                    )
                });
            let Some((candidates, proposal)) = pick else {
                break;
            };
            let Some(reviewer) = candidates
                .into_iter()
                .min_by_key(|r| (load[r.id.as_str()], r.id.clone()))
            else {
                break;
            };
            let reviewer_id = reviewer.id.clone();
            assign(conn, proposal, &reviewer_id)?;
            if let Some(l) = load.get_mut(reviewer_id.as_str()) {
                *l += 1;
            }
            *added.entry(reviewer_id.clone()).or_default() += 1;
            assigned.insert((proposal.clone(), reviewer_id));
        }
        Ok(added)
    })
}

/// Records a conflict of interest (declared by the reviewer or set by organisers) and
/// removes the assignment.
pub fn declare_conflict(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    reviewer_id: &UserId,
    declared_by: &str,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let exists: i64 = rc::review_conflicts
            .filter(rc::proposal_id.eq(proposal_id))
            .filter(rc::reviewer_id.eq(reviewer_id))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            diesel::insert_into(rc::review_conflicts)
                .values((
                    rc::proposal_id.eq(proposal_id),
                    rc::reviewer_id.eq(reviewer_id),
                    rc::declared_by.eq(declared_by),
                    rc::created_at.eq(now()),
                ))
                .execute(conn)?;
        }
        unassign(conn, proposal_id, reviewer_id)?;
        diesel::delete(
            rv::reviews
                .filter(rv::proposal_id.eq(proposal_id))
                .filter(rv::reviewer_id.eq(reviewer_id)),
        )
        .execute(conn)?;
        Ok(())
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct QueueItem {
    pub proposal_id: ProposalId,
    pub title: String,
    pub state: ProposalState,
    pub track_id: Option<String>,
    pub session_type_id: String,
    /// Open to review (not yet decided for good); otherwise the review is read-only.
    pub open: bool,
    pub reviewed: bool,
    pub abstained: bool,
    /// The mean of this reviewer's own scores, when they scored.
    pub own_score: Option<f64>,
    pub reviews: i64,
}

/// Every proposal assigned to a reviewer (minus conflicts and their own), decided or not,
/// with progress and their own score: six queries, however long the list.
pub fn assigned(
    conn: &mut DbConn,
    edition_id: &EditionId,
    reviewer_id: &UserId,
) -> QueryResult<Vec<QueueItem>> {
    type Row = (ProposalId, String, ProposalState, Option<String>, String);
    let rows: Vec<Row> = ra::review_assignments
        .inner_join(p::proposals)
        .filter(ra::reviewer_id.eq(reviewer_id))
        .filter(p::edition_id.eq(edition_id))
        .filter(p::state.ne(ProposalState::Draft))
        .order(p::title.asc())
        .select((p::id, p::title, p::state, p::track_id, p::session_type_id))
        .load(conn)?;
    let ids: Vec<&ProposalId> = rows.iter().map(|r| &r.0).collect();
    let blocked = exclusions(conn, &ids)?;
    let mut counts: HashMap<String, i64> = HashMap::new();
    for id in rv::reviews
        .filter(rv::proposal_id.eq_any(&ids))
        .select(rv::proposal_id)
        .load::<String>(conn)?
    {
        *counts.entry(id).or_default() += 1;
    }
    let mine: Vec<(String, String, bool)> = rv::reviews
        .filter(rv::reviewer_id.eq(reviewer_id))
        .filter(rv::proposal_id.eq_any(&ids))
        .select((rv::id, rv::proposal_id, rv::abstained))
        .load(conn)?;
    let review_ids: Vec<&String> = mine.iter().map(|m| &m.0).collect();
    let mut scores: HashMap<String, Vec<i32>> = HashMap::new();
    for (review, score) in rsc::review_scores
        .filter(rsc::review_id.eq_any(&review_ids))
        .select((rsc::review_id, rsc::score))
        .load::<(String, i32)>(conn)?
    {
        scores.entry(review).or_default().push(score);
    }
    let mine: HashMap<String, (bool, Option<f64>)> = mine
        .into_iter()
        .map(|(review, proposal, abstained)| {
            let own = scores
                .get(&review)
                .filter(|s| !s.is_empty())
                .map(|s| f64::from(s.iter().sum::<i32>()) / s.len() as f64);
            (proposal, (abstained, own))
        })
        .collect();
    Ok(rows
        .into_iter()
        .filter(|r| !blocked.contains(&(r.0.clone(), reviewer_id.to_owned())))
        .map(|(proposal_id, title, state, track_id, session_type_id)| {
            let own = mine.get(proposal_id.as_str());
            QueueItem {
                reviews: counts.get(proposal_id.as_str()).copied().unwrap_or(0),
                reviewed: own.is_some(),
                abstained: own.is_some_and(|o| o.0),
                own_score: own.and_then(|o| o.1),
                open: REVIEWABLE.contains(&state),
                proposal_id,
                title,
                state,
                track_id,
                session_type_id,
            }
        })
        .collect())
}

/// A reviewer's assigned proposals still open to review.
pub fn queue(
    conn: &mut DbConn,
    edition_id: &EditionId,
    reviewer_id: &UserId,
) -> QueryResult<Vec<QueueItem>> {
    let mut items = assigned(conn, edition_id, reviewer_id)?;
    items.retain(|i| i.open);
    Ok(items)
}

/// "Save and next": the assigned proposal still unreviewed by this reviewer with the
/// fewest reviews so far, other than those skipped.
pub fn next(
    conn: &mut DbConn,
    edition_id: &EditionId,
    reviewer_id: &UserId,
    skip: &[ProposalId],
) -> QueryResult<Option<ProposalId>> {
    Ok(queue(conn, edition_id, reviewer_id)?
        .into_iter()
        .filter(|i| !i.reviewed && !skip.contains(&i.proposal_id))
        .min_by_key(|i| (i.reviews, i.proposal_id.clone()))
        .map(|i| i.proposal_id))
}
