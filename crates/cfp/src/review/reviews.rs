//! Reviews: scores per category, a comment to the committee, an optional note for the
//! speaker, or an abstention. One per reviewer and proposal, editable while the window is
//! open.

use crate::review::settings::CategoryId;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::ProposalId;
use devday_shared::vocabulary::UserId;
use std::collections::HashMap;

use devday_db::schema::{
    proposals::dsl as p, review_assignments::dsl as ra, review_scores::dsl as rsc,
    reviews::dsl as rv, score_categories::dsl as sc, users::dsl as u,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::{AppResult, FieldErrors};
use diesel::prelude::*;
use serde::Serialize;

use super::aggregate::{self, ReviewScores};
use super::settings::{Category, ReviewSettings};

/// What the review form sent; scores come as `s_<category id>`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReviewForm {
    pub scores: HashMap<String, String>,
    pub comment: String,
    pub speaker_note: String,
    pub abstain: bool,
    /// save, next (save and next), skip
    pub action: String,
    /// Proposals skipped so far (comma-separated), carried from page to page.
    pub skipped: String,
}

impl ReviewForm {
    pub fn from_fields(fields: &[(String, String)]) -> Self {
        let mut form = ReviewForm::default();
        for (key, value) in fields {
            match key.as_str() {
                "comment" => form.comment = value.clone(),
                "speaker_note" => form.speaker_note = value.clone(),
                "abstain" => form.abstain = value == "true",
                "action" => form.action = value.clone(),
                "skipped" => form.skipped = value.clone(),
                other => {
                    if let Some(id) = other.strip_prefix("s_") {
                        form.scores.insert(id.to_owned(), value.clone());
                    }
                }
            }
        }
        form
    }
}

pub struct ReviewInput {
    pub abstained: bool,
    pub scores: Vec<(CategoryId, i32)>,
    pub comment: String,
    pub speaker_note: String,
}

pub fn validate(
    form: &ReviewForm,
    categories: &[Category],
    settings: &ReviewSettings,
) -> Result<ReviewInput, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut scores = Vec::new();
    if !form.abstain {
        for c in categories {
            let field = format!("s_{}", c.id);
            match form
                .scores
                .get(c.id.as_str())
                .and_then(|v| v.trim().parse::<i32>().ok())
            {
                Some(s) if (c.min_score..=c.max_score).contains(&s) => {
                    scores.push((c.id.clone(), s))
                }
                Some(_) => errors.add(&field, "score-out-of-range"),
                None => errors.add(&field, "field-required"),
            }
        }
        if settings.comment_required && form.comment.trim().is_empty() {
            errors.add("comment", "field-required");
        }
    }
    if form.comment.chars().count() > 5000 {
        errors.add("comment", "field-too-long");
    }
    if form.speaker_note.chars().count() > 2000 {
        errors.add("speaker_note", "field-too-long");
    }
    if errors.is_empty() {
        Ok(ReviewInput {
            abstained: form.abstain,
            scores,
            comment: form.comment.trim().to_owned(),
            speaker_note: form.speaker_note.trim().to_owned(),
        })
    } else {
        Err(errors)
    }
}

