//! Seats: one conditional update takes a seat only while one is free, so capacity holds
//! whatever the concurrency, on SQLite and PostgreSQL, with any number of instances.

use devday_db::schema::ticket_types::dsl as tt;
use devday_db::DbConn;
use devday_shared::vocabulary::TicketTypeId;
use diesel::prelude::*;

/// Takes a seat of the ticket type; false if it is full.
///
/// A type seen full is answered without the update: on PostgreSQL the update would wait
/// for the row lock of every join to the waiting list in flight, so a sold-out rush would
/// queue behind itself. A seat freed meanwhile is offered to the waiting list by whoever
/// frees it, so seeing "full" a moment late loses no seat.
pub fn take(conn: &mut DbConn, ticket_type_id: &TicketTypeId) -> QueryResult<bool> {
    let free: Option<bool> = tt::ticket_types
        .filter(tt::id.eq(ticket_type_id))
        .select(tt::taken.lt(tt::capacity))
        .first(conn)
        .optional()?;
    if free != Some(true) {
        return Ok(false);
    }
    let n = diesel::update(
        tt::ticket_types
            .filter(tt::id.eq(ticket_type_id))
            .filter(tt::taken.lt(tt::capacity)),
    )
    .set(tt::taken.eq(tt::taken + 1))
    .execute(conn)?;
    Ok(n == 1)
}

/// Takes a seat even when none is free: for speakers and team, who come whatever the
/// public demand. The public's conditional `take` then finds fewer (or no) free seats.
pub fn take_beyond_capacity(conn: &mut DbConn, ticket_type_id: &TicketTypeId) -> QueryResult<bool> {
    let n = diesel::update(tt::ticket_types.filter(tt::id.eq(ticket_type_id)))
        .set(tt::taken.eq(tt::taken + 1))
        .execute(conn)?;
    Ok(n == 1)
}

/// Gives a seat back.
pub fn release(conn: &mut DbConn, ticket_type_id: &TicketTypeId) -> QueryResult<()> {
    diesel::update(
        tt::ticket_types
            .filter(tt::id.eq(ticket_type_id))
            .filter(tt::taken.gt(0)),
    )
    .set(tt::taken.eq(tt::taken - 1))
    .execute(conn)
    .map(drop)
}
