//! Change notices: when a release moves or cancels sessions, each attendee who starred
//! any of them gets one mail listing all of their changes, in their language, unless they
//! said no on their programme page. The mails are enqueued in the release's transaction,
//! so a release mails exactly once however many instances serve it.
//!
//! Recordings come one link at a time, after the event: once the organisers have added
//! none for a while, the clock tells each person who starred sessions with new recordings
//! in one mail (`tell_recordings`).

use std::collections::{BTreeMap, HashMap};

use chrono::Duration;
use devday_db::schema::{
    proposals::dsl as p, recordings::dsl as rec, registration_interests::dsl as ri,
    registrations::dsl as r,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::editions::queries;
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

impl Starrer {
    /// What every mail to a starrer says: their name, the edition, how many things it
    /// lists and the signed link to their programme.
    fn context(
        &self,
        mailer: &Mailer,
        secret: &[u8],
        edition: &Edition,
        id: &RegistrationId,
        n: usize,
    ) -> tera::Context {
        let key = programme::key(secret, id, self.generation);
        let mut ctx = tera::Context::new();
        ctx.insert("name", &self.name);
        ctx.insert("edition", &edition.name);
        ctx.insert("n", &n);
        ctx.insert(
            "programme_link",
            &mailer.link(&programme::path(&edition.slug, id, &key)),
        );
        ctx
    }
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
        let mut ctx = person.context(mailer, secret, edition, id, lines.len());
        ctx.insert("changes", &lines);
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

/// How long no recording link of an edition may have changed before the people who
/// starred the sessions are told: an organiser's sitting of links becomes one mail.
pub const RECORDINGS_SETTLE_MINUTES: i64 = 15;

/// A new recording as the mail lists it.
#[derive(Serialize)]
struct Recording {
    title: String,
    url: String,
}

/// Tells the people who starred sessions whose recordings went online, one mail each
/// listing all of them, for every edition whose links have settled; returns how many
/// people. Each batch is claimed by stamping its recordings in the transaction that
/// queues the mails, so several instances tell once.
pub fn tell_recordings(conn: &mut DbConn, mailer: &Mailer, secret: &[u8]) -> AppResult<usize> {
    let settled = now() - Duration::minutes(RECORDINGS_SETTLE_MINUTES);
    let waiting: Vec<EditionId> = rec::recordings
        .filter(rec::notified_at.is_null())
        .select(rec::edition_id)
        .distinct()
        .load(conn)?;
    let mut told = 0;
    for edition_id in waiting {
        let busy: i64 = rec::recordings
            .filter(rec::edition_id.eq(&edition_id))
            .filter(rec::updated_at.gt(settled))
            .count()
            .get_result(conn)?;
        if busy > 0 {
            continue;
        }
        let edition = queries::by_id(conn, &edition_id)?;
        told += write_transaction(conn, |conn| -> AppResult<usize> {
            let stamp = now();
            let claimed = diesel::update(
                rec::recordings
                    .filter(rec::edition_id.eq(&edition.id))
                    .filter(rec::notified_at.is_null()),
            )
            .set(rec::notified_at.eq(stamp))
            .execute(conn)?;
            if claimed == 0 {
                return Ok(0);
            }
            let fresh: HashMap<String, String> = rec::recordings
                .filter(rec::edition_id.eq(&edition.id))
                .filter(rec::notified_at.eq(stamp))
                .select((rec::proposal_id, rec::url))
                .load::<(String, String)>(conn)?
                .into_iter()
                .collect();
            let guids: Vec<&str> = fresh.keys().map(String::as_str).collect();
            let titles: Vec<(String, String)> = p::proposals
                .filter(p::id.eq_any(&guids))
                .order(p::title.asc())
                .select((p::id, p::title))
                .load(conn)?;
            let people = starrers(conn, &edition.id, &guids)?;
            for (id, person) in &people {
                let list: Vec<Recording> = titles
                    .iter()
                    .filter(|(guid, _)| person.changed.contains(guid))
                    .map(|(guid, title)| Recording {
                        title: title.clone(),
                        url: fresh.get(guid).cloned().unwrap_or_default(),
                    })
                    .collect();
                let mut ctx = person.context(mailer, secret, &edition, id, list.len());
                ctx.insert("recordings", &list);
                outbox::enqueue(
                    conn,
                    &mailer.compose("programme_recordings", person.locale, &person.email, ctx)?,
                )?;
            }
            Ok(people.len())
        })?;
    }
    if told > 0 {
        mailer.notify();
    }
    Ok(told)
}
