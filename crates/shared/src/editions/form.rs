//! The edition form (pages and API alike) and its validation.

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Edition;
use crate::error::FieldErrors;

/// Slugs that would collide with devday's own top-level paths.
const RESERVED: &[&str] = &[
    "account",
    "admin",
    "api",
    "cfp",
    "editions",
    "healthz",
    "invitations",
    "lang",
    "metrics",
    "setup",
    "speaker",
    "static",
    "favicon.ico",
    "robots.txt",
    "login",
    "new",
];

/// What an organiser enters. Times are local to the edition's timezone, as
/// `YYYY-MM-DDTHH:MM` (what a browser's datetime-local field sends); empty means not set.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct EditionForm {
    #[schema(example = "DevDay 2027")]
    pub name: String,
    #[schema(example = "devday-2027")]
    pub slug: String,
    #[schema(example = "2027-05-20")]
    pub starts_on: String,
    #[schema(example = "2027-05-21")]
    pub ends_on: String,
    #[schema(example = "Europe/Berlin")]
    pub timezone: String,
    pub venue: String,
    #[schema(example = "2026-09-01T00:00")]
    pub cfp_opens_at: String,
    pub cfp_closes_at: String,
    pub registration_opens_at: String,
    pub registration_closes_at: String,
    /// What the conference is about, Markdown; English and German.
    pub description_md: String,
    pub description_de_md: String,
    /// `on_site` (the default), `hybrid` or `remote`.
    #[schema(example = "hybrid")]
    pub format: String,
    /// Who sees the rooms' live streams: `public` (the default) or `registered` (only
    /// registered people, on their registration page).
    #[schema(example = "registered")]
    pub streams: String,
}

/// A checked edition form; times converted to UTC.
#[derive(Debug, Clone)]
pub struct EditionInput {
    pub name: String,
    pub slug: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub timezone: Tz,
    pub venue: String,
    pub cfp_opens_at: Option<NaiveDateTime>,
    pub cfp_closes_at: Option<NaiveDateTime>,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub description_md: String,
    pub description_de_md: String,
    pub format: super::EditionFormat,
    pub streams_public: bool,
}

/// The longest description, per language.
const DESCRIPTION_MAX: usize = 5000;

const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// A `YYYY-MM-DDTHH:MM` time in the edition's timezone, as UTC; `None` if empty or invalid.
pub fn local_to_utc(edition: &super::Edition, value: &str) -> Option<NaiveDateTime> {
    let parsed = NaiveDateTime::parse_from_str(value.trim(), LOCAL_FORMAT).ok()?;
    edition
        .tz()
        .from_local_datetime(&parsed)
        .earliest()
        .map(|t| t.naive_utc())
}

