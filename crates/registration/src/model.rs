use chrono::NaiveDateTime;
use devday_shared::bilingual::pick;
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::TicketTypeId;
use diesel::{Insertable, Queryable, Selectable};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use devday_shared::vocabulary::{RegistrationId, RegistrationState, TicketKind};

devday_db::text_enum!(
    /// Where a place on a waiting list stands: waiting, offered a seat (until the offer
    /// expires), then accepted, declined, expired or left.
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum WaitlistState {
        Waiting = "waiting",
        Offered = "offered",
        Accepted = "accepted",
        Declined = "declined",
        Expired = "expired",
        Left = "left",
    }
);

impl WaitlistState {
    /// On the list: still waiting, or holding an offered seat.
    pub const ACTIVE: [WaitlistState; 2] = [WaitlistState::Waiting, WaitlistState::Offered];

    pub fn is_active(self) -> bool {
        Self::ACTIVE.contains(&self)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = devday_db::schema::registration_settings)]
pub struct RegistrationSettings {
    pub edition_id: EditionId,
    /// How long a seat is held for an unconfirmed registration.
    pub hold_hours: i32,
    /// How long a waiting-list offer stays open.
    pub offer_hours: i32,
    pub privacy_text: String,
    pub coc_text: String,
    /// Counted up when the texts change, stored with each consent.
    pub consent_version: i32,
    /// Purge attendees' personal data this many days after the edition's last day.
    pub purge_after_days: Option<i32>,
    /// When it was purged.
    pub purged_at: Option<chrono::NaiveDateTime>,
    /// The privacy notice and code of conduct in German (the English ones where empty).
    pub privacy_text_de: String,
    pub coc_text_de: String,
    /// From when the door may give seats of people not yet checked in to people on the
    /// waiting list who are there; `None`: never.
    pub door_release_at: Option<NaiveDateTime>,
}

impl RegistrationSettings {
    /// Whether people can be asked to agree: registration stays shut, whatever its window
    /// says, while the privacy notice or the code of conduct is empty in both languages.
    pub fn texts_ready(&self) -> bool {
        let given = |en: &str, de: &str| !en.trim().is_empty() || !de.trim().is_empty();
        given(&self.privacy_text, &self.privacy_text_de) && given(&self.coc_text, &self.coc_text_de)
    }

    /// The privacy notice in the reader's language, the other one where it is empty.
    pub fn privacy(&self, locale: Locale) -> &str {
        pick(locale, &self.privacy_text, &self.privacy_text_de)
    }

    /// The code of conduct in the reader's language, the other one where it is empty.
    pub fn conduct(&self, locale: Locale) -> &str {
        pick(locale, &self.coc_text, &self.coc_text_de)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = devday_db::schema::ticket_types)]
pub struct TicketType {
    pub id: TicketTypeId,
    pub edition_id: EditionId,
    pub name: String,
    pub kind: TicketKind,
    pub capacity: i32,
    /// Seats held, confirmed or offered to the waiting list.
    pub taken: i32,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub position: i32,
    pub name_de: String,
    /// Seats given beyond the capacity, for those who will not come.
    pub overbook: i32,
    /// The venue's hard limit (fire code): no seat is given beyond it, whatever the margin.
    pub hard_limit: Option<i32>,
}

/// The seats given for `capacity` with a margin of `overbook`, never past `hard_limit`.
pub fn seats_given(capacity: i32, overbook: i32, hard_limit: Option<i32>) -> i32 {
    let wanted = capacity.saturating_add(overbook.max(0));
    hard_limit.map_or(wanted, |limit| wanted.min(limit))
}

impl TicketType {
    /// The seats given in all: the capacity and the margin, never past the hard limit.
    pub fn seats(&self) -> i32 {
        seats_given(self.capacity, self.overbook, self.hard_limit)
    }

    pub fn is_workshop(&self) -> bool {
        self.kind == TicketKind::Workshop
    }

    pub fn is_online(&self) -> bool {
        self.kind == TicketKind::Online
    }

    pub fn free(&self) -> i32 {
        (self.seats() - self.taken).max(0)
    }

    /// Whether two workshops run at the same time.
    pub fn overlaps(&self, other: &TicketType) -> bool {
        match (self.starts_at, self.ends_at, other.starts_at, other.ends_at) {
            (Some(a0), Some(a1), Some(b0), Some(b1)) => a0 < b1 && b0 < a1,
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = devday_db::schema::registrations)]
pub struct Registration {
    pub id: RegistrationId,
    pub edition_id: EditionId,
    pub email: String,
    pub name: String,
    pub company: String,
    pub tshirt: String,
    pub dietary: String,
    pub accessibility: String,
    pub locale: String,
    pub state: RegistrationState,
    #[serde(skip)]
    pub confirm_token_hash: Option<String>,
    #[serde(skip)]
    pub manage_token_hash: String,
    pub held_until: Option<NaiveDateTime>,
    pub consent_at: NaiveDateTime,
    pub consent_version: i32,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub cancelled_at: Option<NaiveDateTime>,
    /// Signs the link to the person's own programme and its feed; counted up to revoke.
    #[serde(skip)]
    pub programme_generation: i32,
    /// Whether a release that moves or cancels a starred session mails the person.
    pub change_notices: bool,
    /// When the person first opened a live stream through their own links.
    pub watched_at: Option<NaiveDateTime>,
}

impl Registration {
    /// Holding or using seats.
    pub fn is_active(&self) -> bool {
        self.state.is_active()
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::waitlist_entries)]
pub struct WaitlistEntry {
    pub id: String,
    pub ticket_type_id: TicketTypeId,
    pub email: String,
    pub name: String,
    pub locale: String,
    pub state: WaitlistState,
    #[serde(skip)]
    pub offer_token_hash: Option<String>,
    pub offer_expires_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The order of the list: drawn from the ticket type's counter on joining.
    pub queue_no: i32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(from: &str, to: &str) -> TicketType {
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").ok();
        TicketType {
            id: from.into(),
            edition_id: "e".into(),
            name: "W".into(),
            name_de: String::new(),
            kind: TicketKind::Workshop,
            capacity: 10,
            taken: 0,
            starts_at: at(from),
            ends_at: at(to),
            position: 0,
            overbook: 0,
            hard_limit: None,
        }
    }

    #[test]
    fn a_margin_gives_more_seats_but_never_past_the_hard_limit() {
        assert_eq!(seats_given(400, 0, None), 400);
        assert_eq!(seats_given(400, 120, None), 520);
        assert_eq!(seats_given(400, 120, Some(480)), 480);
        assert_eq!(
            seats_given(400, 0, Some(350)),
            350,
            "a limit below the capacity wins too"
        );
        assert_eq!(
            seats_given(400, -5, None),
            400,
            "a negative margin takes nothing away"
        );
    }

    #[test]
    fn workshops_overlap_when_their_times_intersect() {
        let morning = ws("2027-05-20 09:00", "2027-05-20 12:00");
        assert!(morning.overlaps(&ws("2027-05-20 11:00", "2027-05-20 14:00")));
        assert!(
            !morning.overlaps(&ws("2027-05-20 12:00", "2027-05-20 15:00")),
            "back to back is fine"
        );
        assert!(!morning.overlaps(&ws("2027-05-21 09:00", "2027-05-21 12:00")));
    }
}
