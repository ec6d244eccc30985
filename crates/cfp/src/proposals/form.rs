//! The proposal form (speakers' and organisers' alike) and its validation.

use crate::model::QuestionId;
use crate::model::{SessionTypeId, TrackId};
use std::collections::BTreeMap;

use devday_shared::FieldErrors;
use serde::Serialize;

use crate::model::{
    CfpSettings, Language, Level, Question, QuestionKind, QuestionTarget, SessionType, Track,
};

/// Co-speakers one new proposal may invite at once (more: from its page).
pub const MAX_CO_SPEAKERS: usize = 5;

/// What the form sent. Built from the raw fields because custom questions have dynamic
/// names (`q_<id>`, repeated for multiple choice).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProposalForm {
    pub title: String,
    #[serde(rename = "abstract")]
    pub abstract_text: String,
    pub description: String,
    pub notes: String,
    pub session_type: String,
    pub track: String,
    pub language: String,
    pub level: String,
    /// draft or submit
    pub action: String,
    /// An access code from a link, if any.
    pub code: String,
    /// The honeypot field; people leave it empty.
    pub website: String,
    pub answers: BTreeMap<String, Vec<String>>,
    /// A new proposal's "about you": the speaker's biography (`None`: the form does not ask).
    pub biography_md: Option<String>,
    /// A new proposal's co-speakers: email addresses, one per line (or comma-separated).
    pub co_speakers: String,
}

impl ProposalForm {
    pub fn from_fields(fields: &[(String, String)]) -> Self {
        let mut form = ProposalForm::default();
        for (key, value) in fields {
            match key.as_str() {
                "title" => form.title = value.clone(),
                "abstract" => form.abstract_text = value.clone(),
                "description" => form.description = value.clone(),
                "notes" => form.notes = value.clone(),
                "session_type" => form.session_type = value.clone(),
                "track" => form.track = value.clone(),
                "language" => form.language = value.clone(),
                "level" => form.level = value.clone(),
                "action" => form.action = value.clone(),
                "code" => form.code = value.clone(),
                "website" => form.website = value.clone(),
                "biography_md" => form.biography_md = Some(value.clone()),
                "co_speakers" => form.co_speakers = value.clone(),
                other => {
                    if let Some(id) = other.strip_prefix("q_") {
                        form.answers
                            .entry(id.to_owned())
                            .or_default()
                            .push(value.clone());
                    }
                }
            }
        }
        form
    }

    /// The speaker's biography and co-speakers' addresses of a new proposal, checked:
    /// errors beside the fields, into `errors`.
    pub fn speaker_extras(
        &self,
        own_email: &str,
        errors: &mut FieldErrors,
    ) -> (Option<String>, Vec<devday_shared::accounts::EmailAddress>) {
        let biography = self.biography_md.as_ref().map(|b| b.trim().to_owned());
        if biography
            .as_ref()
            .is_some_and(|b| b.chars().count() > 5_000)
        {
            errors.add("biography_md", "field-too-long");
        }
        let mut co_speakers: Vec<devday_shared::accounts::EmailAddress> = Vec::new();
        for text in self
            .co_speakers
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|t| !t.is_empty())
        {
            match devday_shared::accounts::EmailAddress::parse(text) {
                Ok(email) if email.as_str() == own_email => {
                    errors.add("co_speakers", "cospeaker-self")
                }
                Ok(email) if !co_speakers.contains(&email) => co_speakers.push(email),
                Ok(_) => {}
                Err(e) => errors.add("co_speakers", e.message_key()),
            }
        }
        if co_speakers.len() > MAX_CO_SPEAKERS {
            errors.add("co_speakers", "cospeakers-too-many");
        }
        (biography, co_speakers)
    }

    pub fn submitting(&self) -> bool {
        self.action == "submit"
    }
}

