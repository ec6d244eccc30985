//! What the door hands on to next year (see `editions::carry`): the check-in lists beyond
//! the entrance (a new edition has its own), each admitting the copies of its ticket types.
//! No scan travels, and the signing keys are the new edition's own.

use devday_db::schema::{checkin_list_ticket_types::dsl as lt, checkin_lists::dsl as l};
use devday_db::DbConn;
use devday_shared::editions::carry::{Carry, Carrying, Preview};
use devday_shared::editions::Edition;
use devday_shared::vocabulary::TicketTypeId;
use devday_shared::AppResult;
use diesel::prelude::*;

use crate::lists::{CheckinList, CheckinListId};

pub const LISTS: Carry = Carry {
    key: "checkin-lists",
    preview: |conn, from| {
        Ok(Preview::named(
            lists(conn, from)?
                .into_iter()
                .map(|list| (list.name, list.name_de))
                .collect(),
        ))
    },
    copy: copy_lists,
};

fn lists(conn: &mut DbConn, from: &Edition) -> QueryResult<Vec<CheckinList>> {
    l::checkin_lists
        .filter(l::edition_id.eq(&from.id))
        .filter(l::all_tickets.eq(false))
        .order(l::created_at.asc())
        .select(CheckinList::as_select())
        .load(conn)
}

/// Lists after the tickets: a list admits the copies of its ticket types, and one whose
/// ticket types all stayed behind stays behind too.
fn copy_lists(conn: &mut DbConn, c: &mut Carrying<'_>) -> AppResult<usize> {
    let mut n = 0;
    for mut row in lists(conn, c.from)? {
        let admitted: Vec<TicketTypeId> = lt::checkin_list_ticket_types
            .filter(lt::list_id.eq(&row.id))
            .select(lt::ticket_type_id)
            .load::<TicketTypeId>(conn)?
            .iter()
            .filter_map(|t| c.copied(t))
            .collect();
        if admitted.is_empty() {
            continue;
        }
        row.id = c.new_id::<CheckinListId>(&row.id);
        row.edition_id = c.to.id.clone();
        row.created_at = devday_db::now();
        diesel::insert_into(l::checkin_lists)
            .values(&row)
            .execute(conn)?;
        for ticket_type in &admitted {
            diesel::insert_into(lt::checkin_list_ticket_types)
                .values((lt::list_id.eq(&row.id), lt::ticket_type_id.eq(ticket_type)))
                .execute(conn)?;
        }
        n += 1;
    }
    Ok(n)
}