/// Creates or replaces the reviewer's review of a proposal.
pub fn save(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    reviewer_id: &UserId,
    input: &ReviewInput,
) -> AppResult<()> {
    let at = now();
    write_transaction(conn, |conn| {
        let existing: Option<String> = rv::reviews
            .filter(rv::proposal_id.eq(proposal_id))
            .filter(rv::reviewer_id.eq(reviewer_id))
            .select(rv::id)
            .first(conn)
            .optional()?;
        let id = match existing {
            Some(id) => {
                diesel::update(rv::reviews.find(&id))
                    .set((
                        rv::abstained.eq(input.abstained),
                        rv::comment.eq(&input.comment),
                        rv::speaker_note.eq(&input.speaker_note),
                        rv::updated_at.eq(at),
                    ))
                    .execute(conn)?;
                diesel::delete(rsc::review_scores.filter(rsc::review_id.eq(&id))).execute(conn)?;
                id
            }
            None => {
                let id = uuid::Uuid::new_v4().to_string();
                diesel::insert_into(rv::reviews)
                    .values((
                        rv::id.eq(&id),
                        rv::proposal_id.eq(proposal_id),
                        rv::reviewer_id.eq(reviewer_id),
                        rv::abstained.eq(input.abstained),
                        rv::comment.eq(&input.comment),
                        rv::speaker_note.eq(&input.speaker_note),
                        rv::created_at.eq(at),
                        rv::updated_at.eq(at),
                    ))
                    .execute(conn)?;
                id
            }
        };
        for (category_id, score) in &input.scores {
            diesel::insert_into(rsc::review_scores)
                .values((
                    rsc::review_id.eq(&id),
                    rsc::category_id.eq(category_id),
                    rsc::score.eq(score),
                ))
                .execute(conn)?;
        }
        Ok(())
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct ReviewView {
    pub reviewer_id: UserId,
    /// Left empty when reviewer names are hidden from the reader.
    pub reviewer: Option<String>,
    pub abstained: bool,
    /// (category id, category name, score)
    pub scores: Vec<(String, String, i32)>,
    pub weighted: Option<f64>,
    pub comment: String,
    pub speaker_note: String,
}

/// Every review of a proposal, with category names.
pub fn of_proposal(conn: &mut DbConn, proposal_id: &ProposalId) -> QueryResult<Vec<ReviewView>> {
    let reviews: Vec<(String, UserId, String, bool, String, String)> = rv::reviews
        .inner_join(u::users)
        .filter(rv::proposal_id.eq(proposal_id))
        .order(rv::created_at.asc())
        .select((
            rv::id,
            rv::reviewer_id,
            u::display_name,
            rv::abstained,
            rv::comment,
            rv::speaker_note,
        ))
        .load(conn)?;
    let ids: Vec<&String> = reviews.iter().map(|r| &r.0).collect();
    let scores: Vec<(String, String, String, i32, i32)> = rsc::review_scores
        .inner_join(sc::score_categories)
        .filter(rsc::review_id.eq_any(&ids))
        .order(sc::position.asc())
        .select((rsc::review_id, sc::id, sc::name, sc::weight, rsc::score))
        .load(conn)?;
    Ok(reviews
        .into_iter()
        .map(
            |(id, reviewer_id, name, abstained, comment, speaker_note)| {
                let mine: Vec<&(String, String, String, i32, i32)> =
                    scores.iter().filter(|s| s.0 == id).collect();
                let weighted =
                    aggregate::weighted(&mine.iter().map(|s| (s.3, s.4)).collect::<Vec<_>>());
                ReviewView {
                    reviewer_id,
                    reviewer: Some(name),
                    abstained,
                    scores: mine
                        .iter()
                        .map(|s| (s.1.clone(), s.2.clone(), s.4))
                        .collect(),
                    weighted,
                    comment,
                    speaker_note,
                }
            },
        )
        .collect())
}

/// (category id, score) of one reviewer's review, to fill the form again.
pub fn own(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    reviewer_id: &UserId,
) -> QueryResult<Option<ReviewForm>> {
    let review: Option<(String, bool, String, String)> = rv::reviews
        .filter(rv::proposal_id.eq(proposal_id))
        .filter(rv::reviewer_id.eq(reviewer_id))
        .select((rv::id, rv::abstained, rv::comment, rv::speaker_note))
        .first(conn)
        .optional()?;
    let Some((id, abstain, comment, speaker_note)) = review else {
        return Ok(None);
    };
    let scores: Vec<(String, i32)> = rsc::review_scores
        .filter(rsc::review_id.eq(&id))
        .select((rsc::category_id, rsc::score))
        .load(conn)?;
    Ok(Some(ReviewForm {
        scores: scores
            .into_iter()
            .map(|(c, s)| (c, s.to_string()))
            .collect(),
        comment,
        speaker_note,
        abstain,
        action: String::new(),
        skipped: String::new(),
    }))
}

/// Every review's (weight, score) pairs by proposal, for the dashboard.
pub fn scores_by_proposal(
    conn: &mut DbConn,
    edition_id: &EditionId,
) -> QueryResult<HashMap<String, Vec<ReviewScores>>> {
    let reviews: Vec<(String, String)> = rv::reviews
        .inner_join(p::proposals)
        .filter(p::edition_id.eq(edition_id))
        .select((rv::id, rv::proposal_id))
        .load(conn)?;
    let ids: Vec<&String> = reviews.iter().map(|r| &r.0).collect();
    let mut per_review: HashMap<String, ReviewScores> = HashMap::new();
    for (review_id, weight, score) in rsc::review_scores
        .inner_join(sc::score_categories)
        .filter(rsc::review_id.eq_any(&ids))
        .select((rsc::review_id, sc::weight, rsc::score))
        .load::<(String, i32, i32)>(conn)?
    {
        per_review
            .entry(review_id)
            .or_default()
            .push((weight, score));
    }
    let mut by_proposal: HashMap<String, Vec<ReviewScores>> = HashMap::new();
    for (review_id, proposal_id) in reviews {
        by_proposal
            .entry(proposal_id)
            .or_default()
            .push(per_review.remove(&review_id).unwrap_or_default());
    }
    Ok(by_proposal)
}

#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub reviewer: String,
    pub done: i64,
    pub assigned: i64,
}

/// Per reviewer: reviews written of their assigned proposals.
pub fn progress(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Progress>> {
    let mut out = Vec::new();
    for r in super::assign::reviewers(conn, edition_id)? {
        let queue = super::assign::queue(conn, edition_id, &r.id)?;
        out.push(Progress {
            reviewer: r.name,
            done: queue.iter().filter(|q| q.reviewed).count() as i64,
            assigned: queue.len() as i64,
        });
    }
    Ok(out)
}

/// How many reviewers are assigned to each proposal.
pub fn assignment_counts(
    conn: &mut DbConn,
    edition_id: &EditionId,
) -> QueryResult<HashMap<String, i64>> {
    let rows: Vec<String> = ra::review_assignments
        .inner_join(p::proposals)
        .filter(p::edition_id.eq(edition_id))
        .select(ra::proposal_id)
        .load(conn)?;
    let mut counts = HashMap::new();
    for id in rows {
        *counts.entry(id).or_insert(0) += 1;
    }
    Ok(counts)
}
