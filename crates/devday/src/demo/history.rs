//! The demo's past years, so the report compares the year with three before it at once:
//! each past edition gets proposals sent over its call (most near the deadline), decisions,
//! registrations over the weeks before it (a rush at the opening, another near the day),
//! cancellations and check-ins on the morning, each year with its own figures. Its personal
//! data is then purged, as a real install would have done, and the report still reads.
//! The demo's current edition gets the same spread of its proposals and registrations.

use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone};
use devday_badges::checkin::ScanResult;
use devday_badges::lists::CheckinListId;
use devday_cfp::model::{HistoryEvent, Language, Level, ProposalState};
use devday_cfp::proposals::form::ProposalInput;
use devday_cfp::proposals::service::{self, NewProposal};
use devday_cfp::{proposals, settings};
use devday_db::schema::{
    checkin_lists::dsl as l, editions::dsl as e, proposals::dsl as p,
    registration_tickets::dsl as rt, registrations::dsl as r, scans::dsl as s,
    ticket_types::dsl as tt,
};
use devday_db::DbConn;
use devday_shared::editions::Edition;
use devday_shared::mail::Mailer;
use devday_shared::vocabulary::{ProposalId, RegistrationId, RegistrationState, UserId};
use diesel::prelude::*;

/// One past year's figures.
pub struct Year {
    pub ago: i32,
    pub proposals: usize,
    pub accepted: usize,
    pub registrations: usize,
    /// Per mille of registrations later cancelled, and of the confirmed who came.
    pub cancelled: u32,
    pub came: u32,
    /// How late proposals come: the larger, the more of them in the last days.
    pub rush: f64,
}

pub const YEARS: [Year; 3] = [
    Year {
        ago: 1,
        proposals: 104,
        accepted: 31,
        registrations: 430,
        cancelled: 50,
        came: 690,
        rush: 2.6,
    },
    Year {
        ago: 2,
        proposals: 88,
        accepted: 29,
        registrations: 395,
        cancelled: 60,
        came: 640,
        rush: 2.1,
    },
    Year {
        ago: 3,
        proposals: 63,
        accepted: 26,
        registrations: 310,
        cancelled: 80,
        came: 580,
        rush: 1.6,
    },
];

/// A small deterministic generator: the demo looks the same on every install.
struct Dice(u64);

impl Dice {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 1_000_000) as f64 / 1_000_000.0
    }
}

/// A moment within `[from, to]`: `u` in 0..1 pushed towards the end by `rush`.
fn between(from: NaiveDateTime, to: NaiveDateTime, u: f64, rush: f64) -> NaiveDateTime {
    let span = (to - from).num_minutes().max(1) as f64;
    from + Duration::minutes((span * u.powf(1.0 / rush)) as i64)
}

fn at(day: NaiveDate, h: u32) -> NaiveDateTime {
    day.and_hms_opt(h, 0, 0).unwrap_or_default()
}

/// Dates each of `edition`'s proposals within `window`, later ones more often by `rush`;
/// each was sent in as it was written, since the report counts from the submission.
fn spread_proposals(
    conn: &mut DbConn,
    edition: &Edition,
    dice: &mut Dice,
    (from, to): (NaiveDateTime, NaiveDateTime),
    rush: f64,
) -> anyhow::Result<()> {
    let ids: Vec<ProposalId> = p::proposals
        .filter(p::edition_id.eq(&edition.id))
        .order(p::id.asc())
        .select(p::id)
        .load(conn)?;
    for id in ids {
        let at = between(from, to, dice.unit(), rush);
        diesel::update(p::proposals.find(&id))
            .set(p::created_at.eq(at))
            .execute(conn)?;
        diesel::update(p::proposals.find(&id).filter(p::submitted_at.is_not_null()))
            .set(p::submitted_at.eq(Some(at)))
            .execute(conn)?;
    }
    Ok(())
}

