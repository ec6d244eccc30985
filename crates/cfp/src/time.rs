use chrono::{NaiveDateTime, TimeZone};
use devday_shared::editions::Edition;

/// A `YYYY-MM-DDTHH:MM` time in the edition's timezone, as UTC.
pub fn parse_local(edition: &Edition, value: &str) -> Option<NaiveDateTime> {
    let parsed = NaiveDateTime::parse_from_str(value.trim(), "%Y-%m-%dT%H:%M").ok()?;
    edition
        .tz()
        .from_local_datetime(&parsed)
        .earliest()
        .map(|t| t.naive_utc())
}

/// A stored UTC time as the edition's local `YYYY-MM-DDTHH:MM` (for form fields).
pub fn form_value(edition: &Edition, utc: Option<NaiveDateTime>) -> String {
    utc.map(|t| edition.local(t).format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}
