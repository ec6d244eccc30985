//! What registered attendees said interests them ("Which sessions interest you?"): the
//! expected audience of a session and the sessions people want together.

use devday_shared::vocabulary::EditionId;
use std::collections::{BTreeMap, HashMap};

use devday_db::schema::{registration_interests::dsl as ri, registrations::dsl as r};
use devday_db::DbConn;
use devday_shared::vocabulary::RegistrationState;
use diesel::prelude::*;

/// Per active registration, the sessions (proposal ids) it ticked.
pub fn interests(
    conn: &mut DbConn,
    edition_id: &EditionId,
) -> QueryResult<BTreeMap<String, Vec<String>>> {
    let mut by_person: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (reg, proposal) in ri::registration_interests
        .inner_join(r::registrations)
        .filter(r::edition_id.eq(edition_id))
        .filter(r::state.eq_any(RegistrationState::ACTIVE))
        .select((ri::registration_id, ri::proposal_id))
        .load::<(String, String)>(conn)?
    {
        by_person.entry(reg).or_default().push(proposal);
    }
    Ok(by_person)
}

/// How many active registrations want each session.
pub fn counts(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<HashMap<String, i64>> {
    let mut counts = HashMap::new();
    for list in interests(conn, edition_id)?.into_values() {
        for p in list {
            *counts.entry(p).or_insert(0) += 1;
        }
    }
    Ok(counts)
}
