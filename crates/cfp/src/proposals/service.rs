//! Changing proposals: every change in one transaction with its history entry and its mail.

use crate::model::AccessCodeId;
use devday_db::schema::{
    cfp_answers::dsl as ans, proposal_history::dsl as h, proposal_speakers::dsl as ps,
    proposals::dsl as p,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::ProposalId;
use devday_shared::vocabulary::UserId;
use devday_shared::{AppError, AppResult};
use diesel::prelude::*;

use super::form::ProposalInput;
use super::{get, speakers};
use crate::model::{HistoryEvent, Note, Proposal, ProposalState};

/// Records a change of a proposal (also edits, where the state stays).
pub fn record(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    actor_id: Option<&str>,
    from: Option<ProposalState>,
    to: ProposalState,
    note: Note<'_>,
) -> QueryResult<()> {
    diesel::insert_into(h::proposal_history)
        .values((
            h::id.eq(uuid::Uuid::new_v4().to_string()),
            h::proposal_id.eq(proposal_id),
            h::actor_id.eq(actor_id),
            h::at.eq(now()),
            h::from_state.eq(from.map(ProposalState::as_str)),
            h::to_state.eq(to),
            h::note.eq(note.text()),
        ))
        .execute(conn)?;
    tell_webhooks(conn, proposal_id, from, to)
}

/// Tells the edition's webhooks that a proposal was sent in or changed state as its
/// speakers see it: a draft, edits that keep the state and decisions not yet mailed are
/// nobody's business (`decide::notify` announces a decision when it tells the speakers).
fn tell_webhooks(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    from: Option<ProposalState>,
    to: ProposalState,
) -> QueryResult<()> {
    use devday_shared::webhooks::EventType;
    use ProposalState::{Accepted, Draft, Rejected, Submitted};
    let event = match (from, to) {
        (_, Draft) | (_, Accepted | Rejected) | (Some(Accepted | Rejected), Submitted) => {
            return Ok(())
        }
        (from, to) if from == Some(to) => return Ok(()),
        (None | Some(Draft), Submitted) => EventType::ProposalSubmitted,
        _ => EventType::ProposalStateChanged,
    };
    let (edition_id, title): (EditionId, String) = p::proposals
        .find(proposal_id)
        .select((p::edition_id, p::title))
        .first(conn)?;
    let edition = devday_shared::editions::queries::by_id(conn, &edition_id)?;
    announce(conn, &edition, (proposal_id, &title), event, (from, to))
}

/// Writes a proposal's event for the edition's webhooks: id, title and states (from, to).
pub(crate) fn announce(
    conn: &mut DbConn,
    edition: &Edition,
    (proposal_id, title): (&ProposalId, &str),
    event: devday_shared::webhooks::EventType,
    (from, to): (Option<ProposalState>, ProposalState),
) -> QueryResult<()> {
    let data = serde_json::json!({
        "proposal": {
            "id": proposal_id,
            "title": title,
            "state": to.as_str(),
            "previous_state": from.map(ProposalState::as_str),
        },
        "api": format!("/api/editions/{}/proposals/{proposal_id}", edition.slug),
    });
    devday_shared::webhooks::emit(conn, edition, event, data)
}

/// Keeps the lower-cased text that full-text search looks in: title, abstract, speakers.
pub fn refresh_search_text(conn: &mut DbConn, proposal_id: &ProposalId) -> QueryResult<()> {
    let proposal: (String, String) = p::proposals
        .find(proposal_id)
        .select((p::title, p::abstract_text))
        .first(conn)?;
    let names: Vec<String> = speakers(conn, proposal_id)?
        .into_iter()
        .map(|s| format!("{} {}", s.name, s.email))
        .collect();
    let text = format!("{} {} {}", proposal.0, proposal.1, names.join(" ")).to_lowercase();
    diesel::update(p::proposals.find(proposal_id))
        .set(p::search_text.eq(text))
        .execute(conn)
        .map(drop)
}

fn save_answers(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    user_id: Option<&UserId>,
    input: &ProposalInput,
) -> QueryResult<()> {
    let at = now();
    diesel::delete(ans::cfp_answers.filter(ans::proposal_id.eq(proposal_id))).execute(conn)?;
    for (question_id, value) in &input.proposal_answers {
        diesel::insert_into(ans::cfp_answers)
            .values((
                ans::id.eq(uuid::Uuid::new_v4().to_string()),
                ans::question_id.eq(question_id),
                ans::proposal_id.eq(Some(proposal_id)),
                ans::value.eq(value),
                ans::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    if let Some(user_id) = user_id {
        // Every speaker question the form asked is replaced, so a cleared answer goes.
        diesel::delete(
            ans::cfp_answers
                .filter(ans::question_id.eq_any(&input.speaker_questions))
                .filter(ans::user_id.eq(user_id)),
        )
        .execute(conn)?;
        for (question_id, value) in &input.speaker_answers {
            diesel::insert_into(ans::cfp_answers)
                .values((
                    ans::id.eq(uuid::Uuid::new_v4().to_string()),
                    ans::question_id.eq(question_id),
                    ans::user_id.eq(Some(user_id)),
                    ans::value.eq(value),
                    ans::updated_at.eq(at),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// Mails every speaker of a proposal that it has been submitted.
fn enqueue_submitted(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    proposal: &Proposal,
) -> AppResult<()> {
    // Until when the speakers may still change it, as a date (the type's own deadline or
    // the call's); none when a code let it in late or the call has no end.
    let deadline = crate::settings::session_types(conn, &edition.id)?
        .iter()
        .find(|t| t.id == proposal.session_type_id)
        .and_then(|t| crate::rules::deadline(edition, t))
        .filter(|d| *d > devday_db::now());
    for speaker in speakers(conn, &proposal.id)? {
        let locale = speaker_locale(conn, &speaker.user_id)?;
        let mut ctx = tera::Context::new();
        ctx.insert("name", &speaker.name);
        ctx.insert("until", &deadline.map(|d| edition.say_day_time(d, locale)));
        ctx.insert("title", &proposal.title);
        ctx.insert("edition", &edition.name);
        ctx.insert(
            "link",
            &mailer.link(&format!("/{}/cfp/proposals/{}", edition.slug, proposal.id)),
        );
        let mail = mailer.compose("proposal_submitted", locale, &speaker.email, ctx)?;
        outbox::enqueue(conn, &mail)?;
    }
    Ok(())
}

pub fn speaker_locale(conn: &mut DbConn, user_id: &UserId) -> QueryResult<Locale> {
    use devday_db::schema::users::dsl as u;
    let code: String = u::users.find(user_id).select(u::locale).first(conn)?;
    Ok(Locale::parse(&code).unwrap_or_default())
}

pub struct NewProposal<'a> {
    pub edition: &'a Edition,
    pub input: &'a ProposalInput,
    /// The first speaker; `None` when organisers create a proposal for someone to claim.
    pub speaker_id: Option<&'a UserId>,
    pub actor_id: &'a UserId,
    pub submit: bool,
    /// An access code that let this proposal in; one of its uses is taken.
    pub access_code_id: Option<&'a AccessCodeId>,
}

/// Refuses a submission beyond the edition's limit of proposals per speaker. Runs inside
/// the submitting transaction with the edition locked, so parallel submissions cannot both
/// slip under the limit.
fn check_limit(conn: &mut DbConn, edition_id: &EditionId, user_id: &UserId) -> AppResult<()> {
    devday_shared::editions::queries::lock(conn, edition_id)?;
    let max = crate::settings::settings(conn, edition_id)?.max_proposals_per_speaker;
    if super::active_count(conn, edition_id, user_id)? >= i64::from(max) {
        return Err(AppError::Refused(devday_shared::Refusal::ProposalLimit));
    }
    Ok(())
}

/// Creates a proposal as a draft or submitted. Submitting mails the speakers.
pub fn create(conn: &mut DbConn, mailer: &Mailer, new: NewProposal<'_>) -> AppResult<Proposal> {
    let id = ProposalId::from(uuid::Uuid::new_v4().to_string());
    let at = now();
    let state = if new.submit {
        ProposalState::Submitted
    } else {
        ProposalState::Draft
    };
    let input = new.input;
    let proposal = write_transaction(conn, |conn| -> AppResult<Proposal> {
        if let (true, Some(speaker)) = (new.submit, new.speaker_id) {
            check_limit(conn, &new.edition.id, speaker)?;
        }
        if let Some(code_id) = new.access_code_id {
            if !crate::settings::use_access_code(conn, code_id)? {
                return Err(AppError::Refused(devday_shared::Refusal::AccessCodeUsedUp));
            }
        }
        diesel::insert_into(p::proposals)
            .values((
                p::id.eq(&id),
                p::edition_id.eq(&new.edition.id),
                p::title.eq(&input.title),
                p::abstract_text.eq(&input.abstract_text),
                p::description.eq(&input.description),
                p::notes.eq(&input.notes),
                p::session_type_id.eq(&input.session_type_id),
                p::track_id.eq(&input.track_id),
                p::language.eq(input.language.as_str()),
                p::level.eq(input.level.as_str()),
                p::state.eq(state),
                p::search_text.eq(""),
                p::created_by.eq(new.actor_id),
                p::created_at.eq(at),
                p::updated_at.eq(at),
                p::submitted_at.eq(new.submit.then_some(at)),
            ))
            .execute(conn)?;
        if let Some(speaker_id) = new.speaker_id {
            add_speaker(conn, &id, speaker_id)?;
        }
        save_answers(conn, &id, new.speaker_id, input)?;
        refresh_search_text(conn, &id)?;
        record(
            conn,
            &id,
            Some(new.actor_id),
            None,
            state,
            HistoryEvent::Created.into(),
        )?;
        let proposal = get(conn, &new.edition.id, &id)?.ok_or(AppError::NotFound)?;
        if new.submit {
            enqueue_submitted(conn, mailer, new.edition, &proposal)?;
        }
        Ok(proposal)
    })?;
    mailer.notify();
    Ok(proposal)
}

/// Adds a speaker at the end of the list (once).
pub fn add_speaker(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    user_id: &UserId,
) -> QueryResult<()> {
    let existing: Vec<(UserId, i32)> = ps::proposal_speakers
        .filter(ps::proposal_id.eq(proposal_id))
        .select((ps::user_id, ps::position))
        .load(conn)?;
    if existing.iter().any(|(id, _)| id == user_id) {
        return Ok(());
    }
    let position = existing.iter().map(|(_, p)| p + 1).max().unwrap_or(0);
    diesel::insert_into(ps::proposal_speakers)
        .values((
            ps::proposal_id.eq(proposal_id),
            ps::user_id.eq(user_id),
            ps::position.eq(position),
        ))
        .execute(conn)?;
    refresh_search_text(conn, proposal_id)
}

/// Saves an edit; `submit` also submits a draft (and mails the speakers).
pub fn update(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    proposal: &Proposal,
    input: &ProposalInput,
    actor_id: &UserId,
    submit: bool,
) -> AppResult<Proposal> {
    let from = proposal.state;
    let to = if submit && from == ProposalState::Draft {
        ProposalState::Submitted
    } else {
        from
    };
    let at = now();
    let updated = write_transaction(conn, |conn| -> AppResult<Proposal> {
        if to != from && super::is_speaker(conn, &proposal.id, actor_id)? {
            check_limit(conn, &edition.id, actor_id)?;
        }
        let changed = diesel::update(
            p::proposals
                .filter(p::id.eq(&proposal.id))
                // Guards against a concurrent change of state (a withdrawal, a decision).
                .filter(p::state.eq(from)),
        )
        .set((
            p::title.eq(&input.title),
            p::abstract_text.eq(&input.abstract_text),
            p::description.eq(&input.description),
            p::notes.eq(&input.notes),
            p::session_type_id.eq(&input.session_type_id),
            p::track_id.eq(&input.track_id),
            p::language.eq(input.language.as_str()),
            p::level.eq(input.level.as_str()),
            p::state.eq(to),
            p::updated_at.eq(at),
        ))
        .execute(conn)?;
        if changed != 1 {
            return Err(AppError::Refused(
                devday_shared::Refusal::ProposalChangedMeanwhile,
            ));
        }
        if to != from {
            diesel::update(p::proposals.find(&proposal.id))
                .set(p::submitted_at.eq(Some(at)))
                .execute(conn)?;
        }
        // Speaker questions are answered for the speaker: the editor if they speak, else
        // (an organiser editing) the first speaker.
        let answerer = if super::is_speaker(conn, &proposal.id, actor_id)? {
            Some(actor_id.to_owned())
        } else {
            speakers(conn, &proposal.id)?
                .into_iter()
                .next()
                .map(|s| s.user_id)
        };
        save_answers(conn, &proposal.id, answerer.as_ref(), input)?;
        refresh_search_text(conn, &proposal.id)?;
        let event = if to != from {
            HistoryEvent::Submitted
        } else {
            HistoryEvent::Edited
        };
        record(
            conn,
            &proposal.id,
            Some(actor_id),
            Some(from),
            to,
            event.into(),
        )?;
        let updated = get(conn, &edition.id, &proposal.id)?.ok_or(AppError::NotFound)?;
        if to != from {
            enqueue_submitted(conn, mailer, edition, &updated)?;
        }
        Ok(updated)
    })?;
    mailer.notify();
    Ok(updated)
}

/// Moves a proposal to another state, recording who did it.
pub fn transition(
    conn: &mut DbConn,
    proposal: &Proposal,
    to: ProposalState,
    actor_id: &UserId,
    note: Note<'_>,
) -> AppResult<()> {
    let from = proposal.state;
    if from == to {
        return Ok(());
    }
    write_transaction(conn, |conn| {
        let changed = diesel::update(
            p::proposals
                .filter(p::id.eq(&proposal.id))
                .filter(p::state.eq(from)),
        )
        .set((p::state.eq(to), p::updated_at.eq(now())))
        .execute(conn)?;
        if changed != 1 {
            return Err(AppError::Refused(
                devday_shared::Refusal::ProposalChangedMeanwhile,
            ));
        }
        record(conn, &proposal.id, Some(actor_id), Some(from), to, note)?;
        Ok(())
    })
}