/// A talk of `speaker` in a past edition, taken from draft along `path` as it was decided.
pub(super) fn decided(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    speaker: &UserId,
    input: &ProposalInput,
    path: &[ProposalState],
    organiser: &UserId,
) -> anyhow::Result<ProposalId> {
    let err = |e: devday_shared::AppError| anyhow::anyhow!("{e}");
    let created = service::create(
        conn,
        mailer,
        NewProposal {
            edition,
            input,
            speaker_id: Some(speaker),
            actor_id: speaker,
            submit: false,
            access_code_id: None,
        },
    )
    .map_err(err)?;
    for to in path {
        let current = proposals::get(conn, &edition.id, &created.id)?
            .ok_or_else(|| anyhow::anyhow!("a past proposal vanished"))?;
        service::transition(
            conn,
            &current,
            *to,
            organiser,
            HistoryEvent::CarriedOver.into(),
        )
        .map_err(err)?;
    }
    Ok(created.id)
}

/// Spreads the created times of `edition`'s proposals over its call so far, and of its
/// registrations over the weeks since `since`, so its curves look like a year in progress.
pub fn spread(conn: &mut DbConn, edition: &Edition, since: NaiveDateTime) -> anyhow::Result<()> {
    let now = devday_db::now();
    let opens = edition.cfp_opens_at.unwrap_or(since);
    let mut dice = Dice(0x5eed_0001);
    spread_proposals(conn, edition, &mut dice, (opens, now), 1.3)?;
    let ids: Vec<RegistrationId> = r::registrations
        .filter(r::edition_id.eq(&edition.id))
        .order(r::id.asc())
        .select(r::id)
        .load(conn)?;
    for id in ids {
        // A third come in the first week, the rest steadily since.
        let u = dice.unit();
        let at = if u < 0.35 {
            between(since, since + Duration::days(7), dice.unit(), 0.7)
        } else {
            between(since + Duration::days(7), now, dice.unit(), 1.0)
        };
        diesel::update(r::registrations.find(&id))
            .set(r::created_at.eq(at))
            .execute(conn)?;
    }
    Ok(())
}

