//! The days of an edition and its time grid: local times of day to stored UTC and back.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use devday_shared::editions::Edition;

use crate::model::GridSettings;

/// Every day of the edition, first to last.
pub fn days(edition: &Edition) -> Vec<NaiveDate> {
    edition
        .starts_on
        .iter_days()
        .take_while(|d| *d <= edition.ends_on)
        .take(31)
        .collect()
}

/// `HH:MM` as a time of day.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

/// A local date and time of day in the edition's timezone, as UTC (the earlier instant
/// when the clock is turned back; `None` in the hour skipped when it is turned forward).
pub fn to_utc(edition: &Edition, day: NaiveDate, time: NaiveTime) -> Option<NaiveDateTime> {
    edition
        .tz()
        .from_local_datetime(&day.and_time(time))
        .earliest()
        .map(|t| t.naive_utc())
}

/// The local day and time of day of a stored UTC time.
pub fn local_parts(edition: &Edition, utc: NaiveDateTime) -> (NaiveDate, NaiveTime) {
    let local = edition.local(utc).naive_local();
    (local.date(), local.time())
}

/// Why a session cannot start at `start` for `minutes`, as a message id; `None` if it fits.
pub fn misfit(
    edition: &Edition,
    grid: &GridSettings,
    start: NaiveDateTime,
    minutes: i32,
) -> Option<&'static str> {
    let (day, time) = local_parts(edition, start);
    if !days(edition).contains(&day) {
        return Some("schedule-not-a-day");
    }
    let from_midnight = time.signed_duration_since(NaiveTime::MIN).num_minutes();
    if minutes <= 0 || minutes > 24 * 60 {
        return Some("schedule-bad-duration");
    }
    let step = i64::from(grid.granularity_minutes.max(1));
    if from_midnight % step != 0 || i64::from(minutes) % step != 0 {
        return Some("schedule-off-grid");
    }
    let end = time.overflowing_add_signed(Duration::minutes(i64::from(minutes)));
    if time < grid.day_starts || end.1 != 0 || end.0 > grid.day_ends {
        return Some("schedule-outside-day");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edition() -> Edition {
        let day = NaiveDate::from_ymd_opt(2027, 3, 27).unwrap_or_default();
        Edition {
            id: "e".into(),
            slug: "e".into(),
            name: "E".into(),
            starts_on: day,
            ends_on: day.succ_opt().unwrap_or(day),
            timezone: "Europe/Berlin".into(),
            venue: String::new(),
            cfp_opens_at: None,
            cfp_closes_at: None,
            registration_opens_at: None,
            registration_closes_at: None,
            archived_at: None,
            created_at: NaiveDateTime::default(),
            description_md: String::new(),
            description_de_md: String::new(),
            format: Default::default(),
            streams_public: true,
        }
    }

    fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
        let e = edition();
        let date = NaiveDate::from_ymd_opt(2027, 3, day).unwrap_or_default();
        to_utc(
            &e,
            date,
            NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default(),
        )
        .unwrap_or_default()
    }

    #[test]
    fn local_times_cross_the_clock_change() {
        // Berlin turns the clock forward in the night to 28 March 2027.
        assert_eq!(at(27, 10, 0).to_string(), "2027-03-27 09:00:00");
        assert_eq!(at(28, 10, 0).to_string(), "2027-03-28 08:00:00");
        assert_eq!(
            local_parts(&edition(), at(28, 10, 0)).1.to_string(),
            "10:00:00"
        );
    }

    #[test]
    fn sessions_must_fit_the_grid_and_the_day() {
        let (e, g) = (edition(), GridSettings::default());
        assert_eq!(misfit(&e, &g, at(27, 10, 0), 45), None);
        assert_eq!(misfit(&e, &g, at(27, 10, 3), 45), Some("schedule-off-grid"));
        assert_eq!(misfit(&e, &g, at(27, 10, 0), 42), Some("schedule-off-grid"));
        assert_eq!(
            misfit(&e, &g, at(27, 8, 0), 30),
            Some("schedule-outside-day")
        );
        assert_eq!(
            misfit(&e, &g, at(27, 17, 30), 45),
            Some("schedule-outside-day")
        );
        assert_eq!(
            misfit(&e, &g, at(27, 10, 0), 0),
            Some("schedule-bad-duration")
        );
        assert_eq!(
            misfit(&e, &g, at(29, 10, 0), 30),
            Some("schedule-not-a-day")
        );
    }
}
