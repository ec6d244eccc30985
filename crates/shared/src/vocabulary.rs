//! Ids and states more than one domain reads: a proposal's (the CfP decides it; the
//! timetable, the badges and registration's interests read it) and a registration's
//! (registration decides it; check-in and the timetable's audience read it). Those only one
//! domain uses live in that domain, declared with the same [`devday_db::id_type!`] and
//! [`devday_db::text_enum!`].

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

devday_db::id_type!(
    /// An edition (one year of the conference).
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(transparent)]
    #[schema(value_type = String)]
    pub struct EditionId;
);

devday_db::id_type!(
    /// A person's account.
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(transparent)]
    #[schema(value_type = String)]
    pub struct UserId;
);

devday_db::id_type!(
    /// A registration (one person at one edition).
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(transparent)]
    #[schema(value_type = String)]
    pub struct RegistrationId;
);

devday_db::id_type!(
    /// A proposal, and the session it becomes.
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(transparent)]
    #[schema(value_type = String)]
    pub struct ProposalId;
);

devday_db::id_type!(
    /// A ticket type (the conference, a day, a workshop): registration sells it, the door
    /// admits by it.
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(transparent)]
    #[schema(value_type = String)]
    pub struct TicketTypeId;
);

devday_db::text_enum!(
    /// Where a proposal stands. Review sets accepted/rejected; the speaker confirms or declines.
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum ProposalState {
        Draft = "draft",
        Submitted = "submitted",
        Accepted = "accepted",
        Rejected = "rejected",
        Confirmed = "confirmed",
        Declined = "declined",
        Withdrawn = "withdrawn",
        Cancelled = "cancelled",
    }
);

impl ProposalState {
    /// States in which the speakers may still change their proposal.
    pub fn editable_by_speaker(self) -> bool {
        matches!(self, ProposalState::Draft | ProposalState::Submitted)
    }

    /// Sent to the committee: everything but a draft.
    pub const SENT: [ProposalState; 7] = [
        ProposalState::Submitted,
        ProposalState::Accepted,
        ProposalState::Rejected,
        ProposalState::Confirmed,
        ProposalState::Declined,
        ProposalState::Withdrawn,
        ProposalState::Cancelled,
    ];
}

devday_db::text_enum!(
    /// What a ticket type admits to: the conference on site or online (one of them per
    /// person, required) or a workshop (optional, with a time and its own seats).
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum TicketKind {
        Conference = "conference",
        Workshop = "workshop",
        /// Watching online (hybrid and remote editions): the rooms' streams, no seat in a
        /// room, no badge or door.
        Online = "online",
    }
);

devday_db::text_enum!(
    /// Where a registration stands: a seat is held until the address is confirmed; a hold
    /// not confirmed in time expires; either side can cancel.
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum RegistrationState {
        Held = "held",
        Confirmed = "confirmed",
        Cancelled = "cancelled",
        Expired = "expired",
    }
);

impl RegistrationState {
    /// Holding or using a seat.
    pub const ACTIVE: [RegistrationState; 2] =
        [RegistrationState::Held, RegistrationState::Confirmed];

    pub fn is_active(self) -> bool {
        Self::ACTIVE.contains(&self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_reads_back_from_its_word() {
        for s in ProposalState::ALL {
            assert_eq!(ProposalState::parse(s.as_str()), Some(*s));
            assert_eq!(
                serde_json::to_value(s).ok(),
                Some(serde_json::json!(s.as_str()))
            );
        }
        for s in RegistrationState::ALL {
            assert_eq!(RegistrationState::parse(s.as_str()), Some(*s));
            assert_eq!(
                serde_json::to_value(s).ok(),
                Some(serde_json::json!(s.as_str()))
            );
        }
        assert_eq!(RegistrationState::parse("Held"), None);
        assert_eq!(ProposalState::SENT.len() + 1, ProposalState::ALL.len());
    }
}
