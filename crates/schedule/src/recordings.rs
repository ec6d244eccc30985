//! Links to the recordings, added by organisers after the event and shown on the public
//! session pages (without a new release).

use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::ProposalId;
use std::collections::HashMap;

use devday_db::schema::{proposals::dsl as p, recordings::dsl as rec};
use devday_db::{now, DbConn};
use devday_shared::{AppError, AppResult, FieldErrors};
use diesel::prelude::*;

/// Recording links of the edition by session (proposal id).
pub fn of_edition(
    conn: &mut DbConn,
    edition_id: &EditionId,
) -> QueryResult<HashMap<String, String>> {
    Ok(rec::recordings
        .filter(rec::edition_id.eq(edition_id))
        .select((rec::proposal_id, rec::url))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// Sets (or with an empty `url`, removes) a session's recording link.
pub fn set(
    conn: &mut DbConn,
    edition_id: &EditionId,
    proposal_id: &ProposalId,
    url: &str,
) -> AppResult<()> {
    let url = url.trim();
    if !(url.is_empty() || url.starts_with("https://")) || url.len() > 500 {
        let mut errors = FieldErrors::new();
        errors.add("url", "schedule-url-https");
        return Err(AppError::Invalid(errors));
    }
    let in_edition: i64 = p::proposals
        .filter(p::id.eq(proposal_id))
        .filter(p::edition_id.eq(edition_id))
        .count()
        .get_result(conn)?;
    if in_edition == 0 {
        return Err(AppError::NotFound);
    }
    // A corrected link is no news: whoever was told of the recording stays told.
    let told: Option<Option<chrono::NaiveDateTime>> = rec::recordings
        .find(proposal_id)
        .select(rec::notified_at)
        .first(conn)
        .optional()?;
    diesel::delete(rec::recordings.find(proposal_id)).execute(conn)?;
    if !url.is_empty() {
        diesel::insert_into(rec::recordings)
            .values((
                rec::proposal_id.eq(proposal_id),
                rec::edition_id.eq(edition_id),
                rec::url.eq(url),
                rec::updated_at.eq(now()),
                rec::notified_at.eq(told.flatten()),
            ))
            .execute(conn)?;
    }
    Ok(())
}
