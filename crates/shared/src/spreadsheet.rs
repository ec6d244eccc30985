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

/// A CSV file to download: UTF-8 with its byte-order mark, every cell quoted and
/// neutralised.
pub fn csv_download(
    filename: &str,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> actix_web::HttpResponse {
    let quoted = |v: &str| format!("\"{}\"", cell(v).replace('"', "\"\""));
    let mut out = header.join(",");
    out.push('\n');
    for row in rows {
        out.push_str(&row.iter().map(|v| quoted(v)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    let mut bytes = UTF8_BOM.to_vec();
    bytes.extend_from_slice(out.as_bytes());
    actix_web::HttpResponse::Ok()
        .insert_header(("Content-Type", "text/csv; charset=utf-8"))
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(bytes)
}

#[cfg(test)]
mod tests {
    use super::cell;

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
