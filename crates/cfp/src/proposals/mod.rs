//! Proposals: their speakers, answers and history, and the rules for changing them.

pub mod form;
pub mod list;
pub mod service;

use crate::model::ProposalState;
use chrono::NaiveDateTime;
use devday_db::schema::{
    cfp_answers::dsl as ans, cfp_questions::dsl as q, proposal_history::dsl as h,
    proposal_speakers::dsl as ps, proposals::dsl as p, users::dsl as u,
};
use devday_db::DbConn;
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::ProposalId;
use devday_shared::vocabulary::UserId;
use diesel::prelude::*;
use serde::Serialize;

pub use crate::model::SpeakerSummary;
use crate::model::{HistoryEntry, HistoryEvent, Proposal, Question};

pub fn get(
    conn: &mut DbConn,
    edition_id: &EditionId,
    id: &ProposalId,
) -> QueryResult<Option<Proposal>> {
    p::proposals
        .filter(p::id.eq(id))
        .filter(p::edition_id.eq(edition_id))
        .select(Proposal::as_select())
        .first(conn)
        .optional()
}

pub fn speakers(conn: &mut DbConn, proposal_id: &ProposalId) -> QueryResult<Vec<SpeakerSummary>> {
    let rows: Vec<(UserId, String, String)> = ps::proposal_speakers
        .inner_join(u::users)
        .filter(ps::proposal_id.eq(proposal_id))
        .order(ps::position.asc())
        .select((u::id, u::display_name, u::email))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user_id, name, email)| SpeakerSummary {
            user_id,
            name,
            email,
        })
        .collect())
}

pub fn is_speaker(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    user_id: &UserId,
) -> QueryResult<bool> {
    let n: i64 = ps::proposal_speakers
        .filter(ps::proposal_id.eq(proposal_id))
        .filter(ps::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Proposals the user speaks in that count against the per-speaker limit: everything but
/// drafts and what was withdrawn or cancelled.
pub fn active_count(
    conn: &mut DbConn,
    edition_id: &EditionId,
    user_id: &UserId,
) -> QueryResult<i64> {
    ps::proposal_speakers
        .inner_join(p::proposals)
        .filter(ps::user_id.eq(user_id))
        .filter(p::edition_id.eq(edition_id))
        .filter(p::state.ne_all([
            ProposalState::Draft,
            ProposalState::Withdrawn,
            ProposalState::Cancelled,
        ]))
        .count()
        .get_result(conn)
}

/// Every proposal of a person, across editions, newest first, with the state as speakers
/// see it (a decision only once it has been mailed).
pub fn of_speaker(conn: &mut DbConn, user_id: &UserId) -> QueryResult<Vec<Proposal>> {
    let mut list: Vec<Proposal> = ps::proposal_speakers
        .inner_join(p::proposals)
        .filter(ps::user_id.eq(user_id))
        .order(p::created_at.desc())
        .select(Proposal::as_select())
        .load(conn)?;
    for proposal in &mut list {
        proposal.state = crate::review::decide::state_for_speakers(conn, proposal)?;
    }
    Ok(list)
}

/// A stored answer with its question.
#[derive(Debug, Clone)]
pub struct Answer {
    pub question: Question,
    /// Whose answer to a speaker question this is; `None` for proposal questions.
    pub user_id: Option<UserId>,
    /// As stored: a choice's value, several joined by newlines.
    pub value: String,
}

impl Answer {
    /// The question and the answer in the reader's language.
    pub fn shown(&self, locale: Locale) -> AnswerView {
        AnswerView {
            label: self.question.label(locale).to_owned(),
            kind: self.question.kind,
            value: self.question.say_answer(&self.value, locale),
        }
    }
}

/// Answers as a page in `locale` shows them.
pub fn shown(answers: &[Answer], locale: Locale) -> Vec<AnswerView> {
    answers.iter().map(|a| a.shown(locale)).collect()
}

/// An answer as a page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerView {
    pub label: String,
    /// Pages say a yes/no answer in their own words.
    pub kind: crate::model::QuestionKind,
    pub value: String,
}

/// Answers to proposal questions, and the speakers' answers to speaker questions, in the
/// questions' order.
pub fn answers(
    conn: &mut DbConn,
    proposal: &Proposal,
    speaker_ids: &[UserId],
) -> QueryResult<Vec<Answer>> {
    let rows: Vec<(Question, String, Option<UserId>)> = ans::cfp_answers
        .inner_join(q::cfp_questions)
        .filter(
            ans::proposal_id.eq(&proposal.id).or(ans::user_id
                .eq_any(speaker_ids)
                .and(q::edition_id.eq(&proposal.edition_id))),
        )
        .order(q::position.asc())
        .select((Question::as_select(), ans::value, ans::user_id))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(question, value, user_id)| Answer {
            question,
            user_id,
            value,
        })
        .collect())
}

/// The stored answers of one proposal (and its submitter's speaker answers) by question id,
/// to fill the form again.
pub fn answer_map(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    user_id: &UserId,
    edition_id: &EditionId,
) -> QueryResult<Vec<(String, String)>> {
    ans::cfp_answers
        .inner_join(q::cfp_questions)
        .filter(
            ans::proposal_id
                .eq(proposal_id)
                .or(ans::user_id.eq(user_id).and(q::edition_id.eq(edition_id))),
        )
        .select((ans::question_id, ans::value))
        .load(conn)
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryView {
    pub at: NaiveDateTime,
    pub actor: Option<String>,
    pub from_state: Option<ProposalState>,
    pub to_state: ProposalState,
    /// What happened, where devday named it (said in the reader's language).
    pub event: Option<HistoryEvent>,
    /// The organisers' own words, where they gave a reason.
    pub note: String,
}

pub fn history(conn: &mut DbConn, proposal_id: &ProposalId) -> QueryResult<Vec<HistoryView>> {
    let rows: Vec<(HistoryEntry, Option<String>)> = h::proposal_history
        .left_join(u::users.on(h::actor_id.eq(u::id.nullable())))
        .filter(h::proposal_id.eq(proposal_id))
        .order(h::at.asc())
        .select((HistoryEntry::as_select(), u::display_name.nullable()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(entry, actor)| HistoryView {
            at: entry.at,
            actor,
            from_state: entry.from_state,
            to_state: entry.to_state,
            event: HistoryEvent::parse(&entry.note),
            note: entry.note,
        })
        .collect())
}
