//! What registration hands on to next year (see `editions::carry`): the ticket types with
//! their capacities and times, and the registration's texts and rules. No registration,
//! waiting-list place or answer travels.

use devday_db::schema::{registration_settings::dsl as rs, ticket_types::dsl as tt};
use devday_db::DbConn;
use devday_shared::editions::carry::{Carry, Carrying, Preview};
use devday_shared::editions::Edition;
use devday_shared::AppResult;
use diesel::prelude::*;

use crate::model::{RegistrationSettings, TicketType};

pub const TICKETS: Carry = Carry {
    key: "tickets",
    preview: |conn, from| {
        Ok(Preview::named(
            ticket_types(conn, from)?
                .into_iter()
                .map(|t| (t.name, t.name_de))
                .collect(),
        ))
    },
    copy: copy_tickets,
};

pub const TEXTS: Carry = Carry {
    key: "registration",
    preview: |conn, from| {
        let row = rs::registration_settings
            .find(&from.id)
            .count()
            .get_result::<i64>(conn)?;
        Ok(Preview::settings(row > 0))
    },
    copy: copy_texts,
};

fn ticket_types(conn: &mut DbConn, from: &Edition) -> QueryResult<Vec<TicketType>> {
    tt::ticket_types
        .filter(tt::edition_id.eq(&from.id))
        .order(tt::position.asc())
        .select(TicketType::as_select())
        .load(conn)
}

/// Last year's tickets replace the conference ticket a new edition starts with: the same
/// capacities, workshops at the same times a year on, every seat free.
fn copy_tickets(conn: &mut DbConn, c: &mut Carrying<'_>) -> AppResult<usize> {
    let rows = ticket_types(conn, c.from)?;
    diesel::delete(tt::ticket_types.filter(tt::edition_id.eq(&c.to.id))).execute(conn)?;
    for mut row in rows.iter().cloned() {
        row.id = c.new_id(&row.id);
        row.edition_id = c.to.id.clone();
        row.taken = 0;
        row.starts_at = row.starts_at.map(|t| c.moved(t));
        row.ends_at = row.ends_at.map(|t| c.moved(t));
        diesel::insert_into(tt::ticket_types)
            .values(&row)
            .execute(conn)?;
    }
    Ok(rows.len())
}

/// The privacy notice, the code of conduct and the rules; the new edition's consent starts
/// at its first version and nothing of it has been purged.
fn copy_texts(conn: &mut DbConn, c: &mut Carrying<'_>) -> AppResult<usize> {
    let Some(mut row) = rs::registration_settings
        .find(&c.from.id)
        .select(RegistrationSettings::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(0);
    };
    row.edition_id = c.to.id.clone();
    row.consent_version = 1;
    row.purged_at = None;
    // The door's hour moves with the year, like the ticket types' times.
    row.door_release_at = row.door_release_at.map(|t| c.moved(t));
    diesel::insert_into(rs::registration_settings)
        .values(&row)
        .execute(conn)?;
    Ok(1)
}
