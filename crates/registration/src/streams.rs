//! The live streams for registered people (the rooms', and sessions' own): listed on their registration page and
//! their own programme, opened through a link that counts them as watching (the first time
//! is kept, for the report) before it sends them on to the stream.

use devday_db::schema::registrations::dsl as r;
use devday_db::{now, DbConn};
use devday_shared::{AppError, AppResult};
use diesel::prelude::*;
use serde::Serialize;

use crate::model::{Registration, RegistrationState};

/// A live stream a registered person may open: a room's, or a session's own.
#[derive(Debug, Clone, Serialize)]
pub struct Stream {
    /// The room's id, or the session's (proposal) id: the last part of the watch link.
    pub id: String,
    /// The room's name, or the session's title.
    pub name: String,
    /// A session's own stream rather than a room's.
    pub session: bool,
    #[serde(skip)]
    pub url: String,
}

/// The streams a registration may open: every streaming room of its edition in room order,
/// then the sessions streamed on their own, once the address is confirmed; none before, or
/// after a cancellation.
pub fn for_registration(conn: &mut DbConn, reg: &Registration) -> AppResult<Vec<Stream>> {
    if reg.state != RegistrationState::Confirmed {
        return Ok(Vec::new());
    }
    let rooms = devday_schedule::setup::rooms(conn, &reg.edition_id)?
        .into_iter()
        .filter(|room| !room.stream_url.is_empty())
        .map(|room| Stream {
            id: room.id.to_string(),
            name: room.name,
            session: false,
            url: room.stream_url,
        });
    // Sessions of the programme as released, so one dropped since takes its stream along.
    let edition = devday_shared::editions::queries::by_id(conn, &reg.edition_id)?;
    let published = devday_schedule::published::load(conn, &edition.slug)?;
    let sessions = published.iter().flat_map(|p| {
        p.snapshot.sessions.iter().filter_map(|s| {
            Some(Stream {
                id: s.guid.clone(),
                name: s.title.clone(),
                session: true,
                url: p.streams.get(&s.guid)?.clone(),
            })
        })
    });
    Ok(rooms.chain(sessions).collect())
}

/// Opens a stream for a registration: counts the person as watching (the first time) and
/// gives the stream's address. 404 for a stream that is not theirs to open.
pub fn open(conn: &mut DbConn, reg: &Registration, id: &str) -> AppResult<String> {
    let stream = for_registration(conn, reg)?
        .into_iter()
        .find(|s| s.id == id)
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
