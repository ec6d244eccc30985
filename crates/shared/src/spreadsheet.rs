//! CSV for people who open it in LibreOffice or Excel, and CSV they saved there and give
//! back (guest lists, recording links).

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

/// The largest list read from a pasted text or a file (about 1,000 rows): its text goes
/// back into the page for the dry run, and forms take 64 KiB.
pub const IMPORT_MAX_BYTES: usize = 60 * 1024;

/// A file's text: UTF-16 with its byte-order mark (Excel's "Unicode text"), UTF-8 (with or
/// without one) or, failing that, Latin-1 as older spreadsheet programs save "CSV".
pub fn decode(bytes: &[u8]) -> String {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let pairs = rest.chunks_exact(2);
        // A stray last byte is a cut-off file: marked, not silently dropped.
        let cut = (!pairs.remainder().is_empty()).then_some(char::REPLACEMENT_CHARACTER);
        let units: Vec<u16> = pairs.map(|pair| unit([pair[0], pair[1]])).collect();
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .chain(cut)
            .collect::<String>()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, u16::from_be_bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').to_owned(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// One line of a list read back: its number in the text (from 1) and its trimmed cells,
/// or `None` where the line could not be read as CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub cells: Option<Vec<String>>,
}

impl Record {
    /// The cell at `i`, empty when the row is shorter or unreadable.
    pub fn cell(&self, i: usize) -> &str {
        self.cells
            .as_ref()
            .and_then(|c| c.get(i))
            .map_or("", String::as_str)
    }

    /// A NUL character anywhere: PostgreSQL cannot store it, and a UTF-16 file without its
    /// byte-order mark is the usual source.
    pub fn has_nul(&self) -> bool {
        self.cells.iter().flatten().any(|cell| cell.contains('\0'))
    }

    pub fn len(&self) -> usize {
        self.cells.as_ref().map_or(0, Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Reads a list as spreadsheets save it: comma, semicolon (German spreadsheets) or tab
/// separated, whichever the first line uses most; cells trimmed, blank lines skipped. A
/// header row is the caller's to recognise.
pub fn read(text: &str) -> Vec<Record> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for (index, record) in reader.records().enumerate() {
        // The reader's position of a record after blank lines is where the blank lines
        // start: counted from the record's first character instead.
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .and_then(|p| usize::try_from(p.byte()).ok())
            .and_then(|at| {
                let rest = text.get(at..)?;
                let first = at + rest.len() - rest.trim_start_matches(['\r', '\n']).len();
                Some(1 + text.get(..first)?.matches('\n').count())
            })
            .unwrap_or(index + 1);
        let cells = record
            .ok()
            .map(|r| r.iter().map(str::to_owned).collect::<Vec<_>>());
        if cells
            .as_ref()
            .is_some_and(|c| c.iter().all(String::is_empty))
        {
            continue;
        }
        records.push(Record { line, cells });
    }
    records
}

#[cfg(test)]
mod tests {
    use super::{cell, decode, read, Table};

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

    #[test]
    fn lists_read_in_any_common_separator_skipping_blank_lines() {
        let records =
            read("\u{feff}Name;E-Mail\n\n Jörg ; j@example.org \n\"Ann; Dr.\";a@example.org;x\n");
        let lines: Vec<(usize, Vec<&str>)> = records
            .iter()
            .map(|r| (r.line, (0..r.len()).map(|i| r.cell(i)).collect()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (1, vec!["Name", "E-Mail"]),
                (3, vec!["Jörg", "j@example.org"]),
                (4, vec!["Ann; Dr.", "a@example.org", "x"]),
            ]
        );
        assert_eq!(records[1].cell(5), "");
        assert!(read("a\tb\u{0}").iter().all(|r| r.has_nul()));
    }

    #[test]
    fn files_in_utf16_utf8_or_latin1_decode() {
        assert_eq!(
            decode("\u{feff}Jörg;j@example.org".as_bytes()),
            "Jörg;j@example.org"
        );
        assert_eq!(decode(b"J\xf6rg;j@example.org"), "Jörg;j@example.org");
        let text = "Jörg\tj@example.org\r\nŁucja\tl@example.org";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le), text);
        assert_eq!(decode(&be), text);
        // A file cut after an odd byte: the last character is marked as broken.
        let cut = format!("{}\u{fffd}", &text[..text.len() - 1]);
        assert_eq!(decode(&le[..le.len() - 1]), cut);
        assert_eq!(read(&decode(&le)).len(), 2);
    }
}
