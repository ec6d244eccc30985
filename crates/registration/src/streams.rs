//! The rooms' live streams for registered people: listed on their registration page and
//! their own programme, opened through a link that counts them as watching (the first time
//! is kept, for the report) before it sends them on to the stream.

use devday_db::schema::registrations::dsl as r;
use devday_db::{now, DbConn};
use devday_schedule::model::RoomId;
use devday_shared::{AppError, AppResult};
use diesel::prelude::*;
use serde::Serialize;

use crate::model::{Registration, RegistrationState};

/// A room that streams.
#[derive(Debug, Clone, Serialize)]
pub struct Stream {
    pub room_id: RoomId,
    pub room: String,
    #[serde(skip)]
    pub url: String,
}

/// The streams a registration may open, in room order: every streaming room of its edition
/// once the address is confirmed; none before, or after a cancellation.
pub fn for_registration(conn: &mut DbConn, reg: &Registration) -> QueryResult<Vec<Stream>> {
    if reg.state != RegistrationState::Confirmed {
        return Ok(Vec::new());
    }
    Ok(devday_schedule::setup::rooms(conn, &reg.edition_id)?
        .into_iter()
        .filter(|room| !room.stream_url.is_empty())
        .map(|room| Stream {
            room_id: room.id,
            room: room.name,
            url: room.stream_url,
        })
        .collect())
}

/// Opens a room's stream for a registration: counts the person as watching (the first time)
/// and gives the stream's address. 404 for a room that does not stream for them.
pub fn open(conn: &mut DbConn, reg: &Registration, room: &RoomId) -> AppResult<String> {
    let stream = for_registration(conn, reg)?
        .into_iter()
        .find(|s| s.room_id == *room)
        .ok_or(AppError::NotFound)?;
    diesel::update(
        r::registrations
            .find(&reg.id)
            .filter(r::watched_at.is_null()),
    )
    .set(r::watched_at.eq(now()))
    .execute(conn)?;
    Ok(stream.url)
}
