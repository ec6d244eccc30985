//! A session's own live stream, where it differs from its room's. Set on the organisers'
//! recordings page beside the recording link; the session page and the registered people's
//! watch links prefer it to the room's.

use std::collections::HashMap;

use devday_db::schema::session_streams::dsl as ss;
use devday_db::{now, DbConn};
use devday_shared::vocabulary::{EditionId, ProposalId};
use devday_shared::AppResult;
use diesel::prelude::*;

use crate::recordings::checked_link;

/// The edition's sessions with a stream of their own, by session (proposal id).
pub fn of_edition(
    conn: &mut DbConn,
    edition_id: &EditionId,
) -> QueryResult<HashMap<String, String>> {
    Ok(ss::session_streams
        .filter(ss::edition_id.eq(edition_id))
        .select((ss::proposal_id, ss::url))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// Sets (or with an empty `url`, removes) a session's own stream. Call it inside a
/// transaction (the recordings page saves it with the recording link).
pub fn set(
    conn: &mut DbConn,
    edition_id: &EditionId,
    proposal_id: &ProposalId,
    url: &str,
) -> AppResult<()> {
    let url = checked_link(conn, edition_id, proposal_id, url, "stream")?;
    diesel::delete(ss::session_streams.find(proposal_id)).execute(conn)?;
    if !url.is_empty() {
        diesel::insert_into(ss::session_streams)
            .values((
                ss::proposal_id.eq(proposal_id),
                ss::edition_id.eq(edition_id),
                ss::url.eq(url),
                ss::updated_at.eq(now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}
