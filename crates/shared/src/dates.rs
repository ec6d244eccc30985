//! Dates and times as a reader expects them, with the weekday: "Thu 3 June 2027, 09:00" in
//! English, "Do., 3. Juni 2027, 09:00" in German. Pages use the Tera filters `day` and
//! `day_time` (`{{ edition.starts_on | day(lang=lang) }}`); code calls the functions.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use tera::Value;

use crate::i18n::Locale;

const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAYS_DE: [&str; 7] = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// "Thu 3 June 2027" / "Do., 3. Juni 2027".
pub fn day(date: NaiveDate, locale: Locale) -> String {
    let weekday = date.weekday().num_days_from_monday() as usize;
    let month = date.month0() as usize;
    match locale {
        Locale::De => format!(
            "{}, {}. {} {}",
            WEEKDAYS_DE[weekday],
            date.day(),
            MONTHS_DE[month],
            date.year()
        ),
        Locale::En => format!(
            "{} {} {} {}",
            WEEKDAYS_EN[weekday],
            date.day(),
            MONTHS_EN[month],
            date.year()
        ),
    }
}

/// The weekday alone, "Thu" / "Do.", where the days of one edition are told apart.
pub fn weekday(date: NaiveDate, locale: Locale) -> &'static str {
    let weekday = date.weekday().num_days_from_monday() as usize;
    match locale {
        Locale::De => WEEKDAYS_DE[weekday],
        Locale::En => WEEKDAYS_EN[weekday],
    }
}

/// "Thu 3 June 2027, 09:00" / "Do., 3. Juni 2027, 09:00".
pub fn day_time(at: NaiveDateTime, locale: Locale) -> String {
    format!(
        "{}, {:02}:{:02}",
        day(at.date(), locale),
        at.hour(),
        at.minute()
    )
}

/// A date or date-time as templates get it (ISO 8601, as serde writes chrono's types).
fn parse(value: &Value) -> Option<(NaiveDate, Option<NaiveDateTime>)> {
    let text = value.as_str()?;
    if let Ok(at) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some((at.date(), Some(at)));
    }
    if let Ok(at) = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f") {
        return Some((at.date(), Some(at)));
    }
    for format in ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(at) = NaiveDateTime::parse_from_str(text, format) {
            return Some((at.date(), Some(at)));
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .map(|d| (d, None))
}

pub(crate) fn locale_arg(args: &HashMap<String, Value>) -> Locale {
    args.get("lang")
        .and_then(Value::as_str)
        .and_then(Locale::parse)
        .unwrap_or_default()
}

/// `{{ date | day(lang=lang) }}`: the day with its weekday.
pub struct DayFilter;

impl tera::Filter for DayFilter {
    fn filter(&self, value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let (date, _) =
            parse(value).ok_or_else(|| tera::Error::msg(format!("day: not a date: {value}")))?;
        Ok(Value::String(day(date, locale_arg(args))))
    }
}

/// `{{ at | day_time(lang=lang) }}`: the day with its weekday and the time.
pub struct DayTimeFilter;

impl tera::Filter for DayTimeFilter {
    fn filter(&self, value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let locale = locale_arg(args);
        match parse(value) {
            Some((_, Some(at))) => Ok(Value::String(day_time(at, locale))),
            Some((date, None)) => Ok(Value::String(day(date, locale))),
            None => Err(tera::Error::msg(format!("day_time: not a date: {value}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_carry_their_weekday_in_the_readers_language() {
        let at = NaiveDate::from_ymd_opt(2027, 6, 3)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("a date");
        assert_eq!(day_time(at, Locale::En), "Thu 3 June 2027, 09:00");
        assert_eq!(day_time(at, Locale::De), "Do., 3. Juni 2027, 09:00");
        assert_eq!(day(at.date(), Locale::De), "Do., 3. Juni 2027");
    }

    #[test]
    fn the_filters_read_what_serde_writes() {
        let args = HashMap::from([("lang".to_owned(), Value::from("de"))]);
        let out = tera::Filter::filter(&DayTimeFilter, &Value::from("2027-03-01T17:30:00"), &args);
        assert_eq!(out.ok(), Some(Value::from("Mo., 1. März 2027, 17:30")));
        let out = tera::Filter::filter(&DayFilter, &Value::from("2027-03-01"), &HashMap::new());
        assert_eq!(out.ok(), Some(Value::from("Mon 1 March 2027")));
    }
}
