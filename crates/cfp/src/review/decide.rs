//! Decisions: accept, reject or put on the waiting list; tell the speakers once per
//! decision; speakers confirm or decline an accepted proposal through a link.

use crate::model::SessionTypeId;
use devday_db::schema::{
    decision_mails::dsl as dm, proposal_responses::dsl as pr, proposals::dsl as p,
    reviews::dsl as rv,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::ProposalId;
use devday_shared::vocabulary::UserId;
use devday_shared::{crypto, AppError, AppResult};
use diesel::prelude::*;

use crate::model::{HistoryEvent, Proposal, ProposalState};
use crate::proposals::{self, service};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Reject,
    /// Not accepted yet; first in line if a confirmed proposal drops out.
    Waitlist,
}

impl Decision {
    const ALL: [Decision; 3] = [Decision::Accept, Decision::Reject, Decision::Waitlist];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }

    /// The form's value, also the selector of the messages that report it.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Accept => "accept",
            Decision::Reject => "reject",
            Decision::Waitlist => "waitlist",
        }
    }
}

/// Applies a decision to one proposal (recorded in its history).
pub fn decide(
    conn: &mut DbConn,
    proposal: &Proposal,
    decision: Decision,
    actor_id: &UserId,
) -> AppResult<()> {
    let from = proposal.state;
    if !matches!(
        from,
        ProposalState::Submitted | ProposalState::Accepted | ProposalState::Rejected
    ) {
        return Err(AppError::Refused(devday_shared::Refusal::NotDecidable {
            title: proposal.title.clone(),
            state: from.as_str(),
        }));
    }
    write_transaction(conn, |conn| {
        // One decision of an edition at a time: waiting-list places are handed out in order.
        devday_shared::editions::queries::lock(conn, &proposal.edition_id)?;
        match decision {
            Decision::Accept | Decision::Reject => {
                let to = if decision == Decision::Accept {
                    ProposalState::Accepted
                } else {
                    ProposalState::Rejected
                };
                diesel::update(p::proposals.find(&proposal.id))
                    .set(p::waitlist_position.eq(None::<i32>))
                    .execute(conn)?;
                service::transition(conn, proposal, to, actor_id, HistoryEvent::Decided.into())?;
            }
            Decision::Waitlist
                if proposal.waitlist_position.is_some() && from == ProposalState::Submitted => {}
            // Already waiting: keep the place in line.
            Decision::Waitlist
                if proposal.waitlist_position.is_some() && from == ProposalState::Submitted => {}
            Decision::Waitlist => {
                let last: Option<i32> = p::proposals
                    .filter(p::edition_id.eq(&proposal.edition_id))
                    .select(diesel::dsl::max(p::waitlist_position))
                    .first(conn)?;
                diesel::update(p::proposals.find(&proposal.id))
                    .set(p::waitlist_position.eq(Some(last.unwrap_or(0) + 1)))
                    .execute(conn)?;
                if from == ProposalState::Submitted {
                    service::record(
                        conn,
                        &proposal.id,
                        Some(actor_id),
                        Some(from),
                        from,
                        HistoryEvent::PutOnWaitingList.into(),
                    )?;
                } else {
                    service::transition(
                        conn,
                        proposal,
                        ProposalState::Submitted,
                        actor_id,
                        HistoryEvent::PutOnWaitingList.into(),
                    )?;
                }
            }
        }
        Ok(())
    })
}

/// The state as speakers see it: a decision counts for them once it has been mailed, so
/// tentative accepts and rejects stay "submitted" until the organisers send the mails.
pub fn state_for_speakers(conn: &mut DbConn, proposal: &Proposal) -> QueryResult<ProposalState> {
    if !matches!(
        proposal.state,
        ProposalState::Accepted | ProposalState::Rejected
    ) {
        return Ok(proposal.state);
    }
    Ok(if told(conn, proposal)? {
        proposal.state
    } else {
        ProposalState::Submitted
    })
}

/// A session type's place in the programme while deciding: how many are accepted (and of
/// those confirmed) against the slots planned for it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TypeTally {
    pub id: SessionTypeId,
    pub name: String,
    pub name_de: String,
    /// Accepted or confirmed: each holds a slot.
    pub taken: i64,
    pub confirmed: i64,
    /// Submitted and not decided yet.
    pub open: i64,
    pub slots: Option<i32>,
}

/// Per session type: accepted and confirmed against its slots, and what is still open.
pub fn tally_by_type(conn: &mut DbConn, edition_id: &EditionId) -> AppResult<Vec<TypeTally>> {
    let rows: Vec<(String, String)> = p::proposals
        .filter(p::edition_id.eq(edition_id))
        .select((p::session_type_id, p::state))
        .load(conn)?;
    let count = |id: &str, states: &[ProposalState]| {
        rows.iter()
            .filter(|(t, s)| t == id && states.iter().any(|x| x.as_str() == s))
            .count() as i64
    };
    Ok(crate::settings::session_types(conn, edition_id)?
        .into_iter()
        .map(|t| TypeTally {
            taken: count(&t.id, &[ProposalState::Accepted, ProposalState::Confirmed]),
            confirmed: count(&t.id, &[ProposalState::Confirmed]),
            open: count(&t.id, &[ProposalState::Submitted]),
            slots: t.slots,
            id: t.id,
            name: t.name,
            name_de: t.name_de,
        })
        .collect())
}

