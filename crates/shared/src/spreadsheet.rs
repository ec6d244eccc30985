//! CSV for people who open it in LibreOffice or Excel.

use std::borrow::Cow;

/// A cell that a spreadsheet would run as a formula (=, +, -, @, or a leading tab or
/// carriage return) gets an apostrophe in front, so an exported name like
/// `=HYPERLINK(...)` stays text.
pub fn cell(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

/// The byte-order mark that makes Excel read a CSV file as UTF-8.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A table for a spreadsheet: a header in the reader's language, then the rows. As CSV it
/// is UTF-8 with its byte-order mark, every cell quoted and neutralised.
#[derive(Debug, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: Vec<String>) -> Self {
        Table {
            header,
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn extend(&mut self, rows: impl IntoIterator<Item = Vec<String>>) {
        self.rows.extend(rows);
    }

    pub fn csv(&self) -> Vec<u8> {
        let quoted = |v: &str| format!("\"{}\"", cell(v).replace('"', "\"\""));
        let line = |cells: &[String]| {
            let mut line = cells
                .iter()
                .map(|v| quoted(v))
                .collect::<Vec<_>>()
                .join(",");
            line.push_str("\r\n");
            line
        };
        let mut out = String::from_utf8_lossy(UTF8_BOM).into_owned();
        out.push_str(&line(&self.header));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out.into_bytes()
    }

    /// The table as a CSV file to download.
    pub fn download(&self, filename: &str) -> actix_web::HttpResponse {
        actix_web::HttpResponse::Ok()
            .insert_header(("Content-Type", "text/csv; charset=utf-8"))
            .insert_header((
                "Content-Disposition",
                format!("attachment; filename=\"{filename}\""),
            ))
            .body(self.csv())
    }
}

#[cfg(test)]
mod tests {
    use super::{cell, Table};

    #[test]
    fn a_table_is_quoted_neutralised_csv_with_a_byte_order_mark() {
        let mut table = Table::new(vec!["Name".into(), "E-Mail".into()]);
        table.row(vec!["Ada \"the first\"".into(), "=cmd".into()]);
        let csv = String::from_utf8(table.csv()).unwrap_or_default();
        assert_eq!(
            csv,
            "\u{feff}\"Name\",\"E-Mail\"\r\n\"Ada \"\"the first\"\"\",\"'=cmd\"\r\n"
        );
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("+49 351"), "'+49 351");
        assert_eq!(cell("Ada Lovelace"), "Ada Lovelace");
        assert_eq!(cell(""), "");
    }
}