/// A checked proposal.
#[derive(Debug, Clone)]
pub struct ProposalInput {
    pub title: String,
    pub abstract_text: String,
    pub description: String,
    pub notes: String,
    pub session_type_id: SessionTypeId,
    pub track_id: Option<TrackId>,
    pub language: Language,
    pub level: Level,
    /// (question id, value) for proposal questions; multiple choice joined by newlines.
    pub proposal_answers: Vec<(QuestionId, String)>,
    /// The same for speaker questions (stored for the submitting person).
    pub speaker_answers: Vec<(QuestionId, String)>,
    /// Every speaker question the form asked, so that cleared answers are removed.
    pub speaker_questions: Vec<QuestionId>,
}

pub struct Catalogue<'a> {
    pub settings: &'a CfpSettings,
    pub types: &'a [SessionType],
    pub tracks: &'a [Track],
    pub questions: &'a [Question],
    /// A hidden session type the person may use (through an access code).
    pub unlocked_type: Option<&'a str>,
}

const DESCRIPTION_MAX: usize = 10_000;
const NOTES_MAX: usize = 5_000;

pub fn validate(form: &ProposalForm, cat: &Catalogue<'_>) -> Result<ProposalInput, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = form.title.trim();
    if title.is_empty() {
        errors.add("title", "field-required");
    } else if title.chars().count() > cat.settings.title_max as usize {
        errors.add("title", "field-too-long");
    }
    let abstract_text = form.abstract_text.trim();
    if abstract_text.is_empty() {
        errors.add("abstract", "field-required");
    } else if abstract_text.chars().count() > cat.settings.abstract_max as usize {
        errors.add("abstract", "field-too-long");
    }
    if form.description.chars().count() > DESCRIPTION_MAX {
        errors.add("description", "field-too-long");
    }
    if form.notes.chars().count() > NOTES_MAX {
        errors.add("notes", "field-too-long");
    }
    let session_type = cat.types.iter().find(|t| {
        t.id == form.session_type && (!t.hidden || cat.unlocked_type == Some(t.id.as_str()))
    });
    if session_type.is_none() {
        errors.add("session_type", "field-invalid");
    }
    let track_id = match form.track.trim() {
        "" if cat.tracks.is_empty() => None,
        "" => {
            errors.add("track", "field-required");
            None
        }
        id => {
            let known = cat.tracks.iter().find(|t| t.id == id);
            if known.is_none() {
                errors.add("track", "field-invalid");
            }
            known.map(|t| t.id.clone())
        }
    };
    let language = Language::parse(&form.language);
    if language.is_none() {
        errors.add("language", "field-invalid");
    }
    let level = Level::parse(&form.level);
    if level.is_none() {
        errors.add("level", "field-invalid");
    }
    let mut proposal_answers = Vec::new();
    let mut speaker_answers = Vec::new();
    let mut speaker_questions = Vec::new();
    for question in cat
        .questions
        .iter()
        .filter(|q| session_type.is_some_and(|t| q.applies_to(&t.id)))
    {
        if question.target == QuestionTarget::Speaker {
            speaker_questions.push(question.id.clone());
        }
        let given = form
            .answers
            .get(question.id.as_str())
            .cloned()
            .unwrap_or_default();
        match check_answer(question, &given) {
            Ok(Some(value)) => {
                let list = if question.target == QuestionTarget::Speaker {
                    &mut speaker_answers
                } else {
                    &mut proposal_answers
                };
                list.push((question.id.clone(), value));
            }
            Ok(None) => {}
            Err(key) => errors.add(&format!("q_{}", question.id), key),
        }
    }
    match (session_type, language, level) {
        (Some(t), Some(language), Some(level)) if errors.is_empty() => Ok(ProposalInput {
            title: title.to_owned(),
            abstract_text: abstract_text.to_owned(),
            description: form.description.trim().to_owned(),
            notes: form.notes.trim().to_owned(),
            session_type_id: t.id.clone(),
            track_id,
            language,
            level,
            proposal_answers,
            speaker_answers,
            speaker_questions,
        }),
        _ => Err(errors),
    }
}

