//! The timetable's panel on the edition dashboard.

use devday_db::DbConn;
use devday_shared::editions::overview::{Label, Panel};
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::AppResult;

use crate::conflicts::{Kind, Severity};
use crate::release;

/// Confirmed sessions placed and not yet, conflicts, and changes the public has not seen.
pub fn panel(conn: &mut DbConn, edition: &Edition, _locale: Locale) -> AppResult<Option<Panel>> {
    let draft = release::draft(conn, &edition.id)?;
    if draft.sessions.is_empty() {
        return Ok(None);
    }
    let total = draft.sessions.len() as i64;
    let placed = draft
        .sessions
        .iter()
        .filter(|s| s.placement.is_some())
        .count() as i64;
    let latest = release::latest(conn, &edition.id)?;
    let unreleased = release::unreleased_changes(conn, &edition.id, &draft.sessions)? as i64;
    let too_small = draft
        .conflicts
        .iter()
        .filter(|c| c.kind == Kind::RoomTooSmall)
        .count() as i64;
    let hard = draft
        .conflicts
        .iter()
        .filter(|c| c.severity == Severity::Hard)
        .count() as i64;
    let editor = format!("/{}/manage/schedule", edition.slug);
    Ok(Some(
        Panel::new("schedule", editor.clone())
            .figure(Label::Key("dashboard-scheduled"), placed, Some(total))
            .figure(
                Label::Key("dashboard-released"),
                latest.as_ref().map_or(0, |r| i64::from(r.number)),
                None,
            )
            .bars(vec![(
                Label::Key("dashboard-scheduled"),
                placed,
                Some(total),
            )])
            .warn("dashboard-warn-unscheduled", total - placed, editor.clone())
            .warn("dashboard-warn-conflicts", hard, editor.clone())
            .warn("dashboard-warn-room-too-small", too_small, editor.clone())
            .warn(
                "dashboard-warn-unreleased",
                unreleased,
                format!("{editor}#release"),
            ),
    ))
}
