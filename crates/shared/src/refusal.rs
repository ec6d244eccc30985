//! Why a request was refused: a kind, never a sentence. Each kind has a message
//! `refusal-<slug>` in every language (arguments from [`Refusal::args`]), the problem type
//! `/problems/<slug>` in the JSON API and its status. Code that reacts to a refusal matches
//! the kind; only the edges (an HTML page, a problem document) turn it into words, in the
//! reader's language.
//!
//! A new refusal: a variant here, its slug and status below, and `refusal-<slug>` in
//! `locales/en/main.ftl` and `locales/de/main.ftl` (a unit test checks both have it).

use actix_web::http::StatusCode;
use fluent_bundle::FluentValue;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    // The request itself
    /// The JSON body does not fit the endpoint; `reason` is the parser's (technical) words.
    MalformedJson {
        reason: String,
    },
    /// The query string does not fit the endpoint.
    MalformedQuery {
        reason: String,
    },
    /// A multipart upload broke off or was malformed.
    MalformedUpload {
        reason: String,
    },
    /// The body has a content type the endpoint does not take.
    WrongMediaType {
        expected: &'static str,
    },
    /// A unique index refused a second copy (often a form sent twice).
    AlreadyExists,
    /// A single-use link was used, withdrawn or has expired.
    LinkGone,

    // Accounts and teams
    OwnAdminRights,
    LastAdmin,
    LastOrganiserOf {
        edition: String,
    },
    EditionNeedsOrganiser,
    UnknownRole,
    InvitationForOther {
        email: String,
    },

    // Registration
    RegistrationClosed,
    ConferenceFull,
    WorkshopFull {
        workshop: String,
    },
    WorkshopOverlaps,
    RegistrationInactive,
    PurgeBeforeEnd,
    CapacityBelowTaken,
    CapacityOutOfRange,
    ChooseAcceptOrDecline,
    ChooseAddOrDrop,
    /// The door gives no seats to the waiting list yet (before the time set), or not
    /// at all (none set).
    DoorNotOpen,
    /// Everyone who holds a seat is in, or the seats the door may give are given.
    NoSeatAtDoor,

    // Check-in
    ScanNeedsCode,
    TooManyScans,
    OfflineScanNeedsNonce,
    SearchTooShort,

    // Timetable and feedback
    FeedbackNotYet,
    FeedbackGiven,
    TimetableChangedMeanwhile,
    NothingToUndo,
    /// Only the device that let someone in takes it back: never another door's admission.
    UndoOtherDevice,
    /// An admission is taken back only within this many minutes.
    UndoTooLate {
        minutes: i64,
    },
    NoRooms,
    SuggestPlaceAllFirst,
    SuggestRunning,
    InvalidPlacement,
    InvalidGrid,
    InvalidBreak,

    // Call for papers and review
    NotDecidable {
        title: String,
        state: &'static str,
    },
    ProposalChangedMeanwhile,
    ReviewerExcluded,
    InvalidName,
    InvalidWindow,
    ProposalLimit,
    AccessCodeUsedUp,
    SessionTypeInUse {
        proposals: i64,
    },
    InvalidQuestion,
    StoredAddressInvalid,
    CoSpeakersClosed,
    CoSpeakersDraftsOnly,
    NoAnswerAwaited,
    WithdrawOpenOnly,
    NoPhoto,
    UnknownProposalState,
    ChooseConfirmOrDecline,
    ChooseDecision,
    NotAReviewer,
    NotAssigned,
    ReviewWindowClosed,
    /// The proposal is decided for good (confirmed, declined, withdrawn…): reviews stay readable.
    ReviewDecided,
    CfpClosedForType,
    ProposalFinal,
    ProposalLocked,
}

