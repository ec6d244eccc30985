//! Seats: one conditional update takes a seat only while one is free, so capacity (with
//! its overbooking margin) and the venue's hard limit hold whatever the concurrency, on
//! SQLite and PostgreSQL, with any number of instances.

use devday_db::schema::ticket_types::dsl as tt;
use devday_db::DbConn;
use devday_shared::vocabulary::TicketTypeId;
use diesel::prelude::*;

use crate::model::seats_given;

/// Takes a seat of the ticket type; false if it is full: every seat given (the capacity
/// and the overbooking margin) is taken, or the venue's hard limit is reached.
///
/// A type seen full is answered without the update: on PostgreSQL the update would wait
/// for the row lock of every join to the waiting list in flight, so a sold-out rush would
/// queue behind itself. A seat freed meanwhile is offered to the waiting list by whoever
/// frees it, so seeing "full" a moment late loses no seat.
pub fn take(conn: &mut DbConn, ticket_type_id: &TicketTypeId) -> QueryResult<bool> {
    let row: Option<(i32, i32, i32, Option<i32>)> = tt::ticket_types
        .filter(tt::id.eq(ticket_type_id))
        .select((tt::taken, tt::capacity, tt::overbook, tt::hard_limit))
        .first(conn)
        .optional()?;
    match row {
        Some((taken, capacity, overbook, limit))
            if taken < seats_given(capacity, overbook, limit) => {}
        _ => return Ok(false),
    }
    let n = diesel::update(
        tt::ticket_types
            .filter(tt::id.eq(ticket_type_id))
            .filter(tt::taken.lt(tt::capacity + tt::overbook))
            .filter(below_hard_limit()),
    )
    .set(tt::taken.eq(tt::taken + 1))
    .execute(conn)?;
    Ok(n == 1)
}

/// Takes a seat beyond the capacity and margin: for speakers and team, who come whatever
/// the public demand. The venue's hard limit holds for them too (false when reached); the
/// public's conditional `take` then finds fewer (or no) free seats.
pub fn take_beyond_capacity(conn: &mut DbConn, ticket_type_id: &TicketTypeId) -> QueryResult<bool> {
    let n = diesel::update(
        tt::ticket_types
            .filter(tt::id.eq(ticket_type_id))
            .filter(below_hard_limit()),
    )
    .set(tt::taken.eq(tt::taken + 1))
    .execute(conn)?;
    Ok(n == 1)
}

/// No hard limit, or seats taken below it: the condition every seat is given under.
fn below_hard_limit() -> diesel::dsl::Or<
    diesel::dsl::IsNull<tt::hard_limit>,
    diesel::dsl::Gt<tt::hard_limit, diesel::dsl::Nullable<tt::taken>>,
> {
    tt::hard_limit
        .is_null()
        .or(tt::hard_limit.gt(tt::taken.nullable()))
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