/// Gives the past edition `edition` (held on `day`) the figures of `year`.
pub fn fill(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    year: &Year,
    speakers: &[UserId],
    organiser: &UserId,
    titles: &[(&str, &str, &str)],
) -> anyhow::Result<()> {
    let err = |e: devday_shared::AppError| anyhow::anyhow!("{e}");
    let day = edition.starts_on;
    let opens = at(day - Duration::days(260), 8);
    let closes = at(day - Duration::days(130), 22);
    let registration_opens = at(day - Duration::days(70), 11);
    diesel::update(e::editions.find(&edition.id))
        .set((
            e::cfp_opens_at.eq(Some(opens)),
            e::cfp_closes_at.eq(Some(closes)),
            e::registration_opens_at.eq(Some(registration_opens)),
            e::registration_closes_at.eq(Some(at(day - Duration::days(1), 17))),
        ))
        .execute(conn)?;
    let mut dice = Dice(0x5eed_0100 + year.ago as u64);
    let talk = settings::session_types(conn, &edition.id)
        .map_err(err)?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("no session type"))?;
    let already = p::proposals
        .filter(p::edition_id.eq(&edition.id))
        .count()
        .get_result::<i64>(conn)? as usize;
    for n in already..year.proposals {
        let (title, summary, language) = titles[n % titles.len()];
        let input = ProposalInput {
            title: format!("{title} ({})", day.format("%Y")),
            abstract_text: summary.into(),
            description: String::new(),
            notes: String::new(),
            session_type_id: talk.id.clone(),
            track_id: None,
            language: Language::parse(language).unwrap_or(Language::English),
            level: [Level::Beginner, Level::Intermediate, Level::Advanced][n % 3],
            proposal_answers: Vec::new(),
            speaker_answers: Vec::new(),
            speaker_questions: Vec::new(),
        };
        // Some speakers come back every year, and each year brings new ones.
        let regulars = (22 + 8 * (4 - year.ago as usize)).min(speakers.len());
        let speaker = &speakers[(n * 7 + year.ago as usize * 11) % regulars];
        let path: &[ProposalState] = if n < year.accepted {
            &[
                ProposalState::Submitted,
                ProposalState::Accepted,
                ProposalState::Confirmed,
            ]
        } else {
            &[ProposalState::Submitted, ProposalState::Rejected]
        };
        decided(conn, mailer, edition, speaker, &input, path, organiser)?;
    }
    spread_proposals(conn, edition, &mut dice, (opens, closes), year.rush)?;

    let ticket = tt::ticket_types
        .filter(tt::edition_id.eq(&edition.id))
        .order(tt::position.asc())
        .select(tt::id)
        .first::<devday_shared::vocabulary::TicketTypeId>(conn)?;
    let entrance = l::checkin_lists
        .filter(l::edition_id.eq(&edition.id))
        .filter(l::all_tickets.eq(true))
        .select(l::id)
        .first::<CheckinListId>(conn)?;
    let mut confirmed = 0;
    for n in 0..year.registrations {
        let u = dice.unit();
        let created = if u < 0.3 {
            between(
                registration_opens,
                registration_opens + Duration::days(5),
                dice.unit(),
                0.6,
            )
        } else {
            between(
                registration_opens + Duration::days(5),
                at(day - Duration::days(1), 12),
                dice.unit(),
                1.8,
            )
        };
        let cancelled = dice.unit() * 1000.0 < f64::from(year.cancelled);
        let id = RegistrationId::from(uuid::Uuid::new_v4().to_string());
        let state = if cancelled {
            RegistrationState::Cancelled
        } else {
            confirmed += 1;
            RegistrationState::Confirmed
        };
        let token = devday_shared::crypto::token_hash(&uuid::Uuid::new_v4().to_string());
        diesel::insert_into(r::registrations)
            .values((
                r::id.eq(&id),
                r::edition_id.eq(&edition.id),
                r::email.eq(format!("attendee{n}.{}@devday-demo.example", year.ago)),
                r::name.eq(format!("Attendee {n}")),
                r::company.eq(""),
                r::tshirt.eq(""),
                r::dietary.eq(""),
                r::accessibility.eq(""),
                r::locale.eq(if n % 3 == 0 { "en" } else { "de" }),
                r::state.eq(state),
                r::manage_token_hash.eq(token),
                r::consent_at.eq(created),
                r::consent_version.eq(1),
                r::created_at.eq(created),
                r::confirmed_at.eq(Some(created + Duration::minutes(7))),
                r::cancelled_at.eq(cancelled.then(|| created + Duration::days(9))),
            ))
            .execute(conn)?;
        diesel::insert_into(rt::registration_tickets)
            .values((rt::registration_id.eq(&id), rt::ticket_type_id.eq(&ticket)))
            .execute(conn)?;
        if !cancelled && dice.unit() * 1000.0 < f64::from(year.came) {
            // Most arrive between a quarter past eight and ten; a few later.
            let minutes = if dice.unit() < 0.88 {
                15.0 + 105.0 * dice.unit().powf(1.4)
            } else {
                120.0 + 180.0 * dice.unit()
            };
            let local = at(day, 8) + Duration::minutes(minutes as i64);
            let scanned = edition
                .tz()
                .from_local_datetime(&local)
                .earliest()
                .map_or(local, |t| t.naive_utc());
            diesel::insert_into(s::scans)
                .values((
                    s::id.eq(uuid::Uuid::new_v4().to_string()),
                    s::list_id.eq(&entrance),
                    s::registration_id.eq(Some(&id)),
                    s::result.eq(ScanResult::Admitted),
                    s::device.eq("demo"),
                    s::nonce.eq(uuid::Uuid::new_v4().to_string()),
                    s::offline.eq(false),
                    s::scanned_at.eq(scanned),
                    s::recorded_at.eq(scanned),
                ))
                .execute(conn)?;
        }
    }
    diesel::update(tt::ticket_types.find(&ticket))
        .set((tt::capacity.eq(450), tt::taken.eq(confirmed)))
        .execute(conn)?;
    Ok(())
}
