//! Seats that are really used: a reconfirmation round. Shortly before the event every
//! confirmed attendee (speakers and team come anyway) is asked whether they still come,
//! with two answers behind a link of their own. A freed seat goes to the waiting list at
//! once; at the deadline the unanswered seats go too, when the organisers chose so and
//! said so in the mail. A reminder goes to those who have not answered.
//!
//! The clock (`tick`, run by the server's sweeper) does each step once: a step is claimed
//! by stamping the round with a conditional update in the transaction that enqueues its
//! mail, so two instances never mail twice and a crash mid-step leaves it to run again.

use chrono::NaiveDateTime;
use devday_db::schema::{
    reconfirmation_rounds::dsl as rr, reconfirmations::dsl as rc, registrations::dsl as r,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::editions::form::local_to_utc;
use devday_shared::editions::{queries, Edition};
use devday_shared::i18n::Locale;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::vocabulary::EditionId;
use devday_shared::{crypto, AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::guests;
use crate::model::{Registration, RegistrationId, RegistrationState};
use crate::register::{self, CancelledBy};

devday_db::text_enum!(
    /// What became of one person's reconfirmation.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Answer {
        /// They said they come.
        Coming = "coming",
        /// They freed their seat themselves.
        Freed = "freed",
        /// Unanswered at the deadline: the seat went to the waiting list.
        Released = "released",
    }
);

/// A round as stored; times in UTC.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::reconfirmation_rounds)]
pub struct Round {
    pub edition_id: EditionId,
    pub asks_at: NaiveDateTime,
    pub reminds_at: Option<NaiveDateTime>,
    pub deadline: NaiveDateTime,
    pub release_unanswered: bool,
    /// When each step ran (`None`: not yet).
    pub asked_at: Option<NaiveDateTime>,
    pub reminded_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

/// Where a round stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Planned,
    Asked,
    Closed,
}

impl Round {
    pub fn stage(&self) -> Stage {
        match (self.asked_at, self.closed_at) {
            (_, Some(_)) => Stage::Closed,
            (Some(_), None) => Stage::Asked,
            (None, None) => Stage::Planned,
        }
    }
}

/// What the organisers enter: times local to the edition, as a datetime-local field sends.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RoundForm {
    pub asks_at: String,
    /// Empty: no reminder.
    pub reminds_at: String,
    pub deadline: String,
    pub release_unanswered: bool,
}

impl RoundForm {
    /// The form of a stored round, in the edition's local time.
    pub fn of(round: &Round, edition: &Edition) -> Self {
        let local = |t: NaiveDateTime| edition.local(t).format("%Y-%m-%dT%H:%M").to_string();
        RoundForm {
            asks_at: local(round.asks_at),
            reminds_at: round.reminds_at.map(local).unwrap_or_default(),
            deadline: local(round.deadline),
            release_unanswered: round.release_unanswered,
        }
    }
}

