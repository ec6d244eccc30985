//! When a proposal may be submitted or changed: the CfP window, per-type deadlines, hidden
//! types and access codes.

use chrono::NaiveDateTime;
use devday_shared::editions::Edition;

use crate::model::{AccessCode, SessionType};

/// The deadline of a session type: its own, else the CfP's.
pub fn deadline(edition: &Edition, session_type: &SessionType) -> Option<NaiveDateTime> {
    session_type.deadline.or(edition.cfp_closes_at)
}

/// Whether anyone may submit this type now: the CfP has opened, the type's deadline has not
/// passed, and the type is not hidden.
pub fn open_for(edition: &Edition, session_type: &SessionType, now: NaiveDateTime) -> bool {
    !session_type.hidden
        && edition.cfp_opens_at.is_some_and(|opens| now >= opens)
        && deadline(edition, session_type).is_none_or(|d| now < d)
}

/// Whether an access code lets its holder submit this type now, whatever the window.
pub fn code_unlocks(code: &AccessCode, session_type: &SessionType) -> bool {
    code.session_type_id
        .as_ref()
        .is_none_or(|id| *id == session_type.id)
        && (code.session_type_id.is_some() || !session_type.hidden)
}

/// Whether the CfP takes any submission now (for the CfP page and the form).
pub fn any_open(edition: &Edition, types: &[SessionType], now: NaiveDateTime) -> bool {
    types.iter().any(|t| open_for(edition, t, now))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap_or_default()
    }

    fn edition() -> Edition {
        Edition {
            id: "e".into(),
            slug: "e".into(),
            name: "E".into(),
            starts_on: at("2027-05-20 00:00").date(),
            ends_on: at("2027-05-21 00:00").date(),
            timezone: "Europe/Berlin".into(),
            venue: String::new(),
            cfp_opens_at: Some(at("2026-09-01 00:00")),
            cfp_closes_at: Some(at("2026-12-01 00:00")),
            registration_opens_at: None,
            registration_closes_at: None,
            archived_at: None,
            created_at: at("2026-01-01 00:00"),
            description_md: String::new(),
            description_de_md: String::new(),
            format: Default::default(),
            streams_public: true,
        }
    }

    fn session_type(deadline: Option<&str>, hidden: bool) -> SessionType {
        SessionType {
            id: "t".into(),
            edition_id: "e".into(),
            name: "Talk".into(),
            name_de: "Vortrag".into(),
            duration_minutes: 45,
            deadline: deadline.map(at),
            hidden,
            position: 0,
            slots: None,
        }
    }

    #[test]
    fn a_type_can_have_a_later_deadline() {
        let e = edition();
        let talk = session_type(None, false);
        let lightning = session_type(Some("2027-01-15 00:00"), false);
        assert!(open_for(&e, &talk, at("2026-11-30 23:59")));
        assert!(!open_for(&e, &talk, at("2026-12-01 00:00")));
        assert!(open_for(&e, &lightning, at("2027-01-10 12:00")));
        assert!(
            !open_for(&e, &talk, at("2026-08-31 23:59")),
            "before opening"
        );
        assert!(
            !open_for(&e, &session_type(None, true), at("2026-10-01 00:00")),
            "hidden"
        );
    }

    #[test]
    fn codes_unlock_their_type_or_any_visible_one() {
        let code = |type_id: Option<&str>| AccessCode {
            id: "c".into(),
            edition_id: "e".into(),
            code: "x".into(),
            session_type_id: type_id.map(Into::into),
            max_uses: 1,
            uses: 0,
            valid_until: None,
            note: String::new(),
            created_at: at("2026-01-01 00:00"),
        };
        let hidden = session_type(None, true);
        assert!(code_unlocks(&code(Some("t")), &hidden));
        assert!(!code_unlocks(&code(None), &hidden));
        assert!(code_unlocks(&code(None), &session_type(None, false)));
        assert!(!code_unlocks(&code(Some("other")), &hidden));
    }
}
