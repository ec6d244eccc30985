//! CSV exports of an edition's proposals and speakers, in the reader's language.

use devday_db::DbConn;
use devday_shared::editions::Edition;
use devday_shared::i18n::{I18n, Locale};
use devday_shared::spreadsheet::Table;
use devday_shared::vocabulary::EditionId;
use devday_shared::AppResult;

use crate::proposals::list::{self, Filter};
use crate::speakers;

pub fn proposals(
    conn: &mut DbConn,
    edition: &Edition,
    i18n: &I18n,
    locale: Locale,
) -> AppResult<Table> {
    let tr = |key: &str| i18n.tr(locale, key, &[]);
    let filter = Filter {
        per_page: 100_000,
        sort: "title".into(),
        ..Default::default()
    };
    let page = list::list(conn, &edition.id, &filter)?;
    let header = [
        "csv-id",
        "csv-title",
        "csv-state",
        "csv-session-type",
        "csv-track",
        "csv-language",
        "csv-level",
        "csv-speakers",
        "csv-emails",
        "csv-created-at",
    ];
    let mut table = Table::new(header.iter().map(|k| tr(k)).collect());
    for r in page.rows {
        let names: Vec<&str> = r.speakers.iter().map(|s| s.name.as_str()).collect();
        let emails: Vec<&str> = r.speakers.iter().map(|s| s.email.as_str()).collect();
        let (session_type, track) = match locale {
            Locale::De => (r.session_type_de, r.track_de),
            Locale::En => (r.session_type, r.track),
        };
        table.row(vec![
            r.proposal.id.into_string(),
            r.proposal.title,
            tr(&format!("state-{}", r.proposal.state)),
            session_type,
            track.unwrap_or_default(),
            tr(&format!("language-{}", r.proposal.language)),
            tr(&format!("level-{}", r.proposal.level)),
            names.join("; "),
            emails.join("; "),
            edition
                .local(r.proposal.created_at)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
        ]);
    }
    Ok(table)
}

pub fn speakers(
    conn: &mut DbConn,
    edition_id: &EditionId,
    i18n: &I18n,
    locale: Locale,
) -> AppResult<Table> {
    let header = [
        "csv-name",
        "csv-email",
        "csv-company",
        "csv-proposals",
        "csv-titles",
    ];
    let mut table = Table::new(header.iter().map(|k| i18n.tr(locale, k, &[])).collect());
    for s in speakers::of_edition(conn, edition_id)? {
        table.row(vec![
            s.name,
            s.email,
            s.company,
            s.titles.len().to_string(),
            s.titles.join("; "),
        ]);
    }
    Ok(table)
}