/// Proposals whose speakers declined.
pub fn declined_count(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<i64> {
    p::proposals
        .filter(p::edition_id.eq(edition_id))
        .filter(p::state.eq(ProposalState::Declined))
        .count()
        .get_result(conn)
}

/// The waiting list in order.
pub fn waiting_list(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Proposal>> {
    p::proposals
        .filter(p::edition_id.eq(edition_id))
        .filter(p::waitlist_position.is_not_null())
        .filter(p::state.eq(ProposalState::Submitted))
        .order(p::waitlist_position.asc())
        .select(Proposal::as_select())
        .load(conn)
}

/// Whether the speakers were told the proposal's current state: the last decision mailed
/// is this one.
fn told(conn: &mut DbConn, proposal: &Proposal) -> QueryResult<bool> {
    let last_told: Option<String> = dm::decision_mails
        .filter(dm::proposal_id.eq(&proposal.id))
        .order(dm::created_at.desc())
        .select(dm::decision)
        .first(conn)
        .optional()?;
    Ok(last_told.as_deref() == Some(proposal.state.as_str()))
}

/// A decision its speakers have not been told yet.
pub struct Untold {
    pub proposal: Proposal,
    pub speakers: Vec<proposals::SpeakerSummary>,
}

/// Decided proposals whose speakers have not been told this decision. Proposals nobody has
/// claimed yet are left out: they are told once a speaker claims them.
pub fn untold(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Untold>> {
    let decided: Vec<Proposal> = p::proposals
        .filter(p::edition_id.eq(edition_id))
        .filter(p::state.eq_any([ProposalState::Accepted, ProposalState::Rejected]))
        .order(p::title.asc())
        .select(Proposal::as_select())
        .load(conn)?;
    let mut out = Vec::new();
    for proposal in decided {
        // Told once per decision.
        if told(conn, &proposal)? {
            continue;
        }
        let speakers = proposals::speakers(conn, &proposal.id)?;
        if !speakers.is_empty() {
            out.push(Untold { proposal, speakers });
        }
    }
    Ok(out)
}

/// Mails every decided proposal's speakers that have not been told this decision yet, with
/// the reviewers' notes for the speaker; accepted ones get a confirm/decline link. A
/// decision is mailed once, however often this runs. Returns how many proposals were told.
pub fn notify(conn: &mut DbConn, mailer: &Mailer, edition: &Edition) -> AppResult<usize> {
    let told = write_transaction(conn, |conn| -> AppResult<usize> {
        let mut told = 0;
        for Untold { proposal, speakers } in untold(conn, &edition.id)? {
            // What the speakers saw until now: the decision mailed before, if any.
            let before: Option<String> = dm::decision_mails
                .filter(dm::proposal_id.eq(&proposal.id))
                .filter(dm::decision.ne(&proposal.state))
                .order(dm::created_at.desc())
                .select(dm::decision)
                .first(conn)
                .optional()?;
            let seen = before.as_deref().and_then(ProposalState::parse);
            service::announce(
                conn,
                edition,
                (&proposal.id, &proposal.title),
                devday_shared::webhooks::EventType::ProposalStateChanged,
                (
                    Some(seen.unwrap_or(ProposalState::Submitted)),
                    proposal.state,
                ),
            )?;
            diesel::delete(
                dm::decision_mails
                    .filter(dm::proposal_id.eq(&proposal.id))
                    .filter(dm::decision.eq(&proposal.state)),
            )
            .execute(conn)?;
            diesel::insert_into(dm::decision_mails)
                .values((
                    dm::proposal_id.eq(&proposal.id),
                    dm::decision.eq(&proposal.state),
                    dm::created_at.eq(now()),
                ))
                .execute(conn)?;
            let notes: Vec<String> = rv::reviews
                .filter(rv::proposal_id.eq(&proposal.id))
                .filter(rv::speaker_note.ne(""))
                .select(rv::speaker_note)
                .load(conn)?;
            let respond_link = if proposal.state == ProposalState::Accepted {
                let token = crypto::random_token();
                diesel::insert_into(pr::proposal_responses)
                    .values((
                        pr::token_hash.eq(crypto::token_hash(&token)),
                        pr::proposal_id.eq(&proposal.id),
                        pr::created_at.eq(now()),
                    ))
                    .execute(conn)?;
                Some(mailer.link(&format!("/cfp/respond/{token}")))
            } else {
                None
            };
            let template = if respond_link.is_some() {
                "proposal_accepted"
            } else {
                "proposal_rejected"
            };
            for speaker in speakers {
                let locale = service::speaker_locale(conn, &speaker.user_id)?;
                let mut ctx = tera::Context::new();
                ctx.insert("name", &speaker.name);
                ctx.insert("title", &proposal.title);
                ctx.insert("edition", &edition.name);
                ctx.insert("notes", &notes);
                ctx.insert("link", &respond_link);
                let mail = mailer.compose(template, locale, &speaker.email, ctx)?;
                outbox::enqueue(conn, &mail)?;
            }
            told += 1;
        }
        Ok(told)
    })?;
    mailer.notify();
    Ok(told)
}

/// Records a decision as told without mailing (for imported or demo data).
pub fn mark_told(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    decision: ProposalState,
) -> QueryResult<()> {
    diesel::insert_into(dm::decision_mails)
        .values((
            dm::proposal_id.eq(proposal_id),
            dm::decision.eq(decision.as_str()),
            dm::created_at.eq(now()),
        ))
        .execute(conn)
        .map(drop)
}

/// The accepted proposal behind an unanswered confirm/decline link.
pub fn open_response(conn: &mut DbConn, token: &str) -> QueryResult<Option<Proposal>> {
    let proposal_id: Option<String> = pr::proposal_responses
        .filter(pr::token_hash.eq(crypto::token_hash(token)))
        .filter(pr::responded_at.is_null())
        .select(pr::proposal_id)
        .first(conn)
        .optional()?;
    match proposal_id {
        Some(id) => p::proposals
            .find(id)
            .select(Proposal::as_select())
            .first(conn)
            .optional()
            .map(|p| p.filter(|p| p.state == ProposalState::Accepted)),
        None => Ok(None),
    }
}

/// The speaker confirms (the proposal becomes a session for the timetable) or declines
/// (the waiting list's first proposal is then up for the organisers' attention), through
/// the link in the acceptance mail.
pub fn respond(conn: &mut DbConn, token: &str, confirm: bool) -> AppResult<Proposal> {
    write_transaction(conn, |conn| {
        let proposal = open_response(conn, token)?.ok_or(AppError::NotFound)?;
        let actor = proposals::speakers(conn, &proposal.id)?
            .into_iter()
            .next()
            .map(|s| s.user_id);
        answer(conn, &proposal, confirm, actor.as_deref())
    })
}

/// The same answer from a signed-in speaker of the proposal, on its page: for when the
/// mail went astray. Only while the mailed acceptance waits for an answer.
pub fn respond_as_speaker(
    conn: &mut DbConn,
    proposal: &Proposal,
    speaker_id: &UserId,
    confirm: bool,
) -> AppResult<Proposal> {
    write_transaction(conn, |conn| {
        answer(conn, proposal, confirm, Some(speaker_id))
    })
}

/// Confirms from the proposal's page with what the programme needs (biography, days,
/// streaming and recording), kept in the same transaction as the answer.
pub fn confirm_with(
    conn: &mut DbConn,
    edition: &devday_shared::editions::Edition,
    proposal: &Proposal,
    speaker_id: &UserId,
    checked: &crate::confirming::Checked,
) -> AppResult<Proposal> {
    write_transaction(conn, |conn| {
        crate::confirming::keep(conn, edition, proposal, speaker_id, checked)?;
        answer(conn, proposal, true, Some(speaker_id))
    })
}

/// Whether the speakers have been told of the acceptance and not answered yet.
pub fn awaits_answer(conn: &mut DbConn, proposal: &Proposal) -> QueryResult<bool> {
    if proposal.state != ProposalState::Accepted {
        return Ok(false);
    }
    let open: i64 = pr::proposal_responses
        .filter(pr::proposal_id.eq(&proposal.id))
        .filter(pr::responded_at.is_null())
        .count()
        .get_result(conn)?;
    Ok(open > 0)
}

/// Uses up every open answer link of the proposal and moves it to confirmed or declined.
fn answer(
    conn: &mut DbConn,
    proposal: &Proposal,
    confirm: bool,
    actor: Option<&str>,
) -> AppResult<Proposal> {
    let used = diesel::update(
        pr::proposal_responses
            .filter(pr::proposal_id.eq(&proposal.id))
            .filter(pr::responded_at.is_null()),
    )
    .set(pr::responded_at.eq(Some(now())))
    .execute(conn)?;
    if used == 0 {
        return Err(AppError::NotFound);
    }
    let to = if confirm {
        ProposalState::Confirmed
    } else {
        ProposalState::Declined
    };
    let changed = diesel::update(
        p::proposals
            .filter(p::id.eq(&proposal.id))
            .filter(p::state.eq(ProposalState::Accepted)),
    )
    .set((p::state.eq(to), p::updated_at.eq(now())))
    .execute(conn)?;
    if changed != 1 {
        return Err(AppError::Refused(
            devday_shared::Refusal::ProposalChangedMeanwhile,
        ));
    }
    service::record(
        conn,
        &proposal.id,
        actor,
        Some(ProposalState::Accepted),
        to,
        HistoryEvent::AnsweredBySpeaker.into(),
    )?;
    proposals::get(conn, &proposal.edition_id, &proposal.id)?.ok_or(AppError::NotFound)
}
