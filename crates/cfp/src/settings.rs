//! What organisers configure: the CfP text and limits, session types, tracks, custom
//! questions and access codes.

use chrono::NaiveDateTime;
use devday_db::schema::{
    cfp_access_codes::dsl as ac, cfp_questions::dsl as q, cfp_settings::dsl as cs,
    proposals::dsl as p, session_types::dsl as st, tracks::dsl as tr,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::bilingual::Name;
use devday_shared::editions::Edition;
use devday_shared::vocabulary::EditionId;
use devday_shared::{AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{
    AccessCode, AccessCodeId, CfpSettings, Question, QuestionId, QuestionKind, QuestionTarget,
    SessionType, SessionTypeId, Track, TrackId,
};
use crate::time::parse_local;

/// Settings of an edition that has none stored yet.
pub fn default_settings(edition_id: &EditionId) -> CfpSettings {
    CfpSettings {
        edition_id: edition_id.to_owned(),
        intro_md: String::new(),
        max_proposals_per_speaker: 3,
        title_max: 120,
        abstract_max: 1500,
        recording_license: DEFAULT_LICENSE.to_owned(),
        intro_de_md: String::new(),
    }
}

/// The licence recordings are published under unless the organisers choose another.
pub const DEFAULT_LICENSE: &str = "CC BY 4.0";

pub fn settings(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<CfpSettings> {
    Ok(cs::cfp_settings
        .find(edition_id)
        .select(CfpSettings::as_select())
        .first(conn)
        .optional()?
        .unwrap_or_else(|| default_settings(edition_id)))
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub intro_md: String,
    pub intro_de_md: String,
    pub max_proposals_per_speaker: String,
    pub title_max: String,
    pub abstract_max: String,
    pub recording_license: String,
}

fn number(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    range: std::ops::RangeInclusive<i32>,
) -> i32 {
    match value.trim().parse::<i32>() {
        Ok(n) if range.contains(&n) => n,
        _ => {
            errors.add(field, "number-out-of-range");
            *range.start()
        }
    }
}

pub fn save_settings(
    conn: &mut DbConn,
    edition_id: &EditionId,
    form: &SettingsForm,
) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let max = number(
        &mut errors,
        "max_proposals_per_speaker",
        &form.max_proposals_per_speaker,
        1..=50,
    );
    let title_max = number(&mut errors, "title_max", &form.title_max, 20..=300);
    let abstract_max = number(
        &mut errors,
        "abstract_max",
        &form.abstract_max,
        100..=10_000,
    );
    for (field, text) in [
        ("intro_md", &form.intro_md),
        ("intro_de_md", &form.intro_de_md),
    ] {
        if text.chars().count() > 20_000 {
            errors.add(field, "field-too-long");
        }
    }
    let license = form.recording_license.trim();
    if license.chars().count() > 100 {
        errors.add("recording_license", "field-too-long");
    }
    errors.into_result()?;
    write_transaction(conn, |conn| {
        diesel::delete(cs::cfp_settings.find(edition_id)).execute(conn)?;
        diesel::insert_into(cs::cfp_settings)
            .values((
                cs::edition_id.eq(edition_id),
                cs::intro_md.eq(&form.intro_md),
                cs::intro_de_md.eq(&form.intro_de_md),
                cs::max_proposals_per_speaker.eq(max),
                cs::title_max.eq(title_max),
                cs::abstract_max.eq(abstract_max),
                cs::recording_license.eq(license),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// The session types of an edition.
pub fn session_types(conn: &mut DbConn, edition_id: &EditionId) -> AppResult<Vec<SessionType>> {
    Ok(st::session_types
        .filter(st::edition_id.eq(edition_id))
        .order((st::position.asc(), st::name.asc()))
        .select(SessionType::as_select())
        .load(conn)?)
}

/// A new edition's CfP works out of the box: the usual three session types (each editable)
/// and the review categories DevDay uses.
pub fn seed(conn: &mut DbConn, edition_id: &EditionId) -> AppResult<()> {
    const DEFAULTS: [(Name, i32); 3] = [
        (Name::new("Talk", "Vortrag"), 45),
        (Name::new("Lightning talk", "Kurzvortrag"), 15),
        (Name::new("Workshop", "Workshop"), 180),
    ];
    for (position, (name, minutes)) in DEFAULTS.into_iter().enumerate() {
        let kind = ValidType {
            name,
            minutes,
            deadline: None,
            hidden: false,
            position: position as i32,
            slots: None,
        };
        insert_type(conn, edition_id, &kind)?;
    }
    crate::review::settings::seed_categories(conn, edition_id)
}

fn insert_type(conn: &mut DbConn, edition_id: &EditionId, kind: &ValidType) -> QueryResult<()> {
    diesel::insert_into(st::session_types)
        .values((
            st::id.eq(uuid::Uuid::new_v4().to_string()),
            st::edition_id.eq(edition_id),
            st::name.eq(kind.name.en),
            st::name_de.eq(kind.name.de),
            st::duration_minutes.eq(kind.minutes),
            st::deadline.eq(kind.deadline),
            st::hidden.eq(kind.hidden),
            st::position.eq(kind.position),
            st::slots.eq(kind.slots),
        ))
        .execute(conn)
        .map(drop)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionTypeForm {
    pub name: String,
    pub name_de: String,
    pub duration_minutes: String,
    /// Local to the edition, `YYYY-MM-DDTHH:MM`; empty: the CfP's deadline.
    pub deadline: String,
    pub hidden: bool,
    pub position: String,
    /// How many the programme has room for; empty: not planned.
    pub slots: String,
}

struct ValidType<'a> {
    name: Name<'a>,
    minutes: i32,
    deadline: Option<NaiveDateTime>,
    hidden: bool,
    position: i32,
    slots: Option<i32>,
}

fn validate_type<'a>(edition: &Edition, form: &'a SessionTypeForm) -> AppResult<ValidType<'a>> {
    let mut errors = FieldErrors::new();
    let name = Name::from_form(&mut errors, "name", &form.name, &form.name_de, 60);
    let minutes = number(
        &mut errors,
        "duration_minutes",
        &form.duration_minutes,
        5..=600,
    );
    let position = form.position.trim().parse().unwrap_or(0);
    let deadline = if form.deadline.trim().is_empty() {
        None
    } else {
        parse_local(edition, &form.deadline).or_else(|| {
            errors.add("deadline", "datetime-invalid");
            None
        })
    };
    let slots = match form.slots.trim() {
        "" => None,
        n => Some(number(&mut errors, "slots", n, 0..=1000)),
    };
    errors.into_result()?;
    Ok(ValidType {
        name,
        minutes,
        deadline,
        hidden: form.hidden,
        position,
        slots,
    })
}

pub fn add_session_type(
    conn: &mut DbConn,
    edition: &Edition,
    form: &SessionTypeForm,
) -> AppResult<()> {
    let v = validate_type(edition, form)?;
    insert_type(conn, &edition.id, &v)?;
    Ok(())
}

pub fn update_session_type(
    conn: &mut DbConn,
    edition: &Edition,
    id: &SessionTypeId,
    form: &SessionTypeForm,
) -> AppResult<()> {
    let v = validate_type(edition, form)?;
    let n = diesel::update(
        st::session_types
            .filter(st::id.eq(id))
            .filter(st::edition_id.eq(&edition.id)),
    )
    .set((
        st::name.eq(v.name.en),
        st::name_de.eq(v.name.de),
        st::duration_minutes.eq(v.minutes),
        st::deadline.eq(v.deadline),
        st::hidden.eq(v.hidden),
        st::position.eq(v.position),
        st::slots.eq(v.slots),
    ))
    .execute(conn)?;
    found(n)
}

/// Deletes a session type no proposal uses.
pub fn delete_session_type(
    conn: &mut DbConn,
    edition_id: &EditionId,
    id: &SessionTypeId,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let used: i64 = p::proposals
            .filter(p::session_type_id.eq(id))
            .count()
            .get_result(conn)?;
        if used > 0 {
            return Err(AppError::Refused(
                devday_shared::Refusal::SessionTypeInUse { proposals: used },
            ));
        }
        let n = diesel::delete(
            st::session_types
                .filter(st::id.eq(id))
                .filter(st::edition_id.eq(edition_id)),
        )
        .execute(conn)?;
        found(n)
    })
}

pub fn tracks(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Track>> {
    tr::tracks
        .filter(tr::edition_id.eq(edition_id))
        .order((tr::position.asc(), tr::name.asc()))
        .select(Track::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TrackForm {
    pub name: String,
    pub name_de: String,
    pub colour: String,
    pub description: String,
    pub description_de: String,
    pub position: String,
}

fn validate_track(form: &TrackForm) -> AppResult<(Name<'_>, String, i32)> {
    let mut errors = FieldErrors::new();
    let name = Name::from_form(&mut errors, "name", &form.name, &form.name_de, 60);
    let colour = form.colour.trim().to_lowercase();
    let valid_colour = colour.len() == 7
        && colour.starts_with('#')
        && colour[1..].chars().all(|c| c.is_ascii_hexdigit());
    if !valid_colour {
        errors.add("colour", "colour-invalid");
    }
    for (field, text) in [
        ("description", &form.description),
        ("description_de", &form.description_de),
    ] {
        if text.chars().count() > 500 {
            errors.add(field, "field-too-long");
        }
    }
    errors.into_result()?;
    Ok((name, colour, form.position.trim().parse().unwrap_or(0)))
}

pub fn add_track(conn: &mut DbConn, edition_id: &EditionId, form: &TrackForm) -> AppResult<()> {
    let (name, colour, position) = validate_track(form)?;
    diesel::insert_into(tr::tracks)
        .values((
            tr::id.eq(uuid::Uuid::new_v4().to_string()),
            tr::edition_id.eq(edition_id),
            tr::name.eq(name.en),
            tr::name_de.eq(name.de),
            tr::colour.eq(colour),
            tr::description.eq(form.description.trim()),
            tr::description_de.eq(form.description_de.trim()),
            tr::position.eq(position),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn update_track(
    conn: &mut DbConn,
    edition_id: &EditionId,
    id: &TrackId,
    form: &TrackForm,
) -> AppResult<()> {
    let (name, colour, position) = validate_track(form)?;
    let n = diesel::update(
        tr::tracks
            .filter(tr::id.eq(id))
            .filter(tr::edition_id.eq(edition_id)),
    )
    .set((
        tr::name.eq(name.en),
        tr::name_de.eq(name.de),
        tr::colour.eq(colour),
        tr::description.eq(form.description.trim()),
        tr::description_de.eq(form.description_de.trim()),
        tr::position.eq(position),
    ))
    .execute(conn)?;
    found(n)
}

/// Deletes a track; its proposals keep going without one.
pub fn delete_track(conn: &mut DbConn, edition_id: &EditionId, id: &TrackId) -> AppResult<()> {
    let n = diesel::delete(
        tr::tracks
            .filter(tr::id.eq(id))
            .filter(tr::edition_id.eq(edition_id)),
    )
    .execute(conn)?;
    found(n)
}

pub fn questions(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Question>> {
    q::cfp_questions
        .filter(q::edition_id.eq(edition_id))
        .order((q::position.asc(), q::label.asc()))
        .select(Question::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionForm {
    pub target: String,
    pub kind: String,
    pub label: String,
    pub label_de: String,
    pub help: String,
    pub help_de: String,
    pub options: String,
    pub options_de: String,
    pub required: bool,
    /// Session type ids (checkboxes); none: asked for every type.
    pub session_types: Vec<String>,
    pub position: String,
}

/// A question as it is stored: checked, trimmed, options one per line.
struct CheckedQuestion<'a> {
    target: QuestionTarget,
    kind: QuestionKind,
    label: Name<'a>,
    options: String,
    options_de: String,
    session_type_ids: String,
}

/// The options of one language, one per line without blank lines.
fn option_lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .collect()
}

fn validate_question<'a>(
    form: &'a QuestionForm,
    types: &[SessionType],
) -> AppResult<CheckedQuestion<'a>> {
    let mut errors = FieldErrors::new();
    let target = QuestionTarget::parse(&form.target);
    let kind = QuestionKind::parse(&form.kind);
    if target.is_none() {
        errors.add("target", "field-invalid");
    }
    if kind.is_none() {
        errors.add("kind", "field-invalid");
    }
    let label = Name::from_form(&mut errors, "label", &form.label, &form.label_de, 200);
    let (options, options_de) = (option_lines(&form.options), option_lines(&form.options_de));
    if matches!(kind, Some(QuestionKind::Single | QuestionKind::Multiple)) {
        if options.is_empty() && options_de.is_empty() {
            errors.add("options", "question-needs-options");
        } else if !options.is_empty() && !options_de.is_empty() && options.len() != options_de.len()
        {
            // Line i of the German options translates line i of the English ones.
            errors.add("options_de", "question-options-mismatch");
        }
    }
    if form
        .session_types
        .iter()
        .any(|id| !types.iter().any(|t| &t.id == id))
    {
        errors.add("session_types", "field-invalid");
    }
    errors.into_result()?;
    match (target, kind) {
        (Some(target), Some(kind)) => Ok(CheckedQuestion {
            target,
            kind,
            label,
            options: options.join("\n"),
            options_de: options_de.join("\n"),
            session_type_ids: form.session_types.join(","),
        }),
        _ => Err(AppError::Refused(devday_shared::Refusal::InvalidQuestion)),
    }
}

pub fn add_question(
    conn: &mut DbConn,
    edition_id: &EditionId,
    form: &QuestionForm,
) -> AppResult<()> {
    let types = session_types(conn, edition_id)?;
    let q = validate_question(form, &types)?;
    diesel::insert_into(q::cfp_questions)
        .values((
            q::id.eq(QuestionId::from(uuid::Uuid::new_v4().to_string())),
            q::edition_id.eq(edition_id),
            q::target.eq(q.target),
            q::kind.eq(q.kind),
            q::label.eq(q.label.en),
            q::label_de.eq(q.label.de),
            q::help.eq(form.help.trim()),
            q::help_de.eq(form.help_de.trim()),
            q::options.eq(q.options),
            q::options_de.eq(q.options_de),
            q::required.eq(form.required),
            q::session_type_ids.eq(q.session_type_ids),
            q::position.eq(form.position.trim().parse::<i32>().unwrap_or(0)),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn delete_question(
    conn: &mut DbConn,
    edition_id: &EditionId,
    id: &QuestionId,
) -> AppResult<()> {
    let n = diesel::delete(
        q::cfp_questions
            .filter(q::id.eq(id))
            .filter(q::edition_id.eq(edition_id)),
    )
    .execute(conn)?;
    found(n)
}

pub fn access_codes(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<AccessCode>> {
    ac::cfp_access_codes
        .filter(ac::edition_id.eq(edition_id))
        .order(ac::created_at.desc())
        .select(AccessCode::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AccessCodeForm {
    pub session_type_id: String,
    pub max_uses: String,
    pub valid_until: String,
    pub note: String,
}

/// Creates an access code: a link that lets its holder submit after the deadline, or into
/// a hidden session type, a limited number of times until it expires.
pub fn add_access_code(
    conn: &mut DbConn,
    edition: &Edition,
    form: &AccessCodeForm,
) -> AppResult<String> {
    let mut errors = FieldErrors::new();
    let max_uses = number(&mut errors, "max_uses", &form.max_uses, 1..=100);
    let valid_until = if form.valid_until.trim().is_empty() {
        None
    } else {
        parse_local(edition, &form.valid_until).or_else(|| {
            errors.add("valid_until", "datetime-invalid");
            None
        })
    };
    let session_type_id = match form.session_type_id.trim() {
        "" => None,
        id => {
            let exists = session_types(conn, &edition.id)?.iter().any(|t| t.id == id);
            if !exists {
                errors.add("session_type_id", "field-invalid");
            }
            Some(id.to_owned())
        }
    };
    if form.note.chars().count() > 200 {
        errors.add("note", "field-too-long");
    }
    errors.into_result()?;
    let code = devday_shared::crypto::random_token()[..16].to_owned();
    diesel::insert_into(ac::cfp_access_codes)
        .values((
            ac::id.eq(uuid::Uuid::new_v4().to_string()),
            ac::edition_id.eq(&edition.id),
            ac::code.eq(&code),
            ac::session_type_id.eq(session_type_id),
            ac::max_uses.eq(max_uses),
            ac::uses.eq(0),
            ac::valid_until.eq(valid_until),
            ac::note.eq(form.note.trim()),
            ac::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(code)
}

pub fn delete_access_code(
    conn: &mut DbConn,
    edition_id: &EditionId,
    id: &AccessCodeId,
) -> AppResult<()> {
    let n = diesel::delete(
        ac::cfp_access_codes
            .filter(ac::id.eq(id))
            .filter(ac::edition_id.eq(edition_id)),
    )
    .execute(conn)?;
    found(n)
}

/// The code if it belongs to the edition, has uses left and has not expired.
pub fn valid_access_code(
    conn: &mut DbConn,
    edition_id: &EditionId,
    code: &str,
) -> QueryResult<Option<AccessCode>> {
    let at = now();
    Ok(ac::cfp_access_codes
        .filter(ac::edition_id.eq(edition_id))
        .filter(ac::code.eq(code))
        .select(AccessCode::as_select())
        .first(conn)
        .optional()?
        .filter(|c| c.uses < c.max_uses && c.valid_until.is_none_or(|v| v > at)))
}

/// Counts one use; false if the code was used up meanwhile (a conditional update, so two
/// people racing for the last use cannot both get it).
pub fn use_access_code(conn: &mut DbConn, id: &AccessCodeId) -> QueryResult<bool> {
    let n = diesel::update(
        ac::cfp_access_codes
            .filter(ac::id.eq(id))
            .filter(ac::uses.lt(ac::max_uses)),
    )
    .set(ac::uses.eq(ac::uses + 1))
    .execute(conn)?;
    Ok(n == 1)
}

fn found(rows: usize) -> AppResult<()> {
    if rows == 0 {
        Err(AppError::NotFound)
    } else {
        Ok(())
    }
}
