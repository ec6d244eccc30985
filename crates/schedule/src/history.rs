//! What was changed on the draft timetable, so the editor can undo the last action.
//! Every write to `placements` goes through `draft::place` or `draft::unplace`, which
//! record here the placement they replaced. One organiser action is one [`Batch`]: undo
//! takes back a whole batch (the optimiser's accepted proposal with all its moves), newest
//! first, and only if nobody has changed those sessions since.

use chrono::NaiveDateTime;
use devday_db::schema::{
    placement_changes::dsl as pc, placements::dsl as pl, proposals::dsl as p, rooms::dsl as r,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::vocabulary::EditionId;
use devday_shared::{AppError, AppResult, Refusal};
use diesel::prelude::*;
use serde::Serialize;

use crate::model::Placement;

/// One organiser action on the draft; its changes are undone together.
#[derive(Debug)]
pub struct Batch {
    id: String,
    by: Option<String>,
    steps: std::cell::Cell<i32>,
}

impl Batch {
    /// A new action by `by` (`None`: devday itself, as the demo).
    pub fn new(by: Option<&str>) -> Self {
        Batch {
            id: uuid::Uuid::new_v4().to_string(),
            by: by.map(str::to_owned),
            steps: std::cell::Cell::new(0),
        }
    }
}

/// Records that `proposal_id`'s placement `before` (`None`: not on the grid) was replaced
/// by version `after_version` (0: taken off the grid). Called inside the write.
pub(crate) fn record(
    conn: &mut DbConn,
    batch: &Batch,
    edition_id: &EditionId,
    proposal_id: &str,
    before: Option<&Placement>,
    after_version: i32,
) -> QueryResult<()> {
    let step = batch.steps.get();
    batch.steps.set(step + 1);
    diesel::insert_into(pc::placement_changes)
        .values((
            pc::id.eq(uuid::Uuid::new_v4().to_string()),
            pc::edition_id.eq(edition_id),
            pc::batch.eq(&batch.id),
            pc::step.eq(step),
            pc::proposal_id.eq(proposal_id),
            pc::before_room_id.eq(before.and_then(|b| b.room_id.clone())),
            pc::before_starts_at.eq(before.map(|b| b.starts_at)),
            pc::before_duration_minutes.eq(before.map(|b| b.duration_minutes)),
            pc::before_pinned.eq(before.is_some_and(|b| b.pinned)),
            pc::before_version.eq(before.map_or(0, |b| b.version)),
            pc::after_version.eq(after_version),
            pc::changed_by.eq(&batch.by),
            pc::changed_at.eq(now()),
        ))
        .execute(conn)
        .map(drop)
}

/// What an undo would take back, as the editor's button names it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LastAction {
    /// The first session the action changed.
    pub title: String,
    /// How many sessions it changed.
    pub sessions: usize,
    pub kind: ActionKind,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// Put on the grid from the unscheduled list.
    Placed,
    Moved,
    /// Taken off the grid.
    Unplaced,
    /// Several sessions at once (the optimiser).
    Several,
}

type ChangeRow = (
    String,
    String,
    Option<String>,
    Option<NaiveDateTime>,
    Option<i32>,
    bool,
    i32,
    i32,
);

/// The newest batch not yet undone, newest change first.
fn last_batch(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<(String, ChangeRow)>> {
    let Some(batch) = pc::placement_changes
        .filter(pc::edition_id.eq(edition_id))
        .filter(pc::undone.eq(false))
        .order((pc::changed_at.desc(), pc::step.desc()))
        .select(pc::batch)
        .first::<String>(conn)
        .optional()?
    else {
        return Ok(Vec::new());
    };
    pc::placement_changes
        .inner_join(p::proposals)
        .filter(pc::batch.eq(&batch))
        .order(pc::step.desc())
        .select((
            p::title,
            (
                pc::id,
                pc::proposal_id,
                pc::before_room_id,
                pc::before_starts_at,
                pc::before_duration_minutes,
                pc::before_pinned,
                pc::before_version,
                pc::after_version,
            ),
        ))
        .load(conn)
}

/// The action an undo would take back, if any.
pub fn last(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Option<LastAction>> {
    let changes = last_batch(conn, edition_id)?;
    let Some((title, first)) = changes.last() else {
        return Ok(None);
    };
    let mut sessions: Vec<&str> = changes.iter().map(|(_, c)| c.1.as_str()).collect();
    sessions.sort_unstable();
    sessions.dedup();
    let kind = match (sessions.len(), first.3.is_some(), first.7) {
        (n, _, _) if n > 1 => ActionKind::Several,
        (_, _, 0) => ActionKind::Unplaced,
        (_, false, _) => ActionKind::Placed,
        (_, true, _) => ActionKind::Moved,
    };
    Ok(Some(LastAction {
        title: title.clone(),
        sessions: sessions.len(),
        kind,
    }))
}

/// Takes back the last action: every session it changed returns to where it was. Refused
/// when one of them has changed since (someone else moved it), when a room it sat in is
/// gone, or when there is nothing to undo.
pub fn undo(conn: &mut DbConn, edition_id: &EditionId) -> AppResult<LastAction> {
    write_transaction(conn, |conn| {
        let action = last(conn, edition_id)?.ok_or(AppError::Refused(Refusal::NothingToUndo))?;
        for (_, (id, proposal, room, starts, minutes, pinned, before_version, after_version)) in
            last_batch(conn, edition_id)?
        {
            let current: i32 = pl::placements
                .find(&proposal)
                .select(pl::version)
                .first(conn)
                .optional()?
                .unwrap_or(0);
            if current != after_version {
                return Err(AppError::Refused(Refusal::TimetableChangedMeanwhile));
            }
            diesel::delete(pl::placements.find(&proposal)).execute(conn)?;
            if let (Some(starts), Some(minutes)) = (starts, minutes) {
                if let Some(room) = &room {
                    let exists: i64 = r::rooms.filter(r::id.eq(room)).count().get_result(conn)?;
                    if exists == 0 {
                        return Err(AppError::Refused(Refusal::TimetableChangedMeanwhile));
                    }
                }
                diesel::insert_into(pl::placements)
                    .values((
                        pl::proposal_id.eq(&proposal),
                        pl::edition_id.eq(edition_id),
                        pl::room_id.eq(&room),
                        pl::starts_at.eq(starts),
                        pl::duration_minutes.eq(minutes),
                        // The state before the change, with its version: a page that shows it
                        // is up to date again, one that shows the undone change is not; and
                        // the batch before this one finds the version it left.
                        pl::version.eq(before_version),
                        pl::updated_at.eq(now()),
                        pl::pinned.eq(pinned),
                    ))
                    .execute(conn)?;
            }
            diesel::update(pc::placement_changes.find(&id))
                .set(pc::undone.eq(true))
                .execute(conn)?;
        }
        Ok(action)
    })
}
