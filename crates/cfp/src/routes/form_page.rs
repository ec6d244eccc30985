//! Renders the proposal form for speakers and organisers alike.

use crate::model::{Choice, QuestionTarget};
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use devday_shared::editions::Edition;
use devday_shared::web::Page;
use devday_shared::{AppResult, FieldErrors};
use serde::Serialize;

use crate::catalogue::Loaded;
use crate::model::{Language, Level, QuestionKind};
use crate::proposals::form::ProposalForm;
use crate::rules;

#[derive(Serialize)]
struct TypeView<'a> {
    id: &'a str,
    name: &'a str,
    duration_minutes: i32,
    deadline: Option<String>,
    open: bool,
}

#[derive(Serialize)]
struct QuestionView<'a> {
    id: &'a str,
    label: &'a str,
    help: &'a str,
    kind: QuestionKind,
    required: bool,
    options: Vec<Choice<'a>>,
    /// Names of the session types it is asked for; empty: all.
    only_for: Vec<&'a str>,
    target: QuestionTarget,
}

pub struct FormPage<'a> {
    pub edition: &'a Edition,
    pub loaded: &'a Loaded,
    pub form: &'a ProposalForm,
    pub errors: &'a FieldErrors,
    pub action_url: String,
    pub heading_key: &'a str,
    /// Organisers see every type and no deadline; they may give a speaker's email.
    pub organiser: bool,
    pub with_email: Option<&'a str>,
    /// A hidden type an access code unlocked.
    pub unlocked_type: Option<&'a str>,
    /// An access code without a type: every visible type is open to its holder.
    pub unlocked_all: bool,
    /// Whether the proposal is still a draft (offers "submit").
    pub draft: bool,
}

pub fn render(page: &Page, p: FormPage<'_>, status: StatusCode) -> AppResult<HttpResponse> {
    let at = devday_db::now();
    let types: Vec<TypeView<'_>> = p
        .loaded
        .types
        .iter()
        .filter(|t| p.organiser || !t.hidden || p.unlocked_type == Some(t.id.as_str()))
        .map(|t| TypeView {
            id: &t.id,
            name: devday_shared::bilingual::pick(page.locale, &t.name, &t.name_de),
            duration_minutes: t.duration_minutes,
            deadline: rules::deadline(p.edition, t).map(|d| p.edition.say_day_time(d, page.locale)),
            open: p.organiser
                || rules::open_for(p.edition, t, at)
                || p.unlocked_type == Some(t.id.as_str())
                || (p.unlocked_all && !t.hidden),
        })
        .collect();
    let questions: Vec<QuestionView<'_>> = p
        .loaded
        .questions
        .iter()
        .map(|q| QuestionView {
            id: &q.id,
            label: q.label(page.locale),
            help: q.help(page.locale),
            kind: q.kind,
            required: q.required,
            options: q.choices(page.locale),
            only_for: p
                .loaded
                .types
                .iter()
                .filter(|t| !q.session_type_ids.is_empty() && q.applies_to(&t.id))
                .map(|t| devday_shared::bilingual::pick(page.locale, &t.name, &t.name_de))
                .collect(),
            target: q.target,
        })
        .collect();
    let mut ctx = page.context();
    ctx.insert("edition", p.edition);
    ctx.insert("form", p.form);
    ctx.insert("errors", p.errors);
    ctx.insert("types", &types);
    ctx.insert("tracks", &p.loaded.tracks);
    ctx.insert("questions", &questions);
    ctx.insert(
        "languages",
        &Language::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
    );
    ctx.insert(
        "levels",
        &Level::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
    );
    ctx.insert("limits", &p.loaded.settings);
    ctx.insert("action_url", &p.action_url);
    ctx.insert("heading_key", p.heading_key);
    ctx.insert("organiser", &p.organiser);
    ctx.insert("with_email", &p.with_email);
    // With an access code the proposal is submitted at once: after the deadline a draft
    // could never be submitted.
    ctx.insert("draft", &(p.draft && p.form.code.is_empty()));
    page.render_status(status, "cfp/proposal_form.html", &ctx)
}
