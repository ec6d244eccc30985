//! Tickets for the people the conference cannot do without: the speakers of confirmed
//! sessions and the team. Organisers issue them with one button; issuing again only adds
//! those who have no ticket yet, so it can be pressed after every late confirmation.

use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::UserId;
use std::collections::BTreeSet;

use devday_db::schema::users::dsl as u;
use devday_db::{write_transaction, DbConn};
use devday_shared::accounts::EmailAddress;
use devday_shared::editions::{roles, Edition};
use devday_shared::i18n::Locale;
use devday_shared::mail::Mailer;
use devday_shared::spreadsheet;
use devday_shared::AppResult;
use diesel::prelude::*;
use serde::Serialize;

use crate::register::{self, Admission, Outcome, RegistrationForm};

/// What issuing did.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Issued {
    /// New tickets, each mailed.
    pub issued: usize,
    /// Guests who were registered already (nothing sent).
    pub had_one: usize,
}

/// The people who come whatever the public demand: speakers of confirmed sessions and
/// the team, as (name, address, language), by name.
pub fn people(
    conn: &mut DbConn,
    edition_id: &EditionId,
) -> QueryResult<Vec<(String, String, String)>> {
    let mut ids: BTreeSet<UserId> = devday_cfp::speakers::of_confirmed_sessions(conn, edition_id)?
        .into_iter()
        .collect();
    ids.extend(
        roles::team(conn, edition_id)?
            .into_iter()
            .map(|t| t.user_id),
    );
    u::users
        .filter(u::id.eq_any(&ids))
        .order(u::display_name.asc())
        .select((u::display_name, u::email, u::locale))
        .load(conn)
}

/// Gives every confirmed speaker and team member of the edition a confirmed conference
/// ticket, all or nothing.
pub fn issue_to_speakers_and_team(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
) -> AppResult<Issued> {
    let people = people(conn, &edition.id)?;
    let done = write_transaction(conn, |conn| -> AppResult<Issued> {
        let mut done = Issued::default();
        for (name, email, locale) in &people {
            let form = RegistrationForm {
                name: name.clone(),
                email: email.clone(),
                consent: true,
                ..RegistrationForm::default()
            };
            let locale = Locale::parse(locale).unwrap_or_default();
            match register::admit(conn, mailer, edition, &form, locale, Admission::Guest)? {
                Outcome::Confirmed { .. } => done.issued += 1,
                Outcome::Held { .. } | Outcome::AlreadyRegistered | Outcome::Waitlisted { .. } => {
                    done.had_one += 1
                }
            }
        }
        Ok(done)
    })?;
    mailer.notify();
    Ok(done)
}

