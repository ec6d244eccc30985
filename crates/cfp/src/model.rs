//! The CfP's vocabulary: states, languages, levels, question kinds, and the rows.

use chrono::NaiveDateTime;
use devday_shared::bilingual::pick;
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::UserId;
use diesel::{Insertable, Queryable, Selectable};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use devday_shared::vocabulary::{ProposalId, ProposalState};

devday_db::text_enum!(
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum Language {
        German = "de",
        English = "en",
    }
);

devday_db::text_enum!(
    /// What a proposal's history says happened, where devday wrote it; people read it as
    /// `history-<event>` in their language.
    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum HistoryEvent {
        Created = "created",
        Submitted = "submitted",
        Edited = "edited",
        Decided = "decided",
        PutOnWaitingList = "put on the waiting list",
        AnsweredBySpeaker = "answered by the speaker",
        SpeakerJoined = "speaker joined",
        WithdrawnBySpeaker = "withdrawn by a speaker",
        ChangedByOrganisers = "changed by the organisers",
        CarriedOver = "last year",
    }
);

/// A history entry's note: an event devday names, or the organisers' own words (a reason
/// for a change), kept as they wrote them.
#[derive(Debug, Clone, Copy)]
pub enum Note<'a> {
    Event(HistoryEvent),
    Said(&'a str),
}

impl Note<'_> {
    pub fn text(&self) -> &str {
        match self {
            Note::Event(event) => event.as_str(),
            Note::Said(words) => words,
        }
    }
}

impl From<HistoryEvent> for Note<'_> {
    fn from(event: HistoryEvent) -> Self {
        Note::Event(event)
    }
}

devday_db::text_enum!(
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum Level {
        Beginner = "beginner",
        Intermediate = "intermediate",
        Advanced = "advanced",
    }
);

devday_db::text_enum!(
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum QuestionKind {
        Text = "text",
        LongText = "long_text",
        Single = "single",
        Multiple = "multiple",
        Boolean = "boolean",
        Number = "number",
    }
);

devday_db::text_enum!(
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum QuestionTarget {
        Proposal = "proposal",
        Speaker = "speaker",
    }
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = devday_db::schema::cfp_settings)]
pub struct CfpSettings {
    pub edition_id: EditionId,
    pub intro_md: String,
    pub max_proposals_per_speaker: i32,
    pub title_max: i32,
    pub abstract_max: i32,
    /// What recordings are published under ("CC BY 4.0"); empty: none stated.
    pub recording_license: String,
    /// The introduction in German (the English one where empty).
    pub intro_de_md: String,
}

impl CfpSettings {
    /// The introduction in the reader's language, the other one where it is empty.
    pub fn intro(&self, locale: Locale) -> &str {
        pick(locale, &self.intro_md, &self.intro_de_md)
    }
}

devday_db::id_type!(
    /// A session type (talk, workshop, lightning talk).
    #[derive(Serialize, serde::Deserialize, ToSchema)]
    #[serde(transparent)]
    #[schema(value_type = String)]
    pub struct SessionTypeId;
);

devday_db::id_type!(
    /// A track (a theme the programme groups sessions by).
    #[derive(Serialize, serde::Deserialize, ToSchema)]
    #[serde(transparent)]
    #[schema(value_type = String)]
    pub struct TrackId;
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = devday_db::schema::session_types)]
pub struct SessionType {
    pub id: SessionTypeId,
    pub edition_id: EditionId,
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

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = devday_db::schema::tracks)]
pub struct Track {
    pub id: TrackId,
    pub edition_id: EditionId,
    pub name: String,
    pub colour: String,
    pub description: String,
    pub position: i32,
    pub name_de: String,
    pub description_de: String,
}

devday_db::id_type!(
    /// A question the CfP asks (of a proposal or of its speakers).
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(transparent)]
    #[schema(value_type = String)]
    pub struct QuestionId;
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = devday_db::schema::cfp_questions)]
pub struct Question {
    pub id: QuestionId,
    pub edition_id: EditionId,
    pub target: QuestionTarget,
    pub kind: QuestionKind,
    pub label: String,
    pub help: String,
    /// One option per line (single and multiple choice).
    pub options: String,
    pub required: bool,
    /// Comma-separated session type ids it is asked for; empty: all.
    pub session_type_ids: String,
    pub position: i32,
    pub label_de: String,
    pub help_de: String,
    /// The options in German, line by line beside the English ones.
    pub options_de: String,
}

/// One option of a choice question: the word stored as the answer, and what the reader sees.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice<'a> {
    pub value: &'a str,
    pub text: &'a str,
}

fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .collect()
}

impl Question {
    pub fn label(&self, locale: Locale) -> &str {
        pick(locale, &self.label, &self.label_de)
    }

    pub fn help(&self, locale: Locale) -> &str {
        pick(locale, &self.help, &self.help_de)
    }

    /// The stored answer values: the English options, or the German ones where only German
    /// was given.
    pub fn option_list(&self) -> Vec<&str> {
        let english = lines(&self.options);
        if english.is_empty() {
            lines(&self.options_de)
        } else {
            english
        }
    }

    /// The options in the reader's language, each with the value it stores. Saving a
    /// question keeps both languages the same length, so line `i` translates line `i`.
    pub fn choices(&self, locale: Locale) -> Vec<Choice<'_>> {
        let values = self.option_list();
        let shown = lines(pick(locale, &self.options, &self.options_de));
        let shown = if shown.len() == values.len() {
            shown
        } else {
            values.clone()
        };
        values
            .into_iter()
            .zip(shown)
            .map(|(value, text)| Choice { value, text })
            .collect()
    }

    /// A stored answer as the reader reads it: choices in their language, one per line.
    pub fn say_answer(&self, value: &str, locale: Locale) -> String {
        match self.kind {
            QuestionKind::Single | QuestionKind::Multiple => {
                let choices = self.choices(locale);
                value
                    .lines()
                    .map(|v| choices.iter().find(|c| c.value == v).map_or(v, |c| c.text))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            _ => value.to_owned(),
        }
    }

    pub fn applies_to(&self, session_type_id: &SessionTypeId) -> bool {
        self.session_type_ids.trim().is_empty()
            || self
                .session_type_ids
                .split(',')
                .any(|id| session_type_id == id.trim())
    }
}

devday_db::id_type!(
    /// An access code (a link that opens the CfP to its holder).
    #[derive(Serialize, Deserialize)]
    #[serde(transparent)]
    pub struct AccessCodeId;
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = devday_db::schema::cfp_access_codes)]
pub struct AccessCode {
    pub id: AccessCodeId,
    pub edition_id: EditionId,
    pub code: String,
    pub session_type_id: Option<SessionTypeId>,
    pub max_uses: i32,
    pub uses: i32,
    pub valid_until: Option<NaiveDateTime>,
    pub note: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::proposals)]
pub struct Proposal {
    pub id: ProposalId,
    pub edition_id: EditionId,
    pub title: String,
    pub abstract_text: String,
    pub description: String,
    /// For the organisers only; never public.
    pub notes: String,
    pub session_type_id: SessionTypeId,
    pub track_id: Option<TrackId>,
    pub language: String,
    pub level: String,
    pub state: ProposalState,
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

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::proposal_history)]
pub struct HistoryEntry {
    pub id: String,
    pub proposal_id: ProposalId,
    pub actor_id: Option<String>,
    pub at: NaiveDateTime,
    pub from_state: Option<ProposalState>,
    pub to_state: ProposalState,
    pub note: String,
}

devday_db::id_type!(
    /// An invitation to speak in a proposal (not a team invitation).
    #[derive(Serialize, Deserialize)]
    #[serde(transparent)]
    pub struct CoSpeakerInvitationId;
);

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::proposal_invitations)]
pub struct CoSpeakerInvitation {
    pub id: CoSpeakerInvitationId,
    pub proposal_id: ProposalId,
    pub email: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub accepted_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

/// Where an invitation to co-speak stands, as the proposal page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    Sent,
    Accepted,
    Withdrawn,
    Expired,
}

/// An invitation as the proposal's pages list it.
#[derive(Debug, Serialize)]
pub struct InvitationView {
    pub id: CoSpeakerInvitationId,
    pub email: String,
    pub status: InvitationStatus,
}

impl CoSpeakerInvitation {
    pub fn view(&self, now: NaiveDateTime) -> InvitationView {
        InvitationView {
            id: self.id.clone(),
            email: self.email.clone(),
            status: self.status(now),
        }
    }

    pub fn status(&self, now: NaiveDateTime) -> InvitationStatus {
        if self.accepted_at.is_some() {
            InvitationStatus::Accepted
        } else if self.revoked_at.is_some() {
            InvitationStatus::Withdrawn
        } else if self.expires_at <= now {
            InvitationStatus::Expired
        } else {
            InvitationStatus::Sent
        }
    }
}

/// A speaker as lists show them (no photo bytes).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SpeakerSummary {
    pub user_id: UserId,
    pub name: String,
    pub email: String,
}
