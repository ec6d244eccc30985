//! The speakers of an edition, for organisers.

use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::UserId;
use std::collections::BTreeMap;

use devday_db::schema::{
    proposal_speakers::dsl as ps, proposals::dsl as p, speaker_profiles::dsl as sp, users::dsl as u,
};
use devday_db::DbConn;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::model::ProposalState;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EditionSpeaker {
    pub user_id: UserId,
    pub name: String,
    pub email: String,
    pub company: String,
    /// Titles of their proposals in the edition (drafts excluded).
    pub titles: Vec<String>,
}

/// Everyone with a non-draft proposal in the edition, by name.
pub fn of_edition(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<EditionSpeaker>> {
    let rows: Vec<(UserId, String, String, Option<String>, String)> = ps::proposal_speakers
        .inner_join(p::proposals)
        .inner_join(u::users)
        .left_join(sp::speaker_profiles.on(sp::user_id.eq(u::id)))
        .filter(p::edition_id.eq(edition_id))
        .filter(p::state.ne(ProposalState::Draft))
        .order((u::display_name.asc(), p::title.asc()))
        .select((
            u::id,
            u::display_name,
            u::email,
            sp::company.nullable(),
            p::title,
        ))
        .load(conn)?;
    let mut by_user: BTreeMap<UserId, EditionSpeaker> = BTreeMap::new();
    for (user_id, name, email, company, title) in rows {
        by_user
            .entry(user_id.clone())
            .or_insert_with(|| EditionSpeaker {
                user_id,
                name,
                email,
                company: company.unwrap_or_default(),
                titles: Vec::new(),
            })
            .titles
            .push(title);
    }
    let mut speakers: Vec<EditionSpeaker> = by_user.into_values().collect();
    speakers.sort_by_key(|s| s.name.to_lowercase());
    Ok(speakers)
}

/// The accounts speaking in confirmed sessions of the edition (they get a ticket).
pub fn of_confirmed_sessions(
    conn: &mut DbConn,
    edition_id: &EditionId,
) -> QueryResult<Vec<UserId>> {
    ps::proposal_speakers
        .inner_join(p::proposals)
        .filter(p::edition_id.eq(edition_id))
        .filter(p::state.eq(ProposalState::Confirmed))
        .select(ps::user_id)
        .distinct()
        .load(conn)
}

/// Whether `viewer` organises an edition `speaker` submitted to (reviewers and door staff
/// do not get photos: with anonymised review a photo would give the speaker away).
pub fn team_sees_speaker(conn: &mut DbConn, viewer: &str, speaker: &str) -> QueryResult<bool> {
    use devday_db::schema::edition_roles::dsl as r;
    let editions: Vec<String> = ps::proposal_speakers
        .inner_join(p::proposals)
        .filter(ps::user_id.eq(speaker))
        .filter(p::state.ne(ProposalState::Draft))
        .select(p::edition_id)
        .load(conn)?;
    let n: i64 = r::edition_roles
        .filter(r::user_id.eq(viewer))
        .filter(r::role.eq(devday_shared::editions::Role::Organiser))
        .filter(r::edition_id.eq_any(editions))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}
