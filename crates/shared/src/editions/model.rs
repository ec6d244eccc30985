use crate::vocabulary::EditionId;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use diesel::{Queryable, Selectable};
use serde::{Deserialize, Serialize};

devday_db::text_enum!(
    /// Where an edition happens: at the venue, online only, or both. Online editions stream
    /// their rooms; a remote one has no venue, badges or door.
    #[derive(Default, Serialize, Deserialize, utoipa::ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum EditionFormat {
        #[default]
        OnSite = "on_site",
        Hybrid = "hybrid",
        Remote = "remote",
    }
);

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::editions)]
pub struct Edition {
    pub id: EditionId,
    pub slug: String,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub timezone: String,
    pub venue: String,
    /// Windows are stored in UTC and shown in the edition's timezone.
    pub cfp_opens_at: Option<NaiveDateTime>,
    pub cfp_closes_at: Option<NaiveDateTime>,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub archived_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    /// What the conference is about (Markdown), in English and German.
    pub description_md: String,
    pub description_de_md: String,
    pub format: EditionFormat,
    /// Whether the rooms' live streams are on the public pages; otherwise only registered
    /// people find them, on their registration page.
    pub streams_public: bool,
}

/// Where a window (CfP, registration) stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WindowState {
    NotScheduled,
    Upcoming,
    Open,
    Closed,
}

impl WindowState {
    pub fn at(
        opens: Option<NaiveDateTime>,
        closes: Option<NaiveDateTime>,
        now: NaiveDateTime,
    ) -> Self {
        match (opens, closes) {
            (None, None) => WindowState::NotScheduled,
            (Some(o), _) if now < o => WindowState::Upcoming,
            (_, Some(c)) if now >= c => WindowState::Closed,
            _ => WindowState::Open,
        }
    }
}

impl Edition {
    pub fn tz(&self) -> Tz {
        self.timezone.parse().unwrap_or(chrono_tz::Europe::Berlin)
    }

    /// A stored UTC time in the edition's timezone.
    pub fn local(&self, utc: NaiveDateTime) -> DateTime<Tz> {
        Utc.from_utc_datetime(&utc).with_timezone(&self.tz())
    }

    /// A stored UTC time as the reader says it, in the edition's timezone and naming it
    /// ("Thu 3 June 2027, 09:00 CEST"): speakers and visitors from elsewhere read it too.
    pub fn say_day_time(&self, utc: NaiveDateTime, locale: crate::i18n::Locale) -> String {
        let local = self.local(utc);
        format!(
            "{} {}",
            crate::dates::day_time(local.naive_local(), locale),
            local.format("%Z")
        )
    }

    pub fn cfp_state(&self, now: NaiveDateTime) -> WindowState {
        WindowState::at(self.cfp_opens_at, self.cfp_closes_at, now)
    }

    pub fn registration_state(&self, now: NaiveDateTime) -> WindowState {
        WindowState::at(self.registration_opens_at, self.registration_closes_at, now)
    }

    /// People come to a venue (on site or hybrid): badges, the door, a map.
    pub fn has_venue(&self) -> bool {
        self.format != EditionFormat::Remote
    }

    pub fn is_archived(&self) -> bool {
        self.archived_at.is_some()
    }

    /// Over, by the calendar of the edition's timezone.
    pub fn is_past(&self, now: NaiveDateTime) -> bool {
        self.local(now).date_naive() > self.ends_on
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap_or_default()
    }

    #[test]
    fn windows_open_at_their_start_and_close_at_their_end() {
        let (o, c) = (Some(at("2027-01-01 00:00")), Some(at("2027-02-01 00:00")));
        assert_eq!(
            WindowState::at(o, c, at("2026-12-31 23:59")),
            WindowState::Upcoming
        );
        assert_eq!(
            WindowState::at(o, c, at("2027-01-01 00:00")),
            WindowState::Open
        );
        assert_eq!(
            WindowState::at(o, c, at("2027-02-01 00:00")),
            WindowState::Closed
        );
        assert_eq!(
            WindowState::at(None, None, at("2027-02-01 00:00")),
            WindowState::NotScheduled
        );
        assert_eq!(
            WindowState::at(o, None, at("2030-01-01 00:00")),
            WindowState::Open
        );
    }
}