impl Refusal {
    /// The stable name: the problem type's last segment and the message id's suffix.
    pub fn slug(&self) -> &'static str {
        use Refusal::*;
        match self {
            MalformedJson { .. } => "malformed-json",
            MalformedQuery { .. } => "malformed-query",
            MalformedUpload { .. } => "malformed-upload",
            WrongMediaType { .. } => "unsupported-media-type",
            AlreadyExists => "already-exists",
            LinkGone => "link-gone",
            OwnAdminRights => "own-admin-rights",
            LastAdmin => "last-admin",
            LastOrganiserOf { .. } => "last-organiser-of",
            EditionNeedsOrganiser => "edition-needs-organiser",
            UnknownRole => "unknown-role",
            InvitationForOther { .. } => "invitation-for-other",
            RegistrationClosed => "registration-closed",
            ConferenceFull => "conference-full",
            WorkshopFull { .. } => "workshop-full",
            WorkshopOverlaps => "workshop-overlaps",
            RegistrationInactive => "registration-inactive",
            PurgeBeforeEnd => "purge-before-end",
            CapacityBelowTaken => "capacity-below-taken",
            CapacityOutOfRange => "capacity-out-of-range",
            ChooseAcceptOrDecline => "choose-accept-or-decline",
            ChooseAddOrDrop => "choose-add-or-drop",
            DoorNotOpen => "door-not-open",
            NoSeatAtDoor => "no-seat-at-door",
            ScanNeedsCode => "scan-needs-code",
            TooManyScans => "too-many-scans",
            OfflineScanNeedsNonce => "offline-scan-needs-nonce",
            SearchTooShort => "search-too-short",
            FeedbackNotYet => "feedback-not-yet",
            FeedbackGiven => "feedback-given",
            TimetableChangedMeanwhile => "timetable-changed-meanwhile",
            NothingToUndo => "nothing-to-undo",
            UndoOtherDevice => "undo-other-device",
            UndoTooLate { .. } => "undo-too-late",
            NoRooms => "no-rooms",
            SuggestPlaceAllFirst => "suggest-place-all-first",
            SuggestRunning => "suggest-running",
            InvalidPlacement => "invalid-placement",
            InvalidGrid => "invalid-grid",
            InvalidBreak => "invalid-break",
            NotDecidable { .. } => "not-decidable",
            ProposalChangedMeanwhile => "proposal-changed-meanwhile",
            ReviewerExcluded => "reviewer-excluded",
            InvalidName => "invalid-name",
            InvalidWindow => "invalid-window",
            ProposalLimit => "proposal-limit",
            AccessCodeUsedUp => "access-code-used-up",
            SessionTypeInUse { .. } => "session-type-in-use",
            InvalidQuestion => "invalid-question",
            StoredAddressInvalid => "stored-address-invalid",
            CoSpeakersClosed => "co-speakers-closed",
            CoSpeakersDraftsOnly => "co-speakers-drafts-only",
            NoAnswerAwaited => "no-answer-awaited",
            WithdrawOpenOnly => "withdraw-open-only",
            NoPhoto => "no-photo",
            UnknownProposalState => "unknown-proposal-state",
            ChooseConfirmOrDecline => "choose-confirm-or-decline",
            ChooseDecision => "choose-decision",
            NotAReviewer => "not-a-reviewer",
            NotAssigned => "not-assigned",
            ReviewWindowClosed => "review-window-closed",
            ReviewDecided => "review-decided",
            CfpClosedForType => "cfp-closed-for-type",
            ProposalFinal => "proposal-final",
            ProposalLocked => "proposal-locked",
        }
    }

    /// The Fluent message saying it.
    pub fn message_id(&self) -> String {
        format!("refusal-{}", self.slug())
    }

    /// 400 for a request that can never succeed as sent, 415 for the wrong body type,
    /// 409 for one the current state refuses (it may succeed later or elsewhere).
    pub fn status(&self) -> StatusCode {
        use Refusal::*;
        match self {
            WrongMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            MalformedJson { .. }
            | MalformedQuery { .. }
            | MalformedUpload { .. }
            | UnknownRole
            | CapacityOutOfRange
            | ChooseAcceptOrDecline
            | ChooseAddOrDrop
            | ScanNeedsCode
            | TooManyScans
            | OfflineScanNeedsNonce
            | SearchTooShort
            | InvalidPlacement
            | InvalidGrid
            | InvalidBreak
            | InvalidName
            | InvalidWindow
            | InvalidQuestion
            | StoredAddressInvalid
            | NoPhoto
            | UnknownProposalState
            | ChooseConfirmOrDecline
            | ChooseDecision
            | NotAReviewer => StatusCode::BAD_REQUEST,
            _ => StatusCode::CONFLICT,
        }
    }

    /// The message's arguments (a count as a number, so it selects the plural form).
    pub fn args(&self) -> Vec<(&'static str, FluentValue<'_>)> {
        use Refusal::*;
        let text = |s: &str| FluentValue::from(s.to_owned());
        match self {
            MalformedJson { reason } | MalformedQuery { reason } | MalformedUpload { reason } => {
                vec![("reason", text(reason))]
            }
            WrongMediaType { expected } => vec![("expected", text(expected))],
            LastOrganiserOf { edition } => vec![("edition", text(edition))],
            InvitationForOther { email } => vec![("email", text(email))],
            WorkshopFull { workshop } => vec![("workshop", text(workshop))],
            NotDecidable { title, state } => vec![("title", text(title)), ("state", text(state))],
            SessionTypeInUse { proposals } => vec![("proposals", FluentValue::from(*proposals))],
            UndoTooLate { minutes } => vec![("minutes", FluentValue::from(*minutes))],
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{I18n, Locale};

    /// One of each kind; the match makes a new variant fail to compile until it is here.
    fn every_kind() -> Vec<Refusal> {
        use Refusal::*;
        let all = vec![
            MalformedJson { reason: "x".into() },
            MalformedQuery { reason: "x".into() },
            MalformedUpload { reason: "x".into() },
            WrongMediaType {
                expected: "application/json",
            },
            AlreadyExists,
            LinkGone,
            OwnAdminRights,
            LastAdmin,
            LastOrganiserOf {
                edition: "x".into(),
            },
            EditionNeedsOrganiser,
            UnknownRole,
            InvitationForOther { email: "x".into() },
            RegistrationClosed,
            ConferenceFull,
            WorkshopFull {
                workshop: "x".into(),
            },
            WorkshopOverlaps,
            RegistrationInactive,
            PurgeBeforeEnd,
            CapacityBelowTaken,
            CapacityOutOfRange,
            ChooseAcceptOrDecline,
            ChooseAddOrDrop,
            DoorNotOpen,
            NoSeatAtDoor,
            ScanNeedsCode,
            TooManyScans,
            OfflineScanNeedsNonce,
            SearchTooShort,
            FeedbackNotYet,
            FeedbackGiven,
            TimetableChangedMeanwhile,
            NothingToUndo,
            UndoOtherDevice,
            UndoTooLate { minutes: 10 },
            NoRooms,
            SuggestPlaceAllFirst,
            SuggestRunning,
            InvalidPlacement,
            InvalidGrid,
            InvalidBreak,
            NotDecidable {
                title: "x".into(),
                state: "draft",
            },
            ProposalChangedMeanwhile,
            ReviewerExcluded,
            InvalidName,
            InvalidWindow,
            ProposalLimit,
            AccessCodeUsedUp,
            SessionTypeInUse { proposals: 2 },
            InvalidQuestion,
            StoredAddressInvalid,
            CoSpeakersClosed,
            CoSpeakersDraftsOnly,
            NoAnswerAwaited,
            WithdrawOpenOnly,
            NoPhoto,
            UnknownProposalState,
            ChooseConfirmOrDecline,
            ChooseDecision,
            NotAReviewer,
            NotAssigned,
            ReviewWindowClosed,
            ReviewDecided,
            CfpClosedForType,
            ProposalFinal,
            ProposalLocked,
        ];
        for kind in &all {
            match kind {
                MalformedJson { .. }
                | MalformedQuery { .. }
                | MalformedUpload { .. }
                | WrongMediaType { .. }
                | AlreadyExists
                | LinkGone
                | OwnAdminRights
                | LastAdmin
                | LastOrganiserOf { .. }
                | EditionNeedsOrganiser
                | UnknownRole
                | InvitationForOther { .. }
                | RegistrationClosed
                | ConferenceFull
                | WorkshopFull { .. }
                | WorkshopOverlaps
                | RegistrationInactive
                | PurgeBeforeEnd
                | CapacityBelowTaken
                | CapacityOutOfRange
                | ChooseAcceptOrDecline
                | ChooseAddOrDrop
                | DoorNotOpen
                | NoSeatAtDoor
                | ScanNeedsCode
                | TooManyScans
                | OfflineScanNeedsNonce
                | SearchTooShort
                | FeedbackNotYet
                | FeedbackGiven
                | TimetableChangedMeanwhile
                | NothingToUndo
                | UndoOtherDevice
                | UndoTooLate { .. }
                | NoRooms
                | SuggestPlaceAllFirst
                | SuggestRunning
                | InvalidPlacement
                | InvalidGrid
                | InvalidBreak
                | NotDecidable { .. }
                | ProposalChangedMeanwhile
                | ReviewerExcluded
                | InvalidName
                | InvalidWindow
                | ProposalLimit
                | AccessCodeUsedUp
                | SessionTypeInUse { .. }
                | InvalidQuestion
                | StoredAddressInvalid
                | CoSpeakersClosed
                | CoSpeakersDraftsOnly
                | NoAnswerAwaited
                | WithdrawOpenOnly
                | NoPhoto
                | UnknownProposalState
                | ChooseConfirmOrDecline
                | ChooseDecision
                | NotAReviewer
                | NotAssigned
                | ReviewWindowClosed
                | ReviewDecided
                | CfpClosedForType
                | ProposalFinal
                | ProposalLocked => {}
            }
        }
        all
    }

    #[test]
    fn every_refusal_is_said_in_both_languages() {
        let i18n = I18n::load().expect("catalogue");
        let mut slugs = std::collections::HashSet::new();
        for kind in every_kind() {
            assert!(
                slugs.insert(kind.slug()),
                "slug used twice: {}",
                kind.slug()
            );
            let id = kind.message_id();
            let args = kind.args();
            let en = i18n.tr(Locale::En, &id, &args);
            let de = i18n.tr(Locale::De, &id, &args);
            assert_ne!(en, id, "no English message {id}");
            assert_ne!(de, id, "no German message {id}");
            assert_ne!(en, de, "{id} is not translated");
            assert!(
                !en.contains("{ $") && !de.contains("{ $"),
                "{id}: an argument is missing"
            );
        }
    }
}
