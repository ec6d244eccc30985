//! Change notices: when a release moves or cancels sessions, each attendee who starred
//! any of them gets one mail listing all of their changes, in their language, unless they
//! said no on their programme page. The mails are enqueued in the release's transaction,
//! so a release mails exactly once however many instances serve it.

use std::collections::BTreeMap;

use devday_db::schema::{registration_interests::dsl as ri, registrations::dsl as r};
use devday_db::DbConn;
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::programme;
use devday_shared::vocabulary::{EditionId, RegistrationId, RegistrationState};
use devday_shared::AppResult;
use diesel::prelude::*;
use serde::Serialize;

use crate::snapshot::{Change, ChangeKind, Slot, Snapshot};

/// The changes an attendee hears of: moved and cancelled sessions (a new session is no
/// change to anything they starred).
fn noticed(changes: &[Change]) -> Vec<&Change> {
    changes
        .iter()
        .filter(|c| matches!(c.kind, ChangeKind::Moved | ChangeKind::Cancelled))
        .collect()
}

/// One person to tell, with the starred sessions a release changes.
struct Starrer {
    email: String,
    name: String,
    locale: Locale,
    generation: i32,
    changed: Vec<String>,
}

/// Active registrations that starred a session among `guids` and want to hear of changes.
fn starrers(
    conn: &mut DbConn,
    edition_id: &EditionId,
    guids: &[&str],
) -> QueryResult<BTreeMap<RegistrationId, Starrer>> {
    let mut by_person: BTreeMap<RegistrationId, Starrer> = BTreeMap::new();
    if guids.is_empty() {
        return Ok(by_person);
    }
    let rows = ri::registration_interests
        .inner_join(r::registrations)
        .filter(r::edition_id.eq(edition_id))
        .filter(r::state.eq_any(RegistrationState::ACTIVE))
        .filter(r::change_notices.eq(true))
        .filter(ri::proposal_id.eq_any(guids))
        .order((r::id, ri::proposal_id))
        .select((
            r::id,
            r::email,
            r::name,
            r::locale,
            r::programme_generation,
            ri::proposal_id,
        ))
        .load::<(RegistrationId, String, String, String, i32, String)>(conn)?;
    for (id, email, name, locale, generation, guid) in rows {
        by_person
            .entry(id)
            .or_insert_with(|| Starrer {
                email,
                name,
                locale: Locale::parse(&locale).unwrap_or_default(),
                generation,
                changed: Vec::new(),
            })
            .changed
            .push(guid);
    }
    Ok(by_person)
}

/// How many people a release with these changes would mail (the release page says so
/// before anyone presses the button).
pub fn to_tell(
    conn: &mut DbConn,
    edition_id: &EditionId,
    changes: &[Change],
) -> QueryResult<usize> {
    let guids: Vec<&str> = noticed(changes).iter().map(|c| c.guid.as_str()).collect();
    Ok(starrers(conn, edition_id, &guids)?.len())
}

/// A changed session as the mail lists it.
#[derive(Serialize)]
struct Line<'a> {
    title: &'a str,
    cancelled: bool,
    was: Option<String>,
    now: Option<String>,
}

/// Enqueues one mail per attendee who starred a session this release moved or cancelled;
/// returns how many. `secret` signs the link to each person's programme.
pub fn tell_attendees(
    conn: &mut DbConn,
    mailer: &Mailer,
    secret: &[u8],
    edition: &Edition,
    before: &Snapshot,
    after: &Snapshot,
) -> AppResult<usize> {
    let changes = noticed(&after.changes);
    let guids: Vec<&str> = changes.iter().map(|c| c.guid.as_str()).collect();
    let people = starrers(conn, &edition.id, &guids)?;
    for (id, person) in &people {
        let lines: Vec<Line<'_>> = changes
            .iter()
            .filter(|c| person.changed.contains(&c.guid))
            .map(|c| Line {
                title: &c.title,
                cancelled: c.kind == ChangeKind::Cancelled,
                was: c
                    .from
                    .as_ref()
                    .map(|s| say_slot(edition, before, s, person.locale)),
                now: c
                    .to
                    .as_ref()
                    .map(|s| say_slot(edition, after, s, person.locale)),
            })
            .collect();
        let key = programme::key(secret, id, person.generation);
        let mut ctx = tera::Context::new();
        ctx.insert("name", &person.name);
        ctx.insert("edition", &edition.name);
        ctx.insert("n", &lines.len());
        ctx.insert("changes", &lines);
        ctx.insert(
            "programme_link",
            &mailer.link(&programme::path(&edition.slug, id, &key)),
        );
        ctx.insert(
            "changes_link",
            &mailer.link(&format!("/{}/schedule/changes", edition.slug)),
        );
        outbox::enqueue(
            conn,
            &mailer.compose("programme_changed", person.locale, &person.email, ctx)?,
        )?;
    }
    Ok(people.len())
}

/// "Thu 10 June 2027, 09:45 CEST · Großer Saal" in the reader's words; no room for a
/// session in all rooms.
pub fn say_slot(edition: &Edition, snap: &Snapshot, slot: &Slot, locale: Locale) -> String {
    let at = edition.say_day_time(slot.starts_at, locale);
    match crate::view::room_name(snap, slot.room_id.as_deref()).as_str() {
        "" => at,
        room => format!("{at} · {room}"),
    }
}
