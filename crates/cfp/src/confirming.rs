//! Confirming an accepted proposal asks, on the same page, for what the programme needs:
//! the speaker's biography, the conference days they can speak on, and whether the session
//! may be streamed live and recorded. One transaction keeps all of it with the answer, or
//! nothing.

use chrono::{Days, NaiveDate};
use devday_db::schema::proposals::dsl as p;
use devday_db::{write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::vocabulary::ProposalId;
use devday_shared::vocabulary::UserId;
use devday_shared::{AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{Note, Proposal};
use crate::profiles;
use crate::time::parse_local;

/// A conference day and whether the speaker can speak on it.
#[derive(Debug, Clone, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    pub available: bool,
}

/// What the confirm form shows: the speaker's answers so far.
#[derive(Debug, Clone, Serialize)]
pub struct Needs {
    pub biography_md: String,
    pub has_photo: bool,
    pub days: Vec<Day>,
    /// `None`: not asked yet (the boxes start ticked: most sessions are streamed and kept).
    pub may_stream: Option<bool>,
    pub may_record: Option<bool>,
    /// What recordings are published under (the CfP settings); empty: none stated.
    pub recording_license: String,
}

fn conference_days(edition: &Edition) -> impl Iterator<Item = NaiveDate> + '_ {
    edition
        .starts_on
        .iter_days()
        .take_while(move |d| *d <= edition.ends_on)
}

/// The days on which the speaker has said they can speak: every day when they have given
/// no times at all.
fn available_days(
    conn: &mut DbConn,
    edition: &Edition,
    user_id: &UserId,
) -> QueryResult<Vec<NaiveDate>> {
    let windows = profiles::availability(conn, user_id, &edition.id)?;
    let days = conference_days(edition)
        .filter(|d| {
            windows.is_empty()
                || windows.iter().any(|w| {
                    let (from, to) = (edition.local(w.starts_at), edition.local(w.ends_at));
                    from.date_naive() <= *d && *d <= to.date_naive()
                })
        })
        .collect();
    Ok(days)
}

pub fn needs(
    conn: &mut DbConn,
    edition: &Edition,
    proposal: &Proposal,
    user_id: &UserId,
) -> QueryResult<Needs> {
    let profile = profiles::get(conn, user_id)?;
    let available = available_days(conn, edition, user_id)?;
    let (may_stream, may_record) = consent(conn, &proposal.id)?;
    let recording_license = crate::settings::settings(conn, &edition.id)?.recording_license;
    Ok(Needs {
        biography_md: profile.biography_md,
        has_photo: profile.has_photo,
        days: conference_days(edition)
            .map(|date| Day {
                date,
                available: available.contains(&date),
            })
            .collect(),
        may_stream,
        may_record,
        recording_license,
    })
}

/// Whether the session may be streamed and recorded: (stream, record), `None` not asked.
pub fn consent(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
) -> QueryResult<(Option<bool>, Option<bool>)> {
    p::proposals
        .find(proposal_id)
        .select((p::may_stream, p::may_record))
        .first(conn)
}

/// The answers sent with "Confirm".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ConfirmForm {
    /// confirm or decline
    pub answer: String,
    /// Set by the form that asks for what follows; a bare "confirm" (an older page, a
    /// script) leaves biography, days and consent as they were.
    pub asked: bool,
    pub biography_md: String,
    /// The conference days (YYYY-MM-DD) the speaker can speak on.
    pub days: Vec<String>,
    pub may_stream: bool,
    pub may_record: bool,
}

/// What a checked form asks to store.
pub struct Checked {
    biography_md: String,
    days: Vec<NaiveDate>,
    may_stream: bool,
    may_record: bool,
}

impl ConfirmForm {
    /// A biography within bounds and at least one conference day; errors beside the fields.
    pub fn check(&self, edition: &Edition) -> AppResult<Checked> {
        let mut errors = FieldErrors::new();
        let biography_md = self.biography_md.trim().to_owned();
        if biography_md.chars().count() > 5_000 {
            errors.add("biography_md", "field-too-long");
        }
        let mut days: Vec<NaiveDate> = Vec::new();
        for text in &self.days {
            match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
                Ok(d) if d >= edition.starts_on && d <= edition.ends_on => days.push(d),
                _ => errors.add("days", "availability-day-invalid"),
            }
        }
        days.sort();
        days.dedup();
        if days.is_empty() && !errors.contains("days") {
            errors.add("days", "confirm-days-needed");
        }
        errors.into_result()?;
        Ok(Checked {
            biography_md,
            days,
            may_stream: self.may_stream,
            may_record: self.may_record,
        })
    }
}

/// Keeps what the speaker said (biography, days, consent) in the caller's transaction:
/// days left as they were keep the speaker's finer windows; a changed choice replaces them
/// with whole days (every day ticked: no windows, available throughout).
pub fn keep(
    conn: &mut DbConn,
    edition: &Edition,
    proposal: &Proposal,
    user_id: &UserId,
    checked: &Checked,
) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        profiles::set_biography(conn, user_id, &checked.biography_md)?;
        if available_days(conn, edition, user_id)? != checked.days {
            profiles::clear_windows(conn, user_id, &edition.id)?;
            let every_day = conference_days(edition).count() == checked.days.len();
            for day in checked.days.iter().filter(|_| !every_day) {
                let start = parse_local(edition, &format!("{day}T00:00"));
                let end = day
                    .checked_add_days(Days::new(1))
                    .and_then(|next| parse_local(edition, &format!("{next}T00:00")));
                if let (Some(starts_at), Some(ends_at)) = (start, end) {
                    profiles::insert_window(conn, user_id, &edition.id, starts_at, ends_at)?;
                }
            }
        }
        set_consent(conn, &proposal.id, checked.may_stream, checked.may_record)
    })
}

/// The organisers change the answer (the speaker told them otherwise), with the reason in
/// the proposal's history.
pub fn change_consent(
    conn: &mut DbConn,
    proposal: &Proposal,
    actor_id: &UserId,
    may_stream: bool,
    may_record: bool,
    note: &str,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        set_consent(conn, &proposal.id, may_stream, may_record)?;
        let state = proposal.state;
        crate::proposals::service::record(
            conn,
            &proposal.id,
            Some(actor_id),
            Some(state),
            state,
            Note::Said(note),
        )?;
        Ok(())
    })
}

/// Records whether the session may be streamed and recorded.
pub fn set_consent(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    may_stream: bool,
    may_record: bool,
) -> QueryResult<()> {
    diesel::update(p::proposals.find(proposal_id))
        .set((
            p::may_stream.eq(Some(may_stream)),
            p::may_record.eq(Some(may_record)),
        ))
        .execute(conn)
        .map(drop)
}
