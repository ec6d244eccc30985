//! The CfP's vocabulary: states, languages, levels, question kinds, and the rows.

use chrono::NaiveDateTime;
use diesel::{Queryable, Selectable};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

text_enum!(
    /// Where a proposal stands. Review sets accepted/rejected; the speaker confirms or declines.
    ProposalState {
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

text_enum!(Language { German = "de", English = "en" });

text_enum!(Level {
    Beginner = "beginner",
    Intermediate = "intermediate",
    Advanced = "advanced",
});

text_enum!(QuestionKind {
    Text = "text",
    LongText = "long_text",
    Single = "single",
    Multiple = "multiple",
    Boolean = "boolean",
    Number = "number",
});

text_enum!(QuestionTarget { Proposal = "proposal", Speaker = "speaker" });

impl ProposalState {
    /// States in which the speakers may still change their proposal.
    pub fn editable_by_speaker(self) -> bool {
        matches!(self, ProposalState::Draft | ProposalState::Submitted)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::cfp_settings)]
pub struct CfpSettings {
    pub edition_id: String,
    pub intro_md: String,
    pub max_proposals_per_speaker: i32,
    pub title_max: i32,
    pub abstract_max: i32,
    /// What recordings are published under ("CC BY 4.0"); empty: none stated.
    pub recording_license: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::session_types)]
pub struct SessionType {
    pub id: String,
    pub edition_id: String,
    pub name: String,
    pub duration_minutes: i32,
    /// A deadline later (or earlier) than the CfP's, in UTC.
    pub deadline: Option<NaiveDateTime>,
    /// Offered only through an access code.
    pub hidden: bool,
    pub position: i32,
    pub name_de: String,
    /// How many sessions of this type the programme has room for (`None`: not planned).
    pub slots: Option<i32>,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::tracks)]
pub struct Track {
    pub id: String,
    pub edition_id: String,
    pub name: String,
    pub colour: String,
    pub description: String,
    pub position: i32,
    pub name_de: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::cfp_questions)]
pub struct Question {
    pub id: String,
    pub edition_id: String,
    pub target: String,
    pub kind: String,
    pub label: String,
    pub help: String,
    /// One option per line (single and multiple choice).
    pub options: String,
    pub required: bool,
    /// Comma-separated session type ids it is asked for; empty: all.
    pub session_type_ids: String,
    pub position: i32,
}

impl Question {
    pub fn option_list(&self) -> Vec<&str> {
        self.options
            .lines()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .collect()
    }

    pub fn applies_to(&self, session_type_id: &str) -> bool {
        self.session_type_ids.trim().is_empty()
            || self
                .session_type_ids
                .split(',')
                .any(|id| id.trim() == session_type_id)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::cfp_access_codes)]
pub struct AccessCode {
    pub id: String,
    pub edition_id: String,
    pub code: String,
    pub session_type_id: Option<String>,
    pub max_uses: i32,
    pub uses: i32,
    pub valid_until: Option<NaiveDateTime>,
    pub note: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::proposals)]
pub struct Proposal {
    pub id: String,
    pub edition_id: String,
    pub title: String,
    pub abstract_text: String,
    pub description: String,
    /// For the organisers only; never public.
    pub notes: String,
    pub session_type_id: String,
    pub track_id: Option<String>,
    pub language: String,
    pub level: String,
    pub state: String,
    #[serde(skip)]
    pub search_text: String,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub submitted_at: Option<NaiveDateTime>,
    /// A text for reviewers when the abstract gives the speaker away (anonymised review).
    pub reviewer_abstract: Option<String>,
    /// Place on the waiting list of proposals to accept if a confirmed one drops out.
    pub waitlist_position: Option<i32>,
}

impl Proposal {
    pub fn state(&self) -> ProposalState {
        ProposalState::parse(&self.state).unwrap_or(ProposalState::Draft)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::proposal_history)]
pub struct HistoryEntry {
    pub id: String,
    pub proposal_id: String,
    pub actor_id: Option<String>,
    pub at: NaiveDateTime,
    pub from_state: Option<String>,
    pub to_state: String,
    pub note: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::proposal_invitations)]
pub struct CoSpeakerInvitation {
    pub id: String,
    pub proposal_id: String,
    pub email: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub accepted_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

impl CoSpeakerInvitation {
    /// sent, accepted, withdrawn or expired, as the proposal page shows it.
    pub fn status(&self, now: NaiveDateTime) -> &'static str {
        if self.accepted_at.is_some() {
            "accepted"
        } else if self.revoked_at.is_some() {
            "withdrawn"
        } else if self.expires_at <= now {
            "expired"
        } else {
            "sent"
        }
    }
}

/// A speaker as lists show them (no photo bytes).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SpeakerSummary {
    pub user_id: String,
    pub name: String,
    pub email: String,
}
