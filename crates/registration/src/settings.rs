//! Registration settings and ticket types of an edition.

use devday_db::schema::{registration_settings::dsl as rs, ticket_types::dsl as tt};
use devday_db::{write_transaction, DbConn};
use devday_shared::bilingual::Name;
use devday_shared::editions::Edition;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::TicketTypeId;
use devday_shared::{AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{RegistrationSettings, TicketKind, TicketType};

pub fn get(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<RegistrationSettings> {
    Ok(rs::registration_settings
        .find(edition_id)
        .select(RegistrationSettings::as_select())
        .first(conn)
        .optional()?
        .unwrap_or(RegistrationSettings {
            edition_id: edition_id.to_owned(),
            hold_hours: 24,
            offer_hours: 48,
            privacy_text: String::new(),
            coc_text: String::new(),
            consent_version: 1,
            purge_after_days: None,
            purged_at: None,
            privacy_text_de: String::new(),
            door_release_at: None,
            coc_text_de: String::new(),
        }))
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub hold_hours: String,
    pub offer_hours: String,
    pub privacy_text: String,
    pub coc_text: String,
    pub privacy_text_de: String,
    pub coc_text_de: String,
    /// Days after the edition; empty for "only by hand".
    pub purge_after_days: String,
}

/// Saves the settings; changed texts count the consent version up.
pub fn save(conn: &mut DbConn, edition_id: &EditionId, form: &SettingsForm) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let hours = |v: &str| {
        v.trim()
            .parse::<i32>()
            .ok()
            .filter(|h| (1..=24 * 14).contains(h))
    };
    let (hold, offer) = (hours(&form.hold_hours), hours(&form.offer_hours));
    if hold.is_none() {
        errors.add("hold_hours", "number-out-of-range");
    }
    if offer.is_none() {
        errors.add("offer_hours", "number-out-of-range");
    }
    let purge_after_days = match form.purge_after_days.trim() {
        "" => None,
        days => match days.parse::<i32>().ok().filter(|d| (0..=3650).contains(d)) {
            Some(d) => Some(d),
            None => {
                errors.add("purge_after_days", "number-out-of-range");
                None
            }
        },
    };
    let texts = [
        ("privacy_text", form.privacy_text.trim()),
        ("privacy_text_de", form.privacy_text_de.trim()),
        ("coc_text", form.coc_text.trim()),
        ("coc_text_de", form.coc_text_de.trim()),
    ];
    for (field, text) in texts {
        if text.chars().count() > 20_000 {
            errors.add(field, "field-too-long");
        }
    }
    errors.into_result()?;
    write_transaction(conn, |conn| {
        let old = get(conn, edition_id)?;
        // What people agree to changed, in either language: a new version of their consent.
        let stored = [
            &old.privacy_text,
            &old.privacy_text_de,
            &old.coc_text,
            &old.coc_text_de,
        ];
        let changed = stored
            .iter()
            .zip(texts)
            .any(|(was, (_, now))| was.as_str() != now);
        diesel::delete(rs::registration_settings.find(edition_id)).execute(conn)?;
        diesel::insert_into(rs::registration_settings)
            .values((
                rs::edition_id.eq(edition_id),
                rs::hold_hours.eq(hold.unwrap_or(24)),
                rs::offer_hours.eq(offer.unwrap_or(48)),
                rs::privacy_text.eq(form.privacy_text.trim()),
                rs::coc_text.eq(form.coc_text.trim()),
                rs::privacy_text_de.eq(form.privacy_text_de.trim()),
                rs::coc_text_de.eq(form.coc_text_de.trim()),
                rs::consent_version.eq(old.consent_version + i32::from(changed)),
                rs::purge_after_days.eq(purge_after_days),
                rs::purged_at.eq(old.purged_at),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// The ticket types; an edition without any gets one conference ticket for 500 people.
pub fn ticket_types(conn: &mut DbConn, edition_id: &EditionId) -> AppResult<Vec<TicketType>> {
    Ok(tt::ticket_types
        .filter(tt::edition_id.eq(edition_id))
        .order((tt::position.asc(), tt::name.asc()))
        .select(TicketType::as_select())
        .load(conn)?)
}

/// A new edition's conference ticket (500 seats until the organisers say otherwise).
pub fn seed(conn: &mut DbConn, edition_id: &EditionId) -> AppResult<()> {
    insert(
        conn,
        edition_id,
        Name::new("Conference", "Konferenz"),
        TicketKind::Conference,
        500,
        None,
        None,
        0,
    )?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn insert(
    conn: &mut DbConn,
    edition_id: &EditionId,
    name: Name,
    kind: TicketKind,
    capacity: i32,
    starts_at: Option<chrono::NaiveDateTime>,
    ends_at: Option<chrono::NaiveDateTime>,
    position: i32,
) -> QueryResult<()> {
    diesel::insert_into(tt::ticket_types)
        .values((
            tt::id.eq(uuid::Uuid::new_v4().to_string()),
            tt::edition_id.eq(edition_id),
            tt::name.eq(name.en),
            tt::name_de.eq(name.de),
            tt::kind.eq(kind),
            tt::capacity.eq(capacity),
            tt::taken.eq(0),
            tt::starts_at.eq(starts_at),
            tt::ends_at.eq(ends_at),
            tt::position.eq(position),
        ))
        .execute(conn)
        .map(drop)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TicketTypeForm {
    pub name: String,
    pub name_de: String,
    /// conference or workshop
    pub kind: String,
    pub capacity: String,
    /// Workshops: local `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub ends_at: String,
}

pub fn add_ticket_type(
    conn: &mut DbConn,
    edition: &Edition,
    form: &TicketTypeForm,
) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let name = Name::from_form(&mut errors, "name", &form.name, &form.name_de, 80);
    let kind = TicketKind::parse(&form.kind).unwrap_or_else(|| {
        errors.add("kind", "field-invalid");
        TicketKind::Workshop
    });
    // A stream has room for everyone: an online ticket without a capacity has no limit
    // (the largest capacity there is).
    let capacity = match form.capacity.trim() {
        "" if kind == TicketKind::Online => Some(MAX_CAPACITY),
        given => given
            .parse::<i32>()
            .ok()
            .filter(|c| (1..=MAX_CAPACITY).contains(c)),
    };
    if capacity.is_none() {
        errors.add("capacity", "number-out-of-range");
    }
    let at = |v: &str| devday_shared::editions::local_to_utc(edition, v);
    let (starts, ends) = (at(&form.starts_at), at(&form.ends_at));
    if kind == TicketKind::Workshop {
        match (starts, ends) {
            (Some(s), Some(e)) if e > s => {}
            _ => errors.add("ends_at", "workshop-times"),
        }
    }
    let existing = ticket_types(conn, &edition.id)?;
    if kind == TicketKind::Online && existing.iter().any(TicketType::is_online) {
        errors.add("kind", "registration-online-exists");
    }
    errors.into_result()?;
    let position = existing.len() as i32;
    insert(
        conn,
        &edition.id,
        name,
        kind,
        capacity.unwrap_or(1),
        starts,
        ends,
        position,
    )?;
    Ok(())
}

/// A ticket type's times, local `YYYY-MM-DDTHH:MM` as the form sends them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TimesForm {
    pub starts_at: String,
    pub ends_at: String,
}

/// Sets (or, both empty, clears) a ticket type's times: the ticket and its calendar file
/// show them. A workshop always has times; errors are keyed `times-{id}`.
pub fn set_times(
    conn: &mut DbConn,
    edition: &Edition,
    id: &TicketTypeId,
    form: &TimesForm,
) -> AppResult<()> {
    let types = ticket_types(conn, &edition.id)?;
    let kind = types
        .iter()
        .find(|t| t.id == id)
        .ok_or(AppError::NotFound)?;
    let at = |v: &str| devday_shared::editions::local_to_utc(edition, v);
    let (from, to) = (form.starts_at.trim(), form.ends_at.trim());
    let times = match (at(from), at(to)) {
        (Some(s), Some(e)) if e > s => Some((s, e)),
        _ if from.is_empty() && to.is_empty() && !kind.is_workshop() => None,
        _ => {
            let mut errors = FieldErrors::new();
            errors.add(&format!("times-{id}"), "ticket-times-invalid");
            return Err(AppError::Invalid(errors));
        }
    };
    diesel::update(
        tt::ticket_types
            .filter(tt::id.eq(id))
            .filter(tt::edition_id.eq(&edition.id)),
    )
    .set((
        tt::starts_at.eq(times.map(|t| t.0)),
        tt::ends_at.eq(times.map(|t| t.1)),
    ))
    .execute(conn)?;
    Ok(())
}

/// Changes a capacity; never below the seats already taken.
pub fn set_capacity(
    conn: &mut DbConn,
    edition_id: &EditionId,
    id: &TicketTypeId,
    capacity: i32,
) -> AppResult<()> {
    let n = diesel::update(
        tt::ticket_types
            .filter(tt::id.eq(id))
            .filter(tt::edition_id.eq(edition_id))
            .filter(tt::taken.le(capacity)),
    )
    .set(tt::capacity.eq(capacity))
    .execute(conn)?;
    if n == 0 {
        return Err(AppError::Refused(
            devday_shared::Refusal::CapacityBelowTaken,
        ));
    }
    Ok(())
}

/// The largest capacity a ticket type takes (a venue or a stream, not a stadium).
pub const MAX_CAPACITY: i32 = 100_000;

/// Resizes a ticket type, never below the seats taken; more room is offered to its
/// waiting list at once (the form and the API alike).
pub fn resize(
    conn: &mut DbConn,
    mailer: &devday_shared::mail::Mailer,
    edition: &devday_shared::editions::Edition,
    id: &TicketTypeId,
    capacity: i32,
) -> AppResult<()> {
    if !(1..=MAX_CAPACITY).contains(&capacity) {
        return Err(AppError::Refused(
            devday_shared::Refusal::CapacityOutOfRange,
        ));
    }
    devday_db::write_transaction(conn, |conn| -> AppResult<()> {
        set_capacity(conn, &edition.id, id, capacity)?;
        crate::waitlist::offer_free_seats(conn, mailer, edition, id)?;
        Ok(())
    })?;
    mailer.notify();
    Ok(())
}
