//! What a new edition starts with, planted in the transaction that creates it. Each domain
//! names its defaults (the conference ticket, the usual session types, the entrance, the
//! review categories) and the binary hands the list to [`super::queries::create`], so
//! reading never writes: a visitor's first look at a page does not take the write lock to
//! add what is missing. Editions from before this were given theirs by migration 000017.

use devday_db::DbConn;

use crate::AppResult;

/// Plants one domain's defaults in a new edition (given by id).
pub type Seed = fn(&mut DbConn, &crate::vocabulary::EditionId) -> AppResult<()>;
