//! Links to the recordings, added by organisers after the event (one by one, or as a list
//! from the video team) and shown on the public session pages and the edition's recordings
//! page without a new release.

use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::ProposalId;
use std::collections::HashMap;

use devday_db::schema::{proposals::dsl as p, recordings::dsl as rec};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::spreadsheet::{self, Record};
use devday_shared::{AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::Serialize;

/// Recording links of the edition by session (proposal id).
pub fn of_edition(
    conn: &mut DbConn,
    edition_id: &EditionId,
) -> QueryResult<HashMap<String, String>> {
    Ok(rec::recordings
        .filter(rec::edition_id.eq(edition_id))
        .select((rec::proposal_id, rec::url))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// Sets (or with an empty `url`, removes) a session's recording link.
pub fn set(
    conn: &mut DbConn,
    edition_id: &EditionId,
    proposal_id: &ProposalId,
    url: &str,
) -> AppResult<()> {
    let url = checked_link(conn, edition_id, proposal_id, url, "url")?;
    // A corrected link is no news: whoever was told of the recording stays told.
    let told: Option<Option<chrono::NaiveDateTime>> = rec::recordings
        .find(proposal_id)
        .select(rec::notified_at)
        .first(conn)
        .optional()?;
    diesel::delete(rec::recordings.find(proposal_id)).execute(conn)?;
    if !url.is_empty() {
        diesel::insert_into(rec::recordings)
            .values((
                rec::proposal_id.eq(proposal_id),
                rec::edition_id.eq(edition_id),
                rec::url.eq(url),
                rec::updated_at.eq(now()),
                rec::notified_at.eq(told.flatten()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// A recording link as the pages show it: https, and short enough for a page.
/// A session's link (recording, own stream) as given: trimmed, https, the session one of
/// the edition's; empty means no link. The field error is reported under `field`.
pub(crate) fn checked_link<'a>(
    conn: &mut DbConn,
    edition_id: &EditionId,
    proposal_id: &ProposalId,
    url: &'a str,
    field: &str,
) -> AppResult<&'a str> {
    let url = url.trim();
    if !(url.is_empty() || link_is_valid(url)) {
        let mut errors = FieldErrors::new();
        errors.add(field, "schedule-url-https");
        return Err(AppError::Invalid(errors));
    }
    let in_edition: i64 = p::proposals
        .filter(p::id.eq(proposal_id))
        .filter(p::edition_id.eq(edition_id))
        .count()
        .get_result(conn)?;
    if in_edition == 0 {
        return Err(AppError::NotFound);
    }
    Ok(url)
}

fn link_is_valid(url: &str) -> bool {
    url.starts_with("https://") && url.len() > "https://".len() && url.len() <= 500
}

/// A released session a list can name: by its id, or by its title.
#[derive(Debug, Clone)]
pub struct Released {
    pub guid: String,
    pub title: String,
}

/// What an import row will do, or why it cannot.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case", tag = "result", content = "message")]
pub enum RowResult {
    /// The session gets its first link.
    New,
    /// The session's link is replaced (the old one is in `was`).
    Changed,
    /// The session has this link already.
    Same,
    /// A message key: the row is wrong, and nothing is imported until it is fixed.
    Invalid(&'static str),
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportRow {
    /// The line in the pasted text or file, from 1.
    pub line: usize,
    /// The session as the row names it (id or title).
    pub session: String,
    /// The released session's title the row matched; empty when none.
    pub title: String,
    pub url: String,
    /// The link the session had before.
    pub was: String,
    #[serde(flatten)]
    pub result: RowResult,
    /// The session the row names, once found.
    #[serde(skip)]
    pub guid: Option<ProposalId>,
}

impl ImportRow {
    pub fn is_invalid(&self) -> bool {
        matches!(self.result, RowResult::Invalid(_))
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    pub new: usize,
    pub changed: usize,
    pub same: usize,
}

/// A title as people retype it: case and runs of spaces do not matter.
fn loose(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The session a row names: its id, else its title; a message key when none or several.
fn matching<'a>(sessions: &'a [Released], named: &str) -> Result<&'a Released, &'static str> {
    if let Some(s) = sessions.iter().find(|s| s.guid == named) {
        return Ok(s);
    }
    let wanted = loose(named);
    let mut by_title = sessions.iter().filter(|s| loose(&s.title) == wanted);
    match (by_title.next(), by_title.next()) {
        (Some(s), None) => Ok(s),
        (Some(_), Some(_)) => Err("recordings-import-ambiguous"),
        (None, _) => Err("recordings-import-unknown"),
    }
}

/// One row on its own: the session it names and the link, or why it cannot be read.
fn read_row(record: &Record, sessions: &[Released]) -> ImportRow {
    let (named, url) = (record.cell(0), record.cell(1));
    let found = matching(sessions, named);
    let result = if record.cells.is_none() {
        RowResult::Invalid("import-row-unreadable")
    } else if record.has_nul() {
        RowResult::Invalid("import-row-nul")
    } else if record.len() > 2 {
        RowResult::Invalid("recordings-import-columns")
    } else if named.is_empty() {
        RowResult::Invalid("field-required")
    } else if record.len() == 1 {
        RowResult::Invalid("recordings-import-no-link")
    } else if !link_is_valid(url) {
        RowResult::Invalid("schedule-url-https")
    } else {
        found.map_or_else(RowResult::Invalid, |_| RowResult::New)
    };
    ImportRow {
        line: record.line,
        session: named.to_owned(),
        title: found.map(|s| s.title.clone()).unwrap_or_default(),
        url: url.to_owned(),
        was: String::new(),
        result,
        guid: found.ok().map(|s| ProposalId::from(s.guid.as_str())),
    }
}

/// The dry run: every row of `session, url` (the session by id or title; comma, semicolon
/// or tab separated; an optional header row) with what importing it would do, against the
/// released `sessions` and the links they have. Writes nothing.
pub fn check_import(
    conn: &mut DbConn,
    edition_id: &EditionId,
    sessions: &[Released],
    text: &str,
) -> QueryResult<Vec<ImportRow>> {
    let links = of_edition(conn, edition_id)?;
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::new();
    for (index, record) in spreadsheet::read(text).iter().enumerate() {
        // A header row ("session,url", "Titel;Link", …) is skipped.
        let second = record.cell(1).to_lowercase();
        let header = ["url", "link", "video", "recording", "aufzeichnung"]
            .iter()
            .any(|h| second.contains(h));
        if index == 0 && header && !second.starts_with("https://") && second.len() < 20 {
            continue;
        }
        let mut row = read_row(record, sessions);
        if let Some(guid) = row.guid.clone().filter(|_| !row.is_invalid()) {
            row.was = links.get(guid.as_str()).cloned().unwrap_or_default();
            row.result = if !seen.insert(guid) {
                RowResult::Invalid("recordings-import-duplicate")
            } else if row.was.is_empty() {
                RowResult::New
            } else if row.was == row.url {
                RowResult::Same
            } else {
                RowResult::Changed
            };
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Sets the links of a list, all or nothing: if any row is invalid (checked again inside the
/// transaction), nothing is written and the report comes back as the error.
pub fn import(
    conn: &mut DbConn,
    edition_id: &EditionId,
    sessions: &[Released],
    text: &str,
) -> AppResult<Result<Imported, Vec<ImportRow>>> {
    write_transaction(conn, |conn| {
        let rows = check_import(conn, edition_id, sessions, text)?;
        if rows.is_empty() || rows.iter().any(ImportRow::is_invalid) {
            return Ok(Err(rows));
        }
        let mut done = Imported::default();
        for row in rows {
            match row.result {
                RowResult::New => done.new += 1,
                RowResult::Changed => done.changed += 1,
                RowResult::Same | RowResult::Invalid(_) => {
                    done.same += 1;
                    continue;
                }
            }
            let guid = row.guid.as_ref().ok_or(AppError::NotFound)?;
            set(conn, edition_id, guid, &row.url)?;
        }
        Ok(Ok(done))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sessions() -> Vec<Released> {
        [
            ("a1", "Typed states"),
            ("b2", "Zustände als Typen"),
            ("c3", "Q&A"),
            ("d4", "Q&A"),
        ]
        .map(|(guid, title)| Released {
            guid: guid.into(),
            title: title.into(),
        })
        .to_vec()
    }

    fn result(text: &str) -> RowResult {
        let records = spreadsheet::read(text);
        read_row(&records[0], &sessions()).result
    }

    #[test]
    fn a_row_names_its_session_by_id_or_by_title_as_people_retype_it() {
        let s = sessions();
        assert_eq!(
            matching(&s, "b2").map(|s| s.title.as_str()),
            Ok("Zustände als Typen")
        );
        assert_eq!(
            matching(&s, "  typed   STATES ").map(|s| s.guid.as_str()),
            Ok("a1")
        );
        assert_eq!(
            matching(&s, "q&a").map(|s| s.guid.as_str()),
            Err("recordings-import-ambiguous")
        );
        assert_eq!(
            matching(&s, "Macros").map(|s| s.guid.as_str()),
            Err("recordings-import-unknown")
        );
    }

    #[test]
    fn a_row_needs_a_session_and_an_https_link_in_two_columns() {
        assert_eq!(result("Typed states;https://v.example/1"), RowResult::New);
        assert_eq!(
            result("Typed states,http://v.example/1"),
            RowResult::Invalid("schedule-url-https")
        );
        assert_eq!(
            result("Typed states,https://"),
            RowResult::Invalid("schedule-url-https")
        );
        assert_eq!(
            result(",https://v.example/1"),
            RowResult::Invalid("field-required")
        );
        assert_eq!(
            result("Typed states"),
            RowResult::Invalid("recordings-import-no-link")
        );
        assert_eq!(
            result("Typed states,https://v.example/1,extra"),
            RowResult::Invalid("recordings-import-columns")
        );
        assert_eq!(
            result("Macros\thttps://v.example/1"),
            RowResult::Invalid("recordings-import-unknown")
        );
    }
}
