//! `devday demo`: a living demo edition for newcomers. Later domains add their data here.

use anyhow::Context;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use devday_db::{now, DbConn};
use devday_shared::accounts::password::Passwords;
use devday_shared::accounts::{users, EmailAddress};
use devday_shared::config::Settings;
use devday_shared::editions::{queries, roles, EditionForm, Role};
use devday_shared::i18n::{I18n, Locale};
use devday_shared::mail::{Mailer, Wakeup};
use devday_shared::templates::Templates;
use devday_shared::vocabulary::UserId;

use crate::commands;

mod archive;
mod cfp;
mod checkin;
mod history;
mod registration;
mod review;
mod schedule;

pub const SLUG: &str = "devday-demo";
pub const PASSWORD: &str = "devday-demo-password";

const TEAM: [(&str, &str, Role); 9] = [
    (
        "anna.schmidt@devday-demo.example",
        "Anna Schmidt",
        Role::Organiser,
    ),
    (
        "jonas.weber@devday-demo.example",
        "Jonas Weber",
        Role::Reviewer,
    ),
    (
        "lea.fischer@devday-demo.example",
        "Lea Fischer",
        Role::Reviewer,
    ),
    (
        "paula.graf@devday-demo.example",
        "Paula Graf",
        Role::Reviewer,
    ),
    (
        "kemal.arslan@devday-demo.example",
        "Kemal Arslan",
        Role::Reviewer,
    ),
    (
        "ida.berger@devday-demo.example",
        "Ida Berger",
        Role::Reviewer,
    ),
    (
        "noah.fuchs@devday-demo.example",
        "Noah Fuchs",
        Role::Reviewer,
    ),
    ("tim.becker@devday-demo.example", "Tim Becker", Role::Staff),
    ("mia.wagner@devday-demo.example", "Mia Wagner", Role::Staff),
];

pub fn run(settings: &Settings) -> anyhow::Result<()> {
    let mut conn = commands::connect(settings)?;
    if queries::by_slug(&mut conn, SLUG)?.is_some() {
        println!("The demo edition {SLUG} is already there.");
        return Ok(());
    }
    let passwords = Passwords::new(&settings.security)
        .map_err(|e| anyhow::anyhow!("security.argon2_memory_kib: {e}"))?;
    let hash = passwords.hash(PASSWORD)?;
    let mailer = demo_mailer()?;
    // All or nothing: a failed demo leaves no half-filled edition behind.
    let (proposals, speakers, reviews, confirmed, registrations, scheduled, checked_in) =
        devday_db::write_transaction(&mut conn, |conn| {
            let mut team = Vec::new();
            for (email, name, role) in TEAM {
                team.push((account(conn, email, name, &hash)?, role));
            }
            let organiser = team
                .first()
                .map(|(id, _)| id.clone())
                .context("the demo team is empty")?;
            let today = now().date();
            let past = last_year(today).validate().map_err(invalid)?;
            let archive = queries::create(conn, &past, &organiser, &crate::SEEDS)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let coming = coming(today).validate().map_err(invalid)?;
            let demo = queries::create(conn, &coming, &organiser, &crate::SEEDS)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            for (user_id, role) in &team {
                roles::grant(conn, &demo.id, user_id, *role)?;
            }
            let (proposals, speakers) = cfp::fill(conn, &mailer, &demo, &hash, account)?;
            let reviewers: Vec<UserId> = team
                .iter()
                .filter(|(_, role)| *role == Role::Reviewer)
                .map(|(id, _)| id.clone())
                .collect();
            let (reviews, confirmed) = review::fill(conn, &demo, &organiser, &reviewers)?;
            let registrations = registration::fill(conn, &mailer, &demo)?;
            let scheduled = schedule::fill(conn, &mailer, &demo, &organiser)?;
            // Last year, archived with its released programme.
            archive::fill(conn, &mailer, &archive, &demo, &organiser)?;
            queries::set_archived(conn, &archive.id, true)?;
            // Three past years with their own figures, for the report's comparison.
            past_years(conn, &mailer, &archive, &demo, &organiser, today)?;
            history::spread(conn, &demo, now() - Duration::days(40))?;
            // Speakers and team get their tickets, so the badges show every role.
            let guests =
                devday_registration::guests::issue_to_speakers_and_team(conn, &mailer, &demo)
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
            let checked_in = (guests.issued, checkin::fill(conn, &demo)?);
            Ok::<_, anyhow::Error>((
                proposals,
                speakers,
                reviews,
                confirmed,
                registrations,
                scheduled,
                checked_in,
            ))
        })?;

    println!(
        "Demo edition {SLUG} created: http://{}/{SLUG}/",
        settings.server.listen
    );
    println!("  with {proposals} proposals by {speakers} speakers (firstname.lastname@devday-demo.example),");
    println!(
        "  {reviews} reviews and {confirmed} confirmed sessions, {registrations} registrations,"
    );
    println!(
        "  {scheduled} sessions in a released timetable: http://{}/{SLUG}/schedule/",
        settings.server.listen
    );
    println!(
        "  {} tickets for speakers and team, and {} check-ins at the entrance: http://{}/{SLUG}/manage/checkin",
        checked_in.0, checked_in.1, settings.server.listen
    );
    println!("Demo accounts (password {PASSWORD}):");
    for (email, name, role) in TEAM {
        println!("  {email:<36} {name:<14} {}", role.as_str());
    }
    Ok(())
}