/// Whether `slug` has the shape of an edition's slug.
pub fn is_slug(slug: &str) -> bool {
    (3..=40).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

fn valid_slug(slug: &str) -> bool {
    is_slug(slug) && !RESERVED.contains(&slug)
}

impl EditionForm {
    /// The form of an existing edition, times shown in its timezone.
    pub fn from_edition(e: &Edition) -> Self {
        let local = |t: Option<NaiveDateTime>| {
            t.map(|t| e.local(t).format(LOCAL_FORMAT).to_string())
                .unwrap_or_default()
        };
        Self {
            name: e.name.clone(),
            slug: e.slug.clone(),
            starts_on: e.starts_on.to_string(),
            ends_on: e.ends_on.to_string(),
            timezone: e.timezone.clone(),
            venue: e.venue.clone(),
            cfp_opens_at: local(e.cfp_opens_at),
            cfp_closes_at: local(e.cfp_closes_at),
            registration_opens_at: local(e.registration_opens_at),
            registration_closes_at: local(e.registration_closes_at),
            description_md: e.description_md.clone(),
            description_de_md: e.description_de_md.clone(),
            format: e.format.as_str().to_owned(),
            streams: if e.streams_public {
                "public"
            } else {
                "registered"
            }
            .to_owned(),
        }
    }

    /// Next year's edition from this one: same weekday 52 weeks later, windows at the same
    /// local time as far from it (summer time may differ, the venue's clock does not), the
    /// year in name and slug counted up.
    pub fn next_year(e: &Edition) -> Self {
        let shift = chrono::Duration::weeks(52);
        let moved = |t: Option<NaiveDateTime>| {
            t.map(|t| {
                (e.local(t).naive_local() + shift)
                    .format(LOCAL_FORMAT)
                    .to_string()
            })
            .unwrap_or_default()
        };
        let mut form = Self::from_edition(e);
        form.starts_on = (e.starts_on + shift).to_string();
        form.ends_on = (e.ends_on + shift).to_string();
        form.cfp_opens_at = moved(e.cfp_opens_at);
        form.cfp_closes_at = moved(e.cfp_closes_at);
        form.registration_opens_at = moved(e.registration_opens_at);
        form.registration_closes_at = moved(e.registration_closes_at);
        // The year after the edition's own, even when 52 weeks on is still the same year
        // (an edition in the first days of January); a name without it gets it added.
        let (year, next) = (
            e.starts_on.year().to_string(),
            (e.starts_on.year() + 1).to_string(),
        );
        let bump = |s: &str| s.replace(&year, &next);
        form.name = Some(bump(&e.name))
            .filter(|name| *name != e.name)
            .unwrap_or_else(|| format!("{} {next}", e.name));
        form.slug = Some(bump(&e.slug))
            .filter(|slug| *slug != e.slug)
            .unwrap_or_else(|| format!("{}-{next}", e.slug));
        form
    }

    /// Next year's edition from `source` is checked like any, and needs a name of its own.
    pub fn validate_next_year(&self, source: &Edition) -> Result<EditionInput, FieldErrors> {
        let checked = self.validate();
        if self.name.trim() != source.name {
            return checked;
        }
        let mut errors = checked.err().unwrap_or_default();
        errors.add("name", "edition-name-same");
        Err(errors)
    }

    pub fn validate(&self) -> Result<EditionInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.add("name", "field-required");
        } else if name.chars().count() > 100 {
            errors.add("name", "field-too-long");
        }
        let slug = self.slug.trim().to_lowercase();
        if !valid_slug(&slug) {
            errors.add("slug", "slug-invalid");
        }
        // A sane range also keeps date arithmetic (copying for next year) from overflowing.
        let date = |field: &str, value: &str, errors: &mut FieldErrors| {
            NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
                .ok()
                .filter(|d| (2000..=2200).contains(&d.year()))
                .or_else(|| {
                    errors.add(field, "date-invalid");
                    None
                })
        };
        let starts_on = date("starts_on", &self.starts_on, &mut errors);
        let ends_on = date("ends_on", &self.ends_on, &mut errors);
        if let (Some(s), Some(e)) = (starts_on, ends_on) {
            if e < s {
                errors.add("ends_on", "date-before-start");
            } else if (e - s).num_days() > 14 {
                errors.add("ends_on", "edition-too-long");
            }
        }
        let tz_text = if self.timezone.trim().is_empty() {
            "Europe/Berlin"
        } else {
            self.timezone.trim()
        };
        let timezone: Option<Tz> = tz_text
            .parse()
            .map_err(|_| errors.add("timezone", "timezone-invalid"))
            .ok();
        let venue = self.venue.trim();
        if venue.chars().count() > 200 {
            errors.add("venue", "field-too-long");
        }
        let format = match self.format.trim() {
            "" => Some(super::EditionFormat::OnSite),
            word => super::EditionFormat::parse(word),
        };
        if format.is_none() {
            errors.add("format", "field-invalid");
        }
        let streams_public = match self.streams.trim() {
            "" | "public" => true,
            "registered" => false,
            _ => {
                errors.add("streams", "field-invalid");
                true
            }
        };
        for (field, text) in [
            ("description_md", &self.description_md),
            ("description_de_md", &self.description_de_md),
        ] {
            if text.chars().count() > DESCRIPTION_MAX {
                errors.add(field, "field-too-long");
            }
        }
        let tz = timezone.unwrap_or(chrono_tz::Europe::Berlin);
        let mut moment = |field: &str, value: &str| -> Option<NaiveDateTime> {
            let value = value.trim();
            if value.is_empty() {
                return None;
            }
            let parsed = NaiveDateTime::parse_from_str(value, LOCAL_FORMAT)
                .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"));
            match parsed
                .ok()
                .and_then(|t| tz.from_local_datetime(&t).earliest())
            {
                Some(local) => Some(local.naive_utc()),
                None => {
                    errors.add(field, "datetime-invalid");
                    None
                }
            }
        };
        let cfp_opens_at = moment("cfp_opens_at", &self.cfp_opens_at);
        let cfp_closes_at = moment("cfp_closes_at", &self.cfp_closes_at);
        let registration_opens_at = moment("registration_opens_at", &self.registration_opens_at);
        let registration_closes_at = moment("registration_closes_at", &self.registration_closes_at);
        for (field, opens, closes) in [
            ("cfp_closes_at", cfp_opens_at, cfp_closes_at),
            (
                "registration_closes_at",
                registration_opens_at,
                registration_closes_at,
            ),
        ] {
            if let (Some(o), Some(c)) = (opens, closes) {
                if c <= o {
                    errors.add(field, "window-closes-before-opening");
                }
            }
        }
        match (starts_on, ends_on, timezone, format) {
            (Some(starts_on), Some(ends_on), Some(timezone), Some(format)) if errors.is_empty() => {
                Ok(EditionInput {
                    name: name.to_owned(),
                    slug,
                    starts_on,
                    ends_on,
                    timezone,
                    venue: venue.to_owned(),
                    cfp_opens_at,
                    cfp_closes_at,
                    registration_opens_at,
                    registration_closes_at,
                    description_md: self.description_md.trim().to_owned(),
                    description_de_md: self.description_de_md.trim().to_owned(),
                    format,
                    streams_public,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> EditionForm {
        EditionForm {
            name: "DevDay 2027".into(),
            slug: "devday-2027".into(),
            starts_on: "2027-05-20".into(),
            ends_on: "2027-05-21".into(),
            timezone: "Europe/Berlin".into(),
            venue: "Dresden".into(),
            cfp_opens_at: "2026-09-01T00:00".into(),
            cfp_closes_at: "2026-11-30T23:59".into(),
            ..Default::default()
        }
    }

    fn edition(starts_on: &str, cfp_opens_at: &str) -> Edition {
        let day = NaiveDate::parse_from_str(starts_on, "%Y-%m-%d").unwrap_or_default();
        let at = NaiveDateTime::parse_from_str(cfp_opens_at, "%Y-%m-%dT%H:%M").ok();
        Edition {
            id: "e".into(),
            slug: "devday".into(),
            name: "DevDay".into(),
            starts_on: day,
            ends_on: day,
            timezone: "Europe/Berlin".into(),
            venue: String::new(),
            cfp_opens_at: at,
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

    #[test]
    fn an_edition_is_on_site_with_public_streams_unless_the_form_says_otherwise() {
        let checked = form().validate().map_err(|e| format!("{e:?}"));
        let input = checked.as_ref().ok();
        assert_eq!(
            input.map(|i| (i.format, i.streams_public)),
            Some((super::super::EditionFormat::OnSite, true))
        );
        let hybrid = EditionForm {
            format: "hybrid".into(),
            streams: "registered".into(),
            ..form()
        }
        .validate();
        let input = hybrid.as_ref().ok();
        assert_eq!(
            input.map(|i| (i.format, i.streams_public)),
            Some((super::super::EditionFormat::Hybrid, false))
        );
        let wrong = EditionForm {
            format: "moon".into(),
            streams: "friends".into(),
            ..form()
        }
        .validate();
        let errors = wrong.err().map(|e| format!("{e:?}")).unwrap_or_default();
        assert!(
            errors.contains("format") && errors.contains("streams"),
            "{errors}"
        );
    }

    #[test]
    fn next_year_keeps_the_venues_clock_and_counts_the_year_up() {
        // Opened at 08:00 in Berlin in winter time (07:00 UTC); 52 weeks on, 25 October is
        // still summer time there, and it opens at 08:00 all the same (not 09:00).
        let form = EditionForm::next_year(&edition("2027-01-02", "2026-10-26T07:00"));
        assert_eq!(form.cfp_opens_at, "2027-10-25T08:00");
        // 52 weeks after 2 January 2027 is 1 January 2028: next year all the same.
        assert_eq!(form.starts_on, "2028-01-01");
        assert_eq!(
            (form.name.as_str(), form.slug.as_str()),
            ("DevDay 2028", "devday-2028")
        );
        let dated = Edition {
            name: "DevDay 2026".into(),
            slug: "devday-2026".into(),
            ..edition("2026-01-01", "2025-09-01T07:00")
        };
        let form = EditionForm::next_year(&dated);
        assert_eq!(form.starts_on, "2026-12-31", "the same weekday");
        assert_eq!(
            (form.name.as_str(), form.slug.as_str()),
            ("DevDay 2027", "devday-2027")
        );
    }

    #[test]
    fn local_times_are_stored_in_utc() -> Result<(), FieldErrors> {
        let input = form().validate()?;
        // Berlin is UTC+2 in September.
        assert_eq!(
            input.cfp_opens_at.map(|t| t.to_string()),
            Some("2026-08-31 22:00:00".to_owned())
        );
        assert_eq!(input.timezone, chrono_tz::Europe::Berlin);
        Ok(())
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = EditionForm {
            name: String::new(),
            slug: "Admin!".into(),
            starts_on: "2027-05-20".into(),
            ends_on: "2027-05-19".into(),
            timezone: "Mars/Olympus".into(),
            cfp_opens_at: "2026-12-01T00:00".into(),
            cfp_closes_at: "2026-11-01T00:00".into(),
            registration_opens_at: "tomorrow".into(),
            registration_closes_at: "+262143-01-01T00:00".into(),
            ..form()
        };
        let errors = bad.validate().err().unwrap_or_default();
        for field in [
            "name",
            "slug",
            "ends_on",
            "timezone",
            "cfp_closes_at",
            "registration_opens_at",
        ] {
            assert!(errors.contains(field), "{field} not reported: {errors:?}");
        }
    }

    #[test]
    fn reserved_slugs_are_refused() {
        for slug in ["api", "admin", "static", "ab", "-x-y", "a_b"] {
            assert!(!valid_slug(slug), "{slug}");
        }
        assert!(valid_slug("devday-2027"));
    }
}