/// The stored value of an answer, `None` for an unanswered optional question, or the
/// message id of what is wrong.
fn check_answer(question: &Question, given: &[String]) -> Result<Option<String>, &'static str> {
    let values: Vec<&str> = given
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        return if question.required {
            Err("field-required")
        } else {
            Ok(None)
        };
    }
    let kind = question.kind;
    let single = values[0];
    match kind {
        QuestionKind::Text if single.chars().count() > 500 => Err("field-too-long"),
        QuestionKind::LongText if single.chars().count() > 5000 => Err("field-too-long"),
        QuestionKind::Text | QuestionKind::LongText => Ok(Some(single.to_owned())),
        QuestionKind::Boolean => match single {
            "yes" | "no" => Ok(Some(single.to_owned())),
            _ => Err("field-invalid"),
        },
        QuestionKind::Number => single
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(|n| Some(n.to_string()))
            .ok_or("number-invalid"),
        QuestionKind::Single => {
            if question.option_list().contains(&single) {
                Ok(Some(single.to_owned()))
            } else {
                Err("field-invalid")
            }
        }
        QuestionKind::Multiple => {
            let options = question.option_list();
            if values.iter().all(|v| options.contains(v)) {
                Ok(Some(values.join("\n")))
            } else {
                Err("field-invalid")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use devday_shared::i18n::Locale;

    fn question(kind: &str, options: &str, required: bool) -> Question {
        Question {
            id: "q1".into(),
            edition_id: "e".into(),
            target: QuestionTarget::Proposal,
            kind: QuestionKind::parse(kind).expect("a kind"),
            label: "Q".into(),
            help: String::new(),
            options: options.into(),
            required,
            session_type_ids: String::new(),
            position: 0,
            label_de: String::new(),
            help_de: String::new(),
            options_de: String::new(),
        }
    }

    #[test]
    fn choices_store_one_value_and_read_in_the_readers_language() {
        let mut q = question("single", "Yes, gladly\nNo", true);
        q.options_de = "Ja, gern\nNein".into();
        let de = q.choices(Locale::De);
        assert_eq!((de[0].value, de[0].text), ("Yes, gladly", "Ja, gern"));
        assert_eq!(q.say_answer("No", Locale::De), "Nein");
        assert_eq!(q.say_answer("No", Locale::En), "No");
        // A German answer is checked against the stored values, not the German words.
        let v = |s: &str| vec![s.to_owned()];
        assert_eq!(check_answer(&q, &v("Nein")), Err("field-invalid"));
        assert_eq!(check_answer(&q, &v("No")), Ok(Some("No".into())));
        // Given in German only, German is what is stored and what everyone reads.
        let mut german_only = question("multiple", "", false);
        german_only.options_de = "Rust\nDaten".into();
        assert_eq!(german_only.option_list(), ["Rust", "Daten"]);
        assert_eq!(
            german_only.say_answer("Rust\nDaten", Locale::En),
            "Rust\nDaten"
        );
        // An answer whose option was since removed still reads as it was given.
        assert_eq!(q.say_answer("Maybe", Locale::De), "Maybe");
    }

    #[test]
    fn answers_are_checked_by_kind() {
        let v = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            check_answer(&question("number", "", true), &v(&["3,5"])),
            Ok(Some("3.5".into()))
        );
        assert_eq!(
            check_answer(&question("number", "", true), &v(&["many"])),
            Err("number-invalid")
        );
        assert_eq!(
            check_answer(&question("single", "A\nB", true), &v(&["C"])),
            Err("field-invalid")
        );
        assert_eq!(
            check_answer(&question("multiple", "A\nB\nC", false), &v(&["A", "C"])),
            Ok(Some("A\nC".into()))
        );
        assert_eq!(
            check_answer(&question("boolean", "", true), &v(&[])),
            Err("field-required")
        );
        assert_eq!(
            check_answer(&question("text", "", false), &v(&["  "])),
            Ok(None)
        );
    }
}
