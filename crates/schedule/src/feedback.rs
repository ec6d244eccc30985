//! Anonymous feedback on a session after it has run: a rating from 1 to 5 and an optional
//! comment, one per browser and session, seen by the session's speakers and the organisers.

use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::ProposalId;
use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use devday_db::schema::{
    proposal_speakers::dsl as ps, proposals::dsl as p, session_feedback::dsl as f,
};
use devday_db::{now, DbConn};
use devday_shared::{crypto, AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FeedbackForm {
    /// 1 to 5.
    pub rating: String,
    pub comment: String,
}

/// What identifies a browser for "one feedback each", without storing the browser's id.
pub fn client_hash(browser: &str, proposal_id: &str) -> String {
    crypto::token_hash(&format!("feedback:{browser}:{proposal_id}"))
}

pub fn give(
    conn: &mut DbConn,
    edition_id: &EditionId,
    proposal_id: &ProposalId,
    ends_at: NaiveDateTime,
    client: &str,
    form: &FeedbackForm,
) -> AppResult<()> {
    if now() < ends_at {
        return Err(AppError::Refused(devday_shared::Refusal::FeedbackNotYet));
    }
    let mut errors = FieldErrors::new();
    let rating = form
        .rating
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|r| (1..=5).contains(r));
    if rating.is_none() {
        errors.add("rating", "schedule-feedback-rating");
    }
    if form.comment.chars().count() > 2000 {
        errors.add("comment", "field-too-long");
    }
    errors.into_result()?;
    let given: i64 = f::session_feedback
        .filter(f::proposal_id.eq(proposal_id))
        .filter(f::client_hash.eq(client))
        .count()
        .get_result(conn)?;
    if given > 0 {
        return Err(AppError::Refused(devday_shared::Refusal::FeedbackGiven));
    }
    diesel::insert_into(f::session_feedback)
        .values((
            f::id.eq(uuid::Uuid::new_v4().to_string()),
            f::edition_id.eq(edition_id),
            f::proposal_id.eq(proposal_id),
            f::rating.eq(rating.unwrap_or(1)),
            f::comment.eq(form.comment.trim()),
            f::client_hash.eq(client),
            f::created_at.eq(now()),
        ))
        .execute(conn)
        .map_err(|e| {
            // Two sends of the same form at once: the unique index lets one through.
            if devday_db::is_unique_violation(&e) {
                AppError::Refused(devday_shared::Refusal::FeedbackGiven)
            } else {
                e.into()
            }
        })?;
    Ok(())
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub proposal_id: ProposalId,
    pub title: String,
    pub count: usize,
    /// One decimal.
    pub average: String,
    /// How many gave 1, 2, 3, 4 and 5.
    pub histogram: [usize; 5],
    pub comments: Vec<String>,
}

/// Feedback per session of the edition (or of one speaker's sessions), by title.
pub fn summaries(
    conn: &mut DbConn,
    edition_id: &EditionId,
    speaker: Option<&str>,
) -> QueryResult<Vec<Summary>> {
    let mut query = f::session_feedback
        .inner_join(p::proposals)
        .filter(f::edition_id.eq(edition_id))
        .select((p::id, p::title, f::rating, f::comment))
        .order(f::created_at.asc())
        .into_boxed();
    if let Some(user) = speaker {
        let own = ps::proposal_speakers
            .filter(ps::user_id.eq(user.to_owned()))
            .select(ps::proposal_id);
        query = query.filter(p::id.eq_any(own));
    }
    let mut by_session: BTreeMap<(String, ProposalId), Vec<(i32, String)>> = BTreeMap::new();
    for (id, title, rating, comment) in query.load::<(ProposalId, String, i32, String)>(conn)? {
        by_session
            .entry((title, id))
            .or_default()
            .push((rating, comment));
    }
    Ok(by_session
        .into_iter()
        .map(|((title, proposal_id), rows)| {
            let mut histogram = [0; 5];
            for (rating, _) in &rows {
                if let Some(slot) = usize::try_from(rating - 1)
                    .ok()
                    .and_then(|i| histogram.get_mut(i))
                {
                    *slot += 1;
                }
            }
            let total: i32 = rows.iter().map(|r| r.0).sum();
            Summary {
                proposal_id,
                title,
                count: rows.len(),
                average: format!("{:.1}", f64::from(total) / rows.len().max(1) as f64),
                histogram,
                comments: rows
                    .into_iter()
                    .map(|r| r.1)
                    .filter(|c| !c.is_empty())
                    .collect(),
            }
        })
        .collect())
}