/// The edition's round, if it has one.
pub fn round(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Option<Round>> {
    rr::reconfirmation_rounds
        .find(edition_id)
        .select(Round::as_select())
        .first(conn)
        .optional()
}

/// Plans the round or changes it. Once people were asked, the asking time stays; once it
/// is closed, nothing changes. The deadline comes before the event starts.
pub fn save(conn: &mut DbConn, edition: &Edition, form: &RoundForm) -> AppResult<Round> {
    write_transaction(conn, |conn| {
        let before = round(conn, &edition.id)?;
        let mut errors = FieldErrors::new();
        if before.as_ref().is_some_and(|b| b.closed_at.is_some()) {
            errors.add("deadline", "reconfirm-closed");
            return Err(AppError::Invalid(errors));
        }
        let mut at = |field: &str, value: &str, required: bool| {
            if value.trim().is_empty() {
                if required {
                    errors.add(field, "field-required");
                }
                return None;
            }
            let parsed = local_to_utc(edition, value);
            if parsed.is_none() {
                errors.add(field, "datetime-invalid");
            }
            parsed
        };
        let asks_at = match before.as_ref().filter(|b| b.asked_at.is_some()) {
            Some(asked) => Some(asked.asks_at),
            None => at("asks_at", &form.asks_at, true),
        };
        let deadline = at("deadline", &form.deadline, true);
        let reminds_at = at("reminds_at", &form.reminds_at, false);
        let starts = local_to_utc(edition, &format!("{}T00:00", edition.starts_on));
        if let (Some(asks), Some(deadline)) = (asks_at, deadline) {
            if deadline <= asks {
                errors.add("deadline", "reconfirm-deadline-before-asking");
            } else if starts.is_some_and(|s| deadline > s) {
                errors.add("deadline", "reconfirm-deadline-after-start");
            }
            if reminds_at.is_some_and(|r| r <= asks || r >= deadline) {
                errors.add("reminds_at", "reconfirm-reminder-between");
            }
        }
        errors.into_result()?;
        let (Some(asks_at), Some(deadline)) = (asks_at, deadline) else {
            return Err(AppError::Invalid(FieldErrors::new()));
        };
        let values = (
            rr::asks_at.eq(asks_at),
            rr::reminds_at.eq(reminds_at),
            rr::deadline.eq(deadline),
            rr::release_unanswered.eq(form.release_unanswered),
            rr::updated_at.eq(now()),
        );
        if before.is_some() {
            diesel::update(rr::reconfirmation_rounds.find(&edition.id))
                .set(values)
                .execute(conn)?;
        } else {
            diesel::insert_into(rr::reconfirmation_rounds)
                .values((rr::edition_id.eq(&edition.id), values))
                .execute(conn)?;
        }
        round(conn, &edition.id)?.ok_or(AppError::NotFound)
    })
}

/// Drops a round nobody was asked in yet; false once people were asked.
pub fn drop_planned(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<bool> {
    let n = diesel::delete(
        rr::reconfirmation_rounds
            .filter(rr::edition_id.eq(edition_id))
            .filter(rr::asked_at.is_null()),
    )
    .execute(conn)?;
    Ok(n == 1)
}

/// The round's figures.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Tally {
    pub asked: i64,
    pub coming: i64,
    pub freed: i64,
    pub released: i64,
    pub unanswered: i64,
    /// Reminders sent.
    pub reminded: i64,
}

pub fn tally(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Tally> {
    let rows: Vec<(Option<Answer>, Option<NaiveDateTime>)> = rc::reconfirmations
        .filter(rc::edition_id.eq(edition_id))
        .select((rc::answer, rc::reminded_at))
        .load(conn)?;
    let mut tally = Tally::default();
    for (answer, reminded) in rows {
        tally.asked += 1;
        tally.reminded += i64::from(reminded.is_some());
        match answer {
            Some(Answer::Coming) => tally.coming += 1,
            Some(Answer::Freed) => tally.freed += 1,
            Some(Answer::Released) => tally.released += 1,
            None => tally.unanswered += 1,
        }
    }
    Ok(tally)
}

/// The confirmed attendees a round would ask now: with a seat in the hall (watching online
/// frees nothing), not speakers or team, not asked yet.
fn askable(conn: &mut DbConn, edition: &Edition) -> AppResult<Vec<Registration>> {
    use devday_db::schema::{registration_tickets::dsl as rt, ticket_types::dsl as tt};
    let seated = rt::registration_tickets
        .inner_join(tt::ticket_types)
        .filter(tt::edition_id.eq(&edition.id))
        .filter(tt::kind.eq(crate::model::TicketKind::Conference))
        .select(rt::registration_id);
    let guests: Vec<String> = guests::people(conn, &edition.id)?
        .into_iter()
        .map(|(_, email, _)| email.to_lowercase())
        .collect();
    let asked = rc::reconfirmations
        .filter(rc::edition_id.eq(&edition.id))
        .select(rc::registration_id);
    Ok(r::registrations
        .filter(r::edition_id.eq(&edition.id))
        .filter(r::state.eq(RegistrationState::Confirmed))
        .filter(r::id.eq_any(seated))
        .filter(r::email.ne_all(&guests))
        .filter(r::id.ne_all(asked))
        .order(r::created_at.asc())
        .select(Registration::as_select())
        .load(conn)?)
}

/// How many the round would ask if it ran now (the organisers' preview).
pub fn to_ask(conn: &mut DbConn, edition: &Edition) -> AppResult<usize> {
    Ok(askable(conn, edition)?.len())
}

/// The path of a person's answer page; its signature is the credential.
pub fn link(secret: &[u8], id: &RegistrationId) -> String {
    format!("/register/reconfirm/{id}/{}", key(secret, id))
}

fn key(secret: &[u8], id: &RegistrationId) -> String {
    crypto::sign(secret, &format!("reconfirm:{id}"))
}

/// One person's question: their registration, the edition and their answer so far.
pub struct Asked {
    pub registration: Registration,
    pub edition: Edition,
    pub round: Round,
    pub answer: Option<Answer>,
}

/// The question behind a link; the invalid-link page when it is not one.
pub fn by_link(
    conn: &mut DbConn,
    secret: &[u8],
    id: &RegistrationId,
    sig: &str,
) -> AppResult<Asked> {
    if !crypto::verify(secret, &format!("reconfirm:{id}"), sig) {
        return Err(AppError::LinkInvalid);
    }
    let (registration, answer) = r::registrations
        .inner_join(rc::reconfirmations)
        .filter(r::id.eq(id))
        .select((Registration::as_select(), rc::answer))
        .first::<(Registration, Option<Answer>)>(conn)
        .optional()?
        .ok_or(AppError::LinkInvalid)?;
    let edition = queries::by_id(conn, &registration.edition_id)?;
    let round = round(conn, &edition.id)?.ok_or(AppError::LinkInvalid)?;
    Ok(Asked {
        registration,
        edition,
        round,
        answer,
    })
}

/// What a person can answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    Coming,
    Free,
}

/// Records an answer. "Coming" may be said again or changed to "free" while the seat is
/// theirs; freeing gives the seat to the waiting list at once.
pub fn answer(
    conn: &mut DbConn,
    mailer: &Mailer,
    secret: &[u8],
    id: &RegistrationId,
    sig: &str,
    reply: Reply,
) -> AppResult<Answer> {
    let done = write_transaction(conn, |conn| {
        let asked = by_link(conn, secret, id, sig)?;
        let open = asked.registration.state == RegistrationState::Confirmed
            && matches!(asked.answer, None | Some(Answer::Coming));
        if !open {
            return Err(AppError::Refused(
                devday_shared::Refusal::RegistrationInactive,
            ));
        }
        let answer = match reply {
            Reply::Coming => Answer::Coming,
            Reply::Free => {
                register::cancel(
                    conn,
                    mailer,
                    &asked.edition,
                    &asked.registration,
                    CancelledBy::Themselves,
                )?;
                Answer::Freed
            }
        };
        diesel::update(rc::reconfirmations.find(id))
            .set((rc::answer.eq(answer), rc::answered_at.eq(now())))
            .execute(conn)?;
        tracing::info!(registration = %id, ?answer, "reconfirmation answered");
        Ok(answer)
    })?;
    mailer.notify();
    Ok(done)
}

/// Runs whatever step of any round is due: asking, reminding, closing. Returns how many
/// people the steps reached.
pub fn tick(conn: &mut DbConn, mailer: &Mailer, secret: &[u8]) -> AppResult<usize> {
    let at = now();
    let due: Vec<Round> = rr::reconfirmation_rounds
        .filter(rr::closed_at.is_null())
        .select(Round::as_select())
        .load(conn)?;
    let mut reached = 0;
    for round in due {
        let edition = queries::by_id(conn, &round.edition_id)?;
        if round.asked_at.is_none() && round.asks_at <= at {
            reached += ask(conn, mailer, secret, &edition, &round)?;
        } else if round.asked_at.is_some() && round.deadline <= at {
            reached += close(conn, mailer, &edition, &round)?;
        } else if round.asked_at.is_some()
            && round.reminded_at.is_none()
            && round.reminds_at.is_some_and(|r| r <= at)
        {
            reached += remind(conn, mailer, secret, &edition, &round)?;
        }
    }
    if reached > 0 {
        mailer.notify();
    }
    Ok(reached)
}

/// Claims a step of the round: true for the one caller that stamps it.
fn claim(conn: &mut DbConn, edition_id: &EditionId, step: Step) -> QueryResult<bool> {
    let round = rr::reconfirmation_rounds.filter(rr::edition_id.eq(edition_id));
    let n = match step {
        Step::Ask => diesel::update(round.filter(rr::asked_at.is_null()))
            .set(rr::asked_at.eq(now()))
            .execute(conn)?,
        Step::Remind => diesel::update(round.filter(rr::reminded_at.is_null()))
            .set(rr::reminded_at.eq(now()))
            .execute(conn)?,
        Step::Close => diesel::update(round.filter(rr::closed_at.is_null()))
            .set(rr::closed_at.eq(now()))
            .execute(conn)?,
    };
    Ok(n == 1)
}

#[derive(Clone, Copy)]
enum Step {
    Ask,
    Remind,
    Close,
}

fn ask(
    conn: &mut DbConn,
    mailer: &Mailer,
    secret: &[u8],
    edition: &Edition,
    round: &Round,
) -> AppResult<usize> {
    write_transaction(conn, |conn| {
        if !claim(conn, &edition.id, Step::Ask)? {
            return Ok(0);
        }
        let people = askable(conn, edition)?;
        let at = now();
        for reg in &people {
            diesel::insert_into(rc::reconfirmations)
                .values((
                    rc::registration_id.eq(&reg.id),
                    rc::edition_id.eq(&edition.id),
                    rc::asked_at.eq(at),
                ))
                .execute(conn)?;
            mail(conn, mailer, secret, edition, round, reg, "reconfirm_ask")?;
        }
        tracing::info!(edition = %edition.slug, asked = people.len(), "reconfirmation round asked");
        Ok(people.len())
    })
}

fn remind(
    conn: &mut DbConn,
    mailer: &Mailer,
    secret: &[u8],
    edition: &Edition,
    round: &Round,
) -> AppResult<usize> {
    write_transaction(conn, |conn| {
        if !claim(conn, &edition.id, Step::Remind)? {
            return Ok(0);
        }
        let people = unanswered(conn, &edition.id)?;
        for reg in &people {
            diesel::update(rc::reconfirmations.find(&reg.id))
                .set(rc::reminded_at.eq(now()))
                .execute(conn)?;
            mail(
                conn,
                mailer,
                secret,
                edition,
                round,
                reg,
                "reconfirm_reminder",
            )?;
        }
        tracing::info!(edition = %edition.slug, reminded = people.len(), "reconfirmation reminder sent");
        Ok(people.len())
    })
}

fn close(conn: &mut DbConn, mailer: &Mailer, edition: &Edition, round: &Round) -> AppResult<usize> {
    write_transaction(conn, |conn| {
        if !claim(conn, &edition.id, Step::Close)? || !round.release_unanswered {
            return Ok(0);
        }
        let people = unanswered(conn, &edition.id)?;
        for reg in &people {
            register::cancel(conn, mailer, edition, reg, CancelledBy::Unanswered)?;
            diesel::update(rc::reconfirmations.find(&reg.id))
                .set((rc::answer.eq(Answer::Released), rc::answered_at.eq(now())))
                .execute(conn)?;
        }
        tracing::info!(edition = %edition.slug, released = people.len(), "reconfirmation round closed");
        Ok(people.len())
    })
}

/// Asked, not answered, and still holding their seat.
fn unanswered(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Registration>> {
    r::registrations
        .inner_join(rc::reconfirmations)
        .filter(rc::edition_id.eq(edition_id))
        .filter(rc::answer.is_null())
        .filter(r::state.eq(RegistrationState::Confirmed))
        .select(Registration::as_select())
        .load(conn)
}

fn mail(
    conn: &mut DbConn,
    mailer: &Mailer,
    secret: &[u8],
    edition: &Edition,
    round: &Round,
    reg: &Registration,
    template: &str,
) -> AppResult<()> {
    let locale = Locale::parse(&reg.locale).unwrap_or_default();
    let page = mailer.link(&link(secret, &reg.id));
    let ctx = context(
        edition,
        round.deadline,
        round.release_unanswered,
        &reg.name,
        &page,
        locale,
    );
    outbox::enqueue(conn, &mailer.compose(template, locale, &reg.email, ctx)?)?;
    Ok(())
}

/// What the asking mail says, with `page` the person's answer page.
fn context(
    edition: &Edition,
    deadline: NaiveDateTime,
    release_unanswered: bool,
    name: &str,
    page: &str,
    locale: Locale,
) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("name", name);
    ctx.insert("edition", &edition.name);
    ctx.insert(
        "starts",
        &devday_shared::dates::day(edition.starts_on, locale),
    );
    ctx.insert("deadline", &edition.say_day_time(deadline, locale));
    ctx.insert("release_unanswered", &release_unanswered);
    ctx.insert("coming_link", &format!("{page}?answer=coming"));
    ctx.insert("free_link", &format!("{page}?answer=free"));
    ctx
}

/// The asking mail as the attendees will read it (in `locale`, to a sample name), for
/// the organisers' preview before the round asks.
pub fn sample(
    mailer: &Mailer,
    edition: &Edition,
    deadline: NaiveDateTime,
    release_unanswered: bool,
    locale: Locale,
) -> AppResult<(String, String)> {
    let page = mailer.link("/register/reconfirm/…");
    let name = "Alex";
    let ctx = context(edition, deadline, release_unanswered, name, &page, locale);
    let mail = mailer.compose("reconfirm_ask", locale, "", ctx)?;
    Ok((mail.subject, mail.text))
}
