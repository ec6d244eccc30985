//! "Which sessions interest you?": attendees tick confirmed sessions when they register.
//! The counts tell organisers which rooms sessions need; the timetable optimiser reads the
//! pairs ticked together as favourites.

use crate::model::RegistrationId;
use devday_cfp::model::ProposalState;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::ProposalId;
use std::collections::HashMap;

use crate::model::RegistrationState;
use devday_db::schema::{
    proposal_speakers::dsl as ps, proposals::dsl as p, registration_interests::dsl as ri,
    registrations::dsl as r, users::dsl as u,
};
use devday_db::DbConn;
use diesel::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Offered {
    pub id: ProposalId,
    pub title: String,
    /// The speakers' names, in their order on the proposal.
    pub speakers: Vec<String>,
}

/// The sessions one may tick: the edition's confirmed proposals, by title, with their
/// speakers.
pub fn offered(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Offered>> {
    let rows = p::proposals
        .filter(p::edition_id.eq(edition_id))
        .filter(p::state.eq(ProposalState::Confirmed))
        .order(p::title.asc())
        .select((p::id, p::title))
        .load::<(ProposalId, String)>(conn)?;
    let ids: Vec<&ProposalId> = rows.iter().map(|r| &r.0).collect();
    let mut speakers: HashMap<ProposalId, Vec<String>> = HashMap::new();
    for (proposal, name) in ps::proposal_speakers
        .inner_join(u::users)
        .filter(ps::proposal_id.eq_any(&ids))
        .order((ps::proposal_id, ps::position))
        .select((ps::proposal_id, u::display_name))
        .load::<(ProposalId, String)>(conn)?
    {
        speakers.entry(proposal).or_default().push(name);
    }
    Ok(rows
        .into_iter()
        .map(|(id, title)| Offered {
            speakers: speakers.remove(&id).unwrap_or_default(),
            id,
            title,
        })
        .collect())
}

/// Records what a registration ticked; ids that are not offered sessions are left out.
pub fn record(
    conn: &mut DbConn,
    registration_id: &RegistrationId,
    edition_id: &EditionId,
    wanted: &[ProposalId],
) -> QueryResult<usize> {
    diesel::delete(ri::registration_interests.filter(ri::registration_id.eq(registration_id)))
        .execute(conn)?;
    if wanted.is_empty() {
        return Ok(0);
    }
    let valid: Vec<ProposalId> = p::proposals
        .filter(p::edition_id.eq(edition_id))
        .filter(p::state.eq(ProposalState::Confirmed))
        .filter(p::id.eq_any(wanted))
        .select(p::id)
        .load(conn)?;
    for id in &valid {
        diesel::insert_into(ri::registration_interests)
            .values((
                ri::registration_id.eq(registration_id),
                ri::proposal_id.eq(id),
            ))
            .execute(conn)?;
    }
    Ok(valid.len())
}

/// The session ids a registration ticked.
pub fn ids_of_registration(
    conn: &mut DbConn,
    registration_id: &RegistrationId,
) -> QueryResult<Vec<ProposalId>> {
    ri::registration_interests
        .filter(ri::registration_id.eq(registration_id))
        .select(ri::proposal_id)
        .load(conn)
}

/// Titles a registration ticked (for the person's own data).
pub fn of_registration(
    conn: &mut DbConn,
    registration_id: &RegistrationId,
) -> QueryResult<Vec<String>> {
    ri::registration_interests
        .inner_join(p::proposals)
        .filter(ri::registration_id.eq(registration_id))
        .order(p::title.asc())
        .select(p::title)
        .load(conn)
}

/// How many active registrations ticked each session, most wanted first.
pub fn counts(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<(String, i64)>> {
    let mut rows: Vec<(String, i64)> = ri::registration_interests
        .inner_join(p::proposals)
        .inner_join(r::registrations)
        .filter(p::edition_id.eq(edition_id))
        .filter(r::state.eq_any(RegistrationState::ACTIVE))
        .group_by(p::title)
        .select((p::title, diesel::dsl::count_star()))
        .load(conn)?;
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(rows)
}