/// What an import row will do, or why it cannot.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case", tag = "result", content = "message")]
pub enum RowResult {
    /// Gets a ticket.
    New,
    /// Has an active registration already; left as it is.
    Registered,
    /// A message key: the row is wrong, and nothing is imported until it is fixed.
    Invalid(&'static str),
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportRow {
    /// The line in the pasted text or file, from 1.
    pub line: usize,
    pub name: String,
    pub email: String,
    pub company: String,
    #[serde(flatten)]
    pub result: RowResult,
}

impl ImportRow {
    pub fn is_invalid(&self) -> bool {
        matches!(self.result, RowResult::Invalid(_))
    }
}

/// Reads `name, email[, company]` rows: comma, semicolon (German spreadsheets) or tab
/// separated, an optional header row, blank lines skipped.
pub fn parse_rows(text: &str) -> Vec<ImportRow> {
    let mut rows = Vec::new();
    for (index, record) in spreadsheet::read(text).into_iter().enumerate() {
        // A header row ("name,email", "Name;E-Mail;Firma", …) is skipped.
        let second = record.cell(1).to_lowercase();
        if index == 0 && second.contains("mail") && !second.contains('@') {
            continue;
        }
        let (name, email, company) = (record.cell(0), record.cell(1), record.cell(2));
        let result = if record.cells.is_none() {
            RowResult::Invalid("import-row-unreadable")
        } else if record.has_nul() {
            RowResult::Invalid("import-row-nul")
        } else if record.len() > 3 {
            RowResult::Invalid("import-row-columns")
        } else if name.is_empty() {
            RowResult::Invalid("field-required")
        } else if name.chars().count() > 100 || company.chars().count() > 300 {
            RowResult::Invalid("field-too-long")
        } else {
            match EmailAddress::parse(email) {
                Ok(_) => RowResult::New,
                Err(e) => RowResult::Invalid(e.message_key()),
            }
        };
        rows.push(ImportRow {
            line: record.line,
            name: name.to_owned(),
            email: email.to_owned(),
            company: company.to_owned(),
            result,
        });
    }
    rows
}

/// The dry run: every row with what importing it would do. Writes nothing.
pub fn check_import(
    conn: &mut DbConn,
    edition_id: &EditionId,
    text: &str,
) -> AppResult<Vec<ImportRow>> {
    let mut rows = parse_rows(text);
    let mut seen = BTreeSet::new();
    for row in rows.iter_mut().filter(|r| !r.is_invalid()) {
        let email = EmailAddress::parse(&row.email)
            .map(|e| e.as_str().to_owned())
            .unwrap_or_default();
        if !seen.insert(email.clone()) {
            row.result = RowResult::Invalid("import-row-duplicate");
        } else if register::active_by_email(conn, edition_id, &email)?.is_some() {
            row.result = RowResult::Registered;
        }
    }
    Ok(rows)
}

/// Imports the rows as guests, all or nothing: if any row is invalid (checked again inside
/// the transaction), nothing is written and the report comes back as the error.
pub fn import(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    text: &str,
    locale: Locale,
) -> AppResult<Result<Issued, Vec<ImportRow>>> {
    let done = write_transaction(conn, |conn| -> AppResult<Result<Issued, Vec<ImportRow>>> {
        let rows = check_import(conn, &edition.id, text)?;
        if rows.is_empty() || rows.iter().any(ImportRow::is_invalid) {
            return Ok(Err(rows));
        }
        let mut done = Issued::default();
        for row in rows {
            if row.result == RowResult::Registered {
                done.had_one += 1;
                continue;
            }
            let form = RegistrationForm {
                name: row.name,
                email: row.email,
                company: row.company,
                consent: true,
                ..RegistrationForm::default()
            };
            register::admit(conn, mailer, edition, &form, locale, Admission::Guest)?;
            done.issued += 1;
        }
        Ok(Ok(done))
    })?;
    mailer.notify();
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_in_any_common_separator_with_an_optional_header() {
        let rows = parse_rows("\u{feff}Name;E-Mail;Company\nJörg Müller; jorg@example.org ;ACME\n\nAnn;ann@example.org\n");
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(
            (rows[0].name.as_str(), rows[0].email.as_str()),
            ("Jörg Müller", "jorg@example.org")
        );
        assert_eq!((rows[0].company.as_str(), rows[0].line), ("ACME", 2));
        assert!(rows.iter().all(|r| r.result == RowResult::New));
        let rows = parse_rows(
            "name,email\nJörg Müller,jorg@example.org,ACME, Inc.\n\"Ann, Dr.\",ann@example.org\n",
        );
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[0].result, RowResult::Invalid("import-row-columns"));
        assert_eq!((rows[1].name.as_str(), rows[1].line), ("Ann, Dr.", 3));
        assert_eq!(rows[1].result, RowResult::New);
        let rows = parse_rows("Ann\tann@example.org\tACME");
        assert_eq!(
            (rows[0].email.as_str(), rows[0].company.as_str()),
            ("ann@example.org", "ACME")
        );
    }

    #[test]
    fn a_utf16_file_reads_like_any_other() {
        let text = "Jörg\tj@example.org\r\nŁucja\tl@example.org";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let rows = parse_rows(&spreadsheet::decode(&le));
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| !r.is_invalid()), "{rows:?}");
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let rows = parse_rows("Ann,not-an-address\n,bob@example.org\nCarl,carl@example.org");
        let results: Vec<(usize, bool)> = rows.iter().map(|r| (r.line, r.is_invalid())).collect();
        assert_eq!(results, vec![(1, true), (2, true), (3, false)]);
        assert_eq!(rows[1].result, RowResult::Invalid("field-required"));
    }
}
