//! CSV exports of an edition's proposals and speakers.

use devday_db::DbConn;
use devday_shared::spreadsheet::{cell, UTF8_BOM};
use devday_shared::{AppError, AppResult};

use crate::proposals::list::{self, Filter};
use crate::speakers;

fn writer() -> csv::Writer<Vec<u8>> {
    csv::Writer::from_writer(UTF8_BOM.to_vec())
}

fn finish(w: csv::Writer<Vec<u8>>) -> AppResult<Vec<u8>> {
    w.into_inner()
        .map_err(|e| AppError::internal(anyhow::anyhow!("csv: {e}")))
}

fn row(w: &mut csv::Writer<Vec<u8>>, fields: &[&str]) -> AppResult<()> {
    w.write_record(fields.iter().map(|f| cell(f).into_owned()))
        .map_err(|e| AppError::internal(anyhow::anyhow!("csv: {e}")))
}

pub fn proposals(conn: &mut DbConn, edition_id: &str) -> AppResult<Vec<u8>> {
    let filter = Filter {
        per_page: 100_000,
        sort: "title".into(),
        ..Default::default()
    };
    let page = list::list(conn, edition_id, &filter)?;
    let mut w = writer();
    row(
        &mut w,
        &[
            "id",
            "title",
            "state",
            "session_type",
            "track",
            "language",
            "level",
            "speakers",
            "emails",
            "created_at",
        ],
    )?;
    for r in &page.rows {
        let names: Vec<&str> = r.speakers.iter().map(|s| s.name.as_str()).collect();
        let emails: Vec<&str> = r.speakers.iter().map(|s| s.email.as_str()).collect();
        let created = r.proposal.created_at.format("%Y-%m-%d %H:%M").to_string();
        row(
            &mut w,
            &[
                &r.proposal.id,
                &r.proposal.title,
                r.proposal.state.as_str(),
                &r.session_type,
                r.track.as_deref().unwrap_or_default(),
                &r.proposal.language,
                &r.proposal.level,
                &names.join("; "),
                &emails.join("; "),
                &created,
            ],
        )?;
    }
    finish(w)
}

pub fn speakers(conn: &mut DbConn, edition_id: &str) -> AppResult<Vec<u8>> {
    let mut w = writer();
    row(&mut w, &["name", "email", "company", "proposals", "titles"])?;
    for s in speakers::of_edition(conn, edition_id)? {
        row(
            &mut w,
            &[
                &s.name,
                &s.email,
                &s.company,
                &s.titles.len().to_string(),
                &s.titles.join("; "),
            ],
        )?;
    }
    finish(w)
}
