//! The demo's archived edition: last year's programme, confirmed, placed and released, with
//! its recordings, so the archive shows what it keeps (programme, sessions, speakers,
//! recordings) from the first start. One speaker did not agree to a recording.

use devday_cfp::model::{Language, Level, ProposalState};
use devday_cfp::proposals::form::ProposalInput;
use devday_cfp::settings;
use devday_db::schema::{proposal_speakers::dsl as ps, proposals::dsl as p};
use devday_db::DbConn;
use devday_schedule::recordings;
use devday_shared::editions::Edition;
use devday_shared::mail::Mailer;
use devday_shared::vocabulary::{ProposalId, UserId};
use diesel::prelude::*;

/// Last year's talks: title, abstract, language.
pub(super) const TALKS: [(&str, &str, &str); 12] = [
    (
        "Rust im Alltag eines Mittelständlers",
        "Drei Jahre Rust in der Produktion: was sich gelohnt hat.",
        "de",
    ),
    (
        "Designing APIs people enjoy",
        "Versioning, errors and docs that answer the question.",
        "en",
    ),
    (
        "Barrierefreiheit von Anfang an",
        "Was ein Audit kostet und was es spart.",
        "de",
    ),
    (
        "Observability without the bill shock",
        "Sampling, budgets and the three signals that matter.",
        "en",
    ),
    (
        "Kotlin Multiplatform in der Praxis",
        "Eine App, drei Plattformen, ein Team.",
        "de",
    ),
    (
        "The boring database",
        "PostgreSQL features you already pay for.",
        "en",
    ),
    (
        "Security by default",
        "Threat modelling in an afternoon.",
        "en",
    ),
    (
        "Daten-Pipelines, die man versteht",
        "Weniger Magie, mehr SQL.",
        "de",
    ),
    (
        "Frontend performance budgets",
        "How we kept the page under one second.",
        "en",
    ),
    (
        "Legacy modernisieren ohne Big Bang",
        "Strangler, Feature-Flags und Geduld.",
        "de",
    ),
    (
        "Testing in production, safely",
        "Canaries, shadows and the courage to roll back.",
        "en",
    ),
    (
        "Team-Topologien in echt",
        "Was nach der Umorganisation blieb.",
        "de",
    ),
];

/// Fills `archive` with last year's programme by some of `speakers_of`'s speakers; returns
/// how many sessions were released.
pub fn fill(
    conn: &mut DbConn,
    mailer: &Mailer,
    archive: &Edition,
    speakers_of: &Edition,
    organiser: &UserId,
) -> anyhow::Result<usize> {
    let err = |e: devday_shared::AppError| anyhow::anyhow!("{e}");
    let speakers: Vec<UserId> = ps::proposal_speakers
        .inner_join(p::proposals)
        .filter(p::edition_id.eq(&speakers_of.id))
        .select(ps::user_id)
        .distinct()
        .order(ps::user_id.asc())
        .load(conn)?;
    anyhow::ensure!(!speakers.is_empty(), "the demo has no speakers yet");
    let talk = settings::session_types(conn, &archive.id)
        .map_err(err)?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("the archive has no session type"))?;
    for (n, (title, summary, language)) in TALKS.iter().enumerate() {
        let speaker = &speakers[(n * 5) % speakers.len()];
        let input = ProposalInput {
            title: (*title).into(),
            abstract_text: (*summary).into(),
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
        let id = super::history::decided(
            conn,
            mailer,
            archive,
            speaker,
            &input,
            &[
                ProposalState::Submitted,
                ProposalState::Accepted,
                ProposalState::Confirmed,
            ],
            organiser,
        )?;
        devday_cfp::confirming::set_consent(conn, &id, true, n != REFUSED)?;
    }
    let released = super::schedule::fill(conn, mailer, archive, organiser)?;
    // The video team's links, a few weeks after the event.
    let sessions: Vec<(ProposalId, String)> = p::proposals
        .filter(p::edition_id.eq(&archive.id))
        .select((p::id, p::title))
        .load(conn)?;
    for (id, title) in sessions {
        if title != TALKS[REFUSED].0 {
            let url = format!("https://media.devday-demo.example/{}/{}", archive.slug, id);
            recordings::set(conn, &archive.id, &id, &url).map_err(err)?;
        }
    }
    Ok(released)
}

/// The talk whose speaker did not agree to a recording.
const REFUSED: usize = 6;