/// The demo sends no mail, but the domain functions want a mailer.
fn demo_mailer() -> anyhow::Result<Mailer> {
    let i18n = std::sync::Arc::new(I18n::load()?);
    let templates = std::sync::Arc::new(Templates::load(i18n)?);
    Ok(Mailer::new(
        templates,
        "http://127.0.0.1:8080".into(),
        Wakeup::default(),
    ))
}

fn invalid(errors: devday_shared::FieldErrors) -> anyhow::Error {
    anyhow::anyhow!("demo edition is invalid: {errors:?}")
}

fn account(conn: &mut DbConn, email: &str, name: &str, hash: &str) -> anyhow::Result<UserId> {
    let email = EmailAddress::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?;
    if let Some(user) = users::by_email(conn, &email)? {
        return Ok(user.id);
    }
    Ok(users::create(
        conn,
        users::NewUser {
            email: &email,
            display_name: name,
            password_hash: Some(hash),
            locale: Locale::De,
            is_admin: false,
            confirmed: true,
        },
    )?
    .id)
}

/// The Thursday about half a year ahead: the CfP is open now, registration opens later.
fn coming(today: NaiveDate) -> EditionForm {
    let mut day = today + Duration::weeks(26);
    while day.weekday() != Weekday::Thu {
        day += Duration::days(1);
    }
    let at = |d: NaiveDate, hm: &str| format!("{}T{hm}", d.format("%Y-%m-%d"));
    EditionForm {
        name: "DevDay Demo".into(),
        slug: SLUG.into(),
        starts_on: day.to_string(),
        ends_on: (day + Duration::days(1)).to_string(),
        timezone: "Europe/Berlin".into(),
        venue: "Deutsches Hygiene-Museum, Lingnerplatz 1, 01069 Dresden".into(),
        cfp_opens_at: at(today - Duration::days(30), "09:00"),
        cfp_closes_at: at(today + Duration::days(45), "23:59"),
        registration_opens_at: at(day - Duration::weeks(10), "12:00"),
        registration_closes_at: at(day - Duration::days(1), "18:00"),
        description_md: "Two days of talks and workshops by developers for developers, \
            in German and English: architecture, frontend, data and operations. \
            **Free**, organised by volunteers, recorded for everyone who cannot come.\n\n\
            Bring questions: every talk leaves time for them."
            .into(),
        description_de_md: "Zwei Tage Vorträge und Workshops von Entwicklerinnen und Entwicklern für \
            Entwicklerinnen und Entwickler, auf Deutsch und Englisch: Architektur, Frontend, Daten und \
            Betrieb. **Kostenlos**, von Ehrenamtlichen organisiert, aufgezeichnet für alle, \
            die nicht dabei sein können.\n\nBring Fragen mit: jeder Vortrag lässt Zeit dafür."
            .into(),
        // In the hall and online: the big rooms stream, for registered people.
        format: "hybrid".into(),
        streams: "registered".into(),
    }
}

/// A past edition for the archive.
/// The archive (last year) and the two years before it get their figures; the older two
/// are made here. Their attendees' personal data is purged, as an install would have.
fn past_years(
    conn: &mut DbConn,
    mailer: &Mailer,
    archive: &devday_shared::editions::Edition,
    demo: &devday_shared::editions::Edition,
    organiser: &UserId,
    today: NaiveDate,
) -> anyhow::Result<()> {
    use devday_db::schema::{proposal_speakers::dsl as ps, proposals::dsl as p};
    use diesel::prelude::*;
    let speakers: Vec<UserId> = ps::proposal_speakers
        .inner_join(p::proposals)
        .filter(p::edition_id.eq(&demo.id))
        .select(ps::user_id)
        .distinct()
        .order(ps::user_id.asc())
        .load(conn)?;
    for year in &history::YEARS {
        let edition = if year.ago == 1 {
            archive.clone()
        } else {
            let mut form = last_year(today);
            let y = today.year() - year.ago;
            form.name = format!("DevDay {y}");
            form.slug = format!("devday-{y}");
            form.starts_on = NaiveDate::from_ymd_opt(y, 5, 20 + year.ago as u32)
                .unwrap_or(today)
                .to_string();
            form.ends_on = form.starts_on.clone();
            let input = form.validate().map_err(invalid)?;
            let made = queries::create(conn, &input, organiser, &crate::SEEDS)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            queries::set_archived(conn, &made.id, true)?;
            made
        };
        let edition = queries::by_id(conn, &edition.id)?;
        history::fill(
            conn,
            mailer,
            &edition,
            year,
            &speakers,
            organiser,
            &archive::TALKS,
        )?;
        let edition = queries::by_id(conn, &edition.id)?;
        devday_registration::privacy::purge(conn, &edition).map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    Ok(())
}

fn last_year(today: NaiveDate) -> EditionForm {
    let year = today.year() - 1;
    let day = NaiveDate::from_ymd_opt(year, 5, 22).unwrap_or(today);
    EditionForm {
        name: format!("DevDay {year}"),
        slug: format!("devday-{year}"),
        starts_on: day.to_string(),
        ends_on: day.to_string(),
        timezone: "Europe/Berlin".into(),
        venue: "Deutsches Hygiene-Museum, Dresden".into(),
        ..Default::default()
    }
}
