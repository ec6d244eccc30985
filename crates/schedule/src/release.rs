//! Releasing the draft: a numbered, named version frozen as a snapshot, with the changes
//! against the version before; speakers whose session moved or was cancelled get a mail.

use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::UserId;
use devday_shared::webhooks::EventType;
use std::collections::HashMap;

use chrono::NaiveDateTime;
use devday_cfp::{profiles, proposals::service::speaker_locale, settings as cfp_settings};
use devday_db::schema::{
    proposal_speakers::dsl as ps, proposals::dsl as p, schedule_releases::dsl as sr,
    speaker_availability::dsl as av, users::dsl as u,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::{AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::conflicts::{self, Conflict, Severity};
use crate::draft::{self, Session};
use crate::model::{Break, Room};
use crate::notices;
use crate::setup;
use crate::snapshot::{
    diff, ChangeKind, SnapBreak, SnapRoom, SnapSession, SnapSpeaker, SnapTrack, Snapshot,
};
use devday_cfp::model::Track;

/// A released version as stored.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = devday_db::schema::schedule_releases)]
pub struct Release {
    pub id: String,
    pub edition_id: EditionId,
    pub number: i32,
    pub name: String,
    pub comment: String,
    #[serde(skip)]
    pub snapshot: String,
    #[serde(skip)]
    pub released_by: Option<String>,
    pub released_at: NaiveDateTime,
}

impl Release {
    pub fn snapshot(&self) -> AppResult<Snapshot> {
        serde_json::from_str(&self.snapshot).map_err(AppError::internal)
    }
}

/// The draft and what is wrong with it.
pub struct Draft {
    pub sessions: Vec<Session>,
    pub conflicts: Vec<Conflict>,
}

impl Draft {
    pub fn hard_conflicts(&self) -> usize {
        self.conflicts
            .iter()
            .filter(|c| c.severity == Severity::Hard)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.conflicts.len() - self.hard_conflicts()
    }
}

type Windows = HashMap<String, Vec<(NaiveDateTime, NaiveDateTime)>>;

fn availability(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Windows> {
    let mut windows = Windows::new();
    for (user, from, to) in av::speaker_availability
        .filter(av::edition_id.eq(edition_id))
        .select((av::user_id, av::starts_at, av::ends_at))
        .load::<(String, NaiveDateTime, NaiveDateTime)>(conn)?
    {
        windows.entry(user).or_default().push((from, to));
    }
    Ok(windows)
}

/// The draft's sessions with its conflicts.
pub fn draft(conn: &mut DbConn, edition_id: &EditionId) -> AppResult<Draft> {
    let sessions = draft::sessions(conn, edition_id)?;
    let rooms = setup::rooms(conn, edition_id)?;
    let breaks = setup::breaks(conn, edition_id)?;
    let grid = setup::grid_settings(conn, edition_id)?;
    let availability = availability(conn, edition_id)?;
    let audience = crate::audience::counts(conn, edition_id)?;
    let conflicts = conflicts::find(
        &sessions,
        &conflicts::Context {
            rooms: &rooms,
            breaks: &breaks,
            availability: &availability,
            change_minutes: grid.change_minutes,
            audience: &audience,
        },
    );
    Ok(Draft {
        sessions,
        conflicts,
    })
}

pub fn releases(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Release>> {
    sr::schedule_releases
        .filter(sr::edition_id.eq(edition_id))
        .order(sr::number.desc())
        .select(Release::as_select())
        .load(conn)
}

pub fn latest(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Option<Release>> {
    sr::schedule_releases
        .filter(sr::edition_id.eq(edition_id))
        .order(sr::number.desc())
        .select(Release::as_select())
        .first(conn)
        .optional()
}

/// The draft's placed sessions in the public shape, without texts and speakers: what the
/// editor draws, and what a release fills in (`freeze`). Sessions by start, then room order.
pub fn outline(
    rooms: &[Room],
    tracks: Vec<Track>,
    breaks: &[Break],
    sessions: &[Session],
) -> Snapshot {
    let order: HashMap<&str, usize> = rooms
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut placed: Vec<SnapSession> = sessions
        .iter()
        .filter_map(|s| {
            s.placement.as_ref().map(|at| SnapSession {
                guid: s.proposal_id.to_string(),
                title: s.title.clone(),
                abstract_md: String::new(),
                description_md: String::new(),
                track_id: s.track_id.clone(),
                session_type: s.session_type.clone(),
                session_type_de: s.session_type_de.clone(),
                language: s.language.clone(),
                level: s.level.clone(),
                room_id: at.room_id.clone(),
                starts_at: at.starts_at,
                duration_minutes: at.duration_minutes,
                speakers: Vec::new(),
                sequence: 0,
                do_not_record: false,
            })
        })
        .collect();
    placed.sort_by_key(|s| {
        (
            s.starts_at,
            s.room_id
                .as_deref()
                .and_then(|r| order.get(r).copied())
                .unwrap_or(0),
        )
    });
    Snapshot {
        rooms: rooms
            .iter()
            .map(|r| SnapRoom {
                id: r.id.clone(),
                name: r.name.clone(),
                capacity: r.capacity,
                stream_url: r.stream_url.clone(),
            })
            .collect(),
        tracks: tracks
            .into_iter()
            .map(|t| SnapTrack {
                id: t.id,
                name: t.name,
                name_de: t.name_de,
                colour: t.colour,
            })
            .collect(),
        breaks: breaks
            .iter()
            .map(|b| SnapBreak {
                title: b.title.clone(),
                starts_at: b.starts_at,
                ends_at: b.ends_at,
            })
            .collect(),
        sessions: placed,
        changes: Vec::new(),
        recording_license: String::new(),
    }
}

/// The outline of `sessions` with the edition's rooms, tracks and breaks.
fn outline_of(
    conn: &mut DbConn,
    edition_id: &EditionId,
    sessions: &[Session],
) -> AppResult<Snapshot> {
    let rooms = setup::rooms(conn, edition_id)?;
    let tracks = cfp_settings::tracks(conn, edition_id)?;
    let breaks = setup::breaks(conn, edition_id)?;
    Ok(outline(&rooms, tracks, &breaks, sessions))
}

/// What the next release would publish against the last one.
pub struct Pending {
    /// Added, moved and cancelled sessions; before the first release, every placed
    /// session as added.
    pub changes: Vec<crate::snapshot::Change>,
    /// The last release (`None` before the first).
    pub before: Option<Snapshot>,
    /// The draft as the release would freeze it (without texts).
    pub after: Snapshot,
    /// Speakers who would get a mail (of new, moved and cancelled sessions).
    pub speakers_to_tell: usize,
    /// Attendees who would get a mail (they starred a moved or cancelled session).
    pub attendees_to_tell: usize,
}

/// What `after` changes against the release before; before the first release, every
/// placed session is new.
fn changes_against(
    before: Option<&Snapshot>,
    after: &mut Snapshot,
) -> Vec<crate::snapshot::Change> {
    let empty;
    let before = match before {
        Some(before) => before,
        None => {
            empty = Snapshot::empty_like(after);
            &empty
        }
    };
    diff(Some(before), after)
}

/// The changes the next release would publish, and whom it would tell.
pub fn pending(
    conn: &mut DbConn,
    edition_id: &EditionId,
    sessions: &[Session],
) -> AppResult<Pending> {
    let mut after = outline_of(conn, edition_id, sessions)?;
    let before = latest(conn, edition_id)?
        .as_ref()
        .map(Release::snapshot)
        .transpose()?;
    let changes = changes_against(before.as_ref(), &mut after);
    // Every change reaches its speakers: new in the programme, moved or cancelled.
    let told: Vec<&str> = changes.iter().map(|c| c.guid.as_str()).collect();
    let speakers_to_tell = if told.is_empty() {
        0
    } else {
        ps::proposal_speakers
            .filter(ps::proposal_id.eq_any(&told))
            .select(ps::user_id)
            .distinct()
            .load::<String>(conn)?
            .len()
    };
    let attendees_to_tell = notices::to_tell(conn, edition_id, &changes)?;
    Ok(Pending {
        changes,
        before,
        after,
        speakers_to_tell,
        attendees_to_tell,
    })
}

/// How many changes (added, moved, cancelled) the next release would publish.
pub fn unreleased_changes(
    conn: &mut DbConn,
    edition_id: &EditionId,
    sessions: &[Session],
) -> AppResult<usize> {
    Ok(pending(conn, edition_id, sessions)?.changes.len())
}

/// The draft as the public will see it: the outline with abstracts and speakers' profiles.
fn freeze(conn: &mut DbConn, edition_id: &EditionId, sessions: &[Session]) -> AppResult<Snapshot> {
    let mut snapshot = outline_of(conn, edition_id, sessions)?;
    snapshot.recording_license = cfp_settings::settings(conn, edition_id)?.recording_license;
    let ids: Vec<&str> = snapshot.sessions.iter().map(|s| s.guid.as_str()).collect();
    type Texts = (String, String, Option<bool>);
    let texts: HashMap<String, Texts> = p::proposals
        .filter(p::id.eq_any(&ids))
        .select((p::id, p::abstract_text, p::description, p::may_record))
        .load::<(String, String, String, Option<bool>)>(conn)?
        .into_iter()
        .map(|(id, a, d, record)| (id, (a, d, record)))
        .collect();
    let mut people: HashMap<UserId, SnapSpeaker> = HashMap::new();
    for (user_id, name) in ps::proposal_speakers
        .inner_join(u::users)
        .filter(ps::proposal_id.eq_any(&ids))
        .select((u::id, u::display_name))
        .distinct()
        .load::<(UserId, String)>(conn)?
    {
        let profile = profiles::get(conn, &user_id)?;
        people.insert(
            user_id.clone(),
            SnapSpeaker {
                id: user_id.into_string(),
                name,
                company: profile.company,
                biography_md: profile.biography_md,
                has_photo: profile.has_photo,
            },
        );
    }
    for out in &mut snapshot.sessions {
        let (abstract_md, description_md, may_record) =
            texts.get(&out.guid).cloned().unwrap_or_default();
        out.abstract_md = abstract_md;
        out.description_md = description_md;
        // Only an explicit "no" opts out; sessions confirmed before devday asked do not.
        out.do_not_record = may_record == Some(false);
        if let Some(s) = sessions.iter().find(|s| s.proposal_id == out.guid) {
            out.speakers = s
                .speakers
                .iter()
                .filter_map(|sp| people.get(&sp.user_id).cloned())
                .collect();
        }
    }
    Ok(snapshot)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ReleaseForm {
    /// "v1", "Final programme".
    pub name: String,
    pub comment: String,
    /// Required when the draft has warnings: the organiser has seen them.
    pub acknowledge_warnings: bool,
}

/// Who hears of new, moved and cancelled sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tell<'a> {
    /// Speakers of new, moved and cancelled sessions, and attendees who starred a moved
    /// or cancelled one; `secret` signs the links to the attendees' programmes.
    Everyone { secret: &'a [u8] },
    /// The demo: no mail.
    Nobody,
}

/// Releases the draft and tells speakers and attendees what changed.
pub fn release(
    conn: &mut DbConn,
    mailer: &Mailer,
    secret: &[u8],
    edition: &Edition,
    form: &ReleaseForm,
    by: &str,
) -> AppResult<Release> {
    release_as(conn, mailer, edition, form, by, Tell::Everyone { secret })
}

/// Releases the draft; refused while it has hard conflicts or unacknowledged warnings.
pub fn release_as(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    form: &ReleaseForm,
    by: &str,
    tell: Tell<'_>,
) -> AppResult<Release> {
    let mut errors = FieldErrors::new();
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.add("name", "field-required");
    }
    if form.comment.chars().count() > 2000 {
        errors.add("comment", "field-too-long");
    }
    errors.into_result()?;
    let released = write_transaction(conn, |conn| -> AppResult<Release> {
        let draft = draft(conn, &edition.id)?;
        let mut errors = FieldErrors::new();
        if draft.hard_conflicts() > 0 {
            errors.add("name", "schedule-release-blocked");
        } else if draft.warnings() > 0 && !form.acknowledge_warnings {
            errors.add("acknowledge_warnings", "schedule-acknowledge-required");
        }
        if !draft.sessions.iter().any(|s| s.placement.is_some()) {
            errors.add("name", "schedule-release-empty");
        }
        errors.into_result()?;
        let previous = latest(conn, &edition.id)?;
        let before = previous.as_ref().map(Release::snapshot).transpose()?;
        let mut snapshot = freeze(conn, &edition.id, &draft.sessions)?;
        snapshot.changes = diff(before.as_ref(), &mut snapshot);
        let id = uuid::Uuid::new_v4().to_string();
        diesel::insert_into(sr::schedule_releases)
            .values((
                sr::id.eq(&id),
                sr::edition_id.eq(&edition.id),
                sr::number.eq(previous.as_ref().map_or(1, |r| r.number + 1)),
                sr::name.eq(name),
                sr::comment.eq(form.comment.trim()),
                sr::snapshot.eq(serde_json::to_string(&snapshot).map_err(AppError::internal)?),
                sr::released_by.eq(by),
                sr::released_at.eq(now()),
            ))
            .execute(conn)?;
        let number = previous.map_or(1, |r| r.number + 1);
        let data = serde_json::json!({
            "release": {
                "number": number,
                "name": name,
                "sessions": snapshot.sessions.len(),
                "changes": snapshot.changes.len(),
            },
            "exports": {
                "frab_xml": format!("/{}/schedule.xml", edition.slug),
                "c3voc_json": format!("/{}/schedule.json", edition.slug),
            },
        });
        devday_shared::webhooks::emit(conn, edition, EventType::ReleasePublished, data)?;
        if let Tell::Everyone { secret } = tell {
            tell_speakers(conn, mailer, edition, &snapshot, before.as_ref())?;
            if let Some(before) = &before {
                notices::tell_attendees(conn, mailer, secret, edition, before, &snapshot)?;
            }
        }
        Ok(sr::schedule_releases
            .find(&id)
            .select(Release::as_select())
            .first(conn)?)
    })?;
    crate::published::forget(&edition.slug);
    mailer.notify();
    Ok(released)
}

/// A mail to each speaker of a session that is new in the programme (with its day, time,
/// room and calendar file), moved or cancelled, in their language.
fn tell_speakers(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    after: &Snapshot,
    before: Option<&Snapshot>,
) -> AppResult<()> {
    // The first release stores no changes (there is nothing before it); its speakers
    // hear that their session is in, like those of sessions new in a later release.
    let first_time;
    let changes = match before {
        Some(_) => &after.changes,
        None => {
            first_time = changes_against(None, &mut after.clone());
            &first_time
        }
    };
    for change in changes {
        let speaker_ids: Vec<UserId> = ps::proposal_speakers
            .filter(ps::proposal_id.eq(&change.guid))
            .select(ps::user_id)
            .load(conn)?;
        for user_id in speaker_ids {
            let (name, email): (String, String) = u::users
                .find(&user_id)
                .select((u::display_name, u::email))
                .first(conn)?;
            let locale = speaker_locale(conn, &user_id)?;
            let mut ctx = tera::Context::new();
            ctx.insert("name", &name);
            ctx.insert("title", &change.title);
            ctx.insert("edition", &edition.name);
            let when = |slot: &Option<crate::snapshot::Slot>, snap: &Snapshot| {
                slot.as_ref()
                    .map(|s| notices::say_slot(edition, snap, s, locale))
            };
            ctx.insert("was", &before.and_then(|b| when(&change.from, b)));
            ctx.insert("now", &when(&change.to, after));
            ctx.insert(
                "calendar_link",
                &mailer.link(&format!(
                    "/{}/schedule/sessions/{}/calendar.ics",
                    edition.slug, change.guid
                )),
            );
            ctx.insert(
                "link",
                &mailer.link(&format!(
                    "/{}/schedule/sessions/{}",
                    edition.slug, change.guid
                )),
            );
            let template = match change.kind {
                ChangeKind::Added => "schedule_placed",
                ChangeKind::Moved => "schedule_moved",
                ChangeKind::Cancelled => "schedule_cancelled",
            };
            outbox::enqueue(conn, &mailer.compose(template, locale, &email, ctx)?)?;
        }
    }
    Ok(())
}
