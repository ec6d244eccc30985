//! What an attendee's ticket carries, the same on the ticket page, in the ticket mail and
//! on the printed PDF: the event with its days (or the conference ticket's times), the
//! venue with its address, each workshop with its time, the QR code and the short code to
//! type. Also the ticket's own calendar file: the conference and the person's workshops.

use chrono::NaiveDateTime;
use devday_badges::pdf::TicketPrint;
use devday_badges::tickets::{self, Codes, Holder};
use devday_db::DbConn;
use devday_shared::dates;
use devday_shared::editions::ical::{escape, fold};
use devday_shared::editions::{queries, Edition};
use devday_shared::i18n::{I18n, Locale};
use devday_shared::{bilingual::pick, AppError, AppResult};
use serde::Serialize;

use crate::model::{Registration, TicketType};
use crate::register;

/// One line of the ticket: a label and what it says.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// A message id ("ticket-when") or, for a workshop, its name.
    pub label: Label,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Label {
    Key(&'static str),
    Name(String),
}

/// A registration's ticket with everything it shows.
#[derive(Debug, Clone)]
pub struct Ticket {
    pub registration: Registration,
    pub edition: Edition,
    pub holder: Holder,
    /// `None` unless the registration is confirmed: there is no valid ticket to show.
    pub codes: Option<Codes>,
    /// The ticket types held, conference first.
    pub types: Vec<TicketType>,
}

impl Ticket {
    pub fn of(conn: &mut DbConn, registration: Registration) -> AppResult<Ticket> {
        let edition = queries::by_id(conn, &registration.edition_id)?;
        let holder = tickets::holder(conn, &registration.id)?.ok_or(AppError::NotFound)?;
        let codes = tickets::codes(conn, &holder)?;
        let types = register::tickets_of(conn, &registration.id)?;
        Ok(Ticket {
            registration,
            edition,
            holder,
            codes,
            types,
        })
    }

    /// The ticket behind a manage link; `None` when the link is not (or no longer) valid.
    pub fn by_manage_token(conn: &mut DbConn, token: &str) -> AppResult<Option<Ticket>> {
        register::by_manage_token(conn, token)?
            .map(|reg| Ticket::of(conn, reg))
            .transpose()
    }

    /// When and where, then each workshop with its time.
    pub fn facts(&self, locale: Locale) -> Vec<Fact> {
        let edition = &self.edition;
        let conference = self.types.iter().find(|t| !t.is_workshop());
        let when = match conference.and_then(|t| t.starts_at.zip(t.ends_at)) {
            Some((from, to)) => span(edition, from, to, locale),
            None if edition.ends_on == edition.starts_on => dates::day(edition.starts_on, locale),
            None => format!(
                "{} – {}",
                dates::day(edition.starts_on, locale),
                dates::day(edition.ends_on, locale)
            ),
        };
        let mut facts = vec![Fact {
            label: Label::Key("ticket-when"),
            text: when,
        }];
        if let Some(online) = conference.filter(|t| t.is_online()) {
            // Watching online: the ticket names that, not the venue.
            facts.push(Fact {
                label: Label::Key("ticket-where"),
                text: pick(locale, &online.name, &online.name_de).to_owned(),
            });
        } else if !edition.venue.trim().is_empty() {
            facts.push(Fact {
                label: Label::Key("ticket-where"),
                text: edition.venue.trim().to_owned(),
            });
        }
        for workshop in self.types.iter().filter(|t| t.is_workshop()) {
            facts.push(Fact {
                label: Label::Name(pick(locale, &workshop.name, &workshop.name_de).to_owned()),
                text: workshop
                    .starts_at
                    .zip(workshop.ends_at)
                    .map(|(from, to)| span(edition, from, to, locale))
                    .unwrap_or_default(),
            });
        }
        facts
    }

    /// The printable ticket in `locale`; `None` without a valid ticket.
    pub fn print(&self, i18n: &I18n, locale: Locale) -> Option<TicketPrint> {
        let codes = self.codes.as_ref()?;
        Some(TicketPrint {
            edition: self.edition.name.clone(),
            heading: i18n.tr(locale, "ticket-title", &[]),
            name: self.registration.name.clone(),
            ticket_types: self.holder.ticket_type_line(locale),
            facts: self
                .facts(locale)
                .into_iter()
                .map(|f| {
                    let label = match f.label {
                        Label::Key(key) => i18n.tr(locale, key, &[]),
                        Label::Name(name) => name,
                    };
                    (label, f.text)
                })
                .collect(),
            code: codes.qr.clone(),
            short_code: codes.short.to_string(),
            short_code_label: i18n.tr(locale, "ticket-short-code", &[]),
            hint: i18n.tr(locale, "ticket-print-hint", &[]),
        })
    }

    /// The ticket's calendar file: the conference (its times, or all day) and each of the
    /// person's workshops, in UTC, named in the person's language; `url` is the ticket page.
    pub fn calendar(&self, url: &str) -> String {
        let edition = &self.edition;
        let locale = Locale::parse(&self.registration.locale).unwrap_or_default();
        let utc = |t: NaiveDateTime| t.format("%Y%m%dT%H%M%SZ").to_string();
        let mut lines = vec![
            "BEGIN:VCALENDAR".to_owned(),
            "VERSION:2.0".to_owned(),
            "PRODID:-//devday//ticket//EN".to_owned(),
            "CALSCALE:GREGORIAN".to_owned(),
        ];
        for t in &self.types {
            let (start, end) = match t.starts_at.zip(t.ends_at) {
                Some((from, to)) => (
                    format!("DTSTART:{}", utc(from)),
                    format!("DTEND:{}", utc(to)),
                ),
                // An all-day event ends (exclusively) the day after the last day.
                None if t.is_workshop() => continue,
                None => (
                    format!("DTSTART;VALUE=DATE:{}", edition.starts_on.format("%Y%m%d")),
                    format!(
                        "DTEND;VALUE=DATE:{}",
                        edition
                            .ends_on
                            .succ_opt()
                            .unwrap_or(edition.ends_on)
                            .format("%Y%m%d")
                    ),
                ),
            };
            let summary = if t.is_workshop() {
                format!("{}: {}", edition.name, pick(locale, &t.name, &t.name_de))
            } else {
                edition.name.clone()
            };
            lines.extend([
                "BEGIN:VEVENT".to_owned(),
                format!("UID:{}-{}@devday", self.registration.id, t.id),
                format!("DTSTAMP:{}", utc(self.registration.created_at)),
                start,
                end,
                format!("SUMMARY:{}", escape(&summary)),
                format!("LOCATION:{}", escape(&edition.venue)),
                format!("URL:{url}"),
                "END:VEVENT".to_owned(),
            ]);
        }
        lines.push("END:VCALENDAR".to_owned());
        lines.iter().map(|l| fold(l)).collect()
    }
}

/// "Thu 16 April 2026, 09:00–12:30" within a day, else both ends in full.
fn span(edition: &Edition, from: NaiveDateTime, to: NaiveDateTime, locale: Locale) -> String {
    let (from, to) = (
        edition.local(from).naive_local(),
        edition.local(to).naive_local(),
    );
    if from.date() == to.date() {
        format!("{}–{}", dates::day_time(from, locale), to.format("%H:%M"))
    } else {
        format!(
            "{} – {}",
            dates::day_time(from, locale),
            dates::day_time(to, locale)
        )
    }
}
