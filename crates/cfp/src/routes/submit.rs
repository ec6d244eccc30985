//! Speakers write proposals: a new one (draft or submitted), and edits until the deadline.

use crate::model::SessionTypeId;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use devday_db::{write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::vocabulary::EditionId;
use devday_shared::web::{see_other, ClientIp, CsrfForm, CurrentUser, Flash, Page, PublicEdition};
use devday_shared::{AppError, AppResult, AppState, FieldErrors};
use serde::Deserialize;

use super::form_page::{self, FormPage};
use super::own_proposal;
use crate::catalogue::Loaded;
use crate::invitations::{self, Invite, Kind};
use crate::model::{AccessCode, Proposal, ProposalId, ProposalState};
use crate::profiles;
use crate::proposals::form::{self, ProposalForm};
use crate::proposals::{self, service};
use crate::{rules, settings};
use devday_shared::web::Query;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeQuery {
    code: String,
}

/// The catalogue and, if the link carried one, a valid access code.
fn load(
    conn: &mut DbConn,
    edition_id: &EditionId,
    code: &str,
) -> AppResult<(Loaded, Option<AccessCode>)> {
    let loaded = Loaded::load(conn, edition_id)?;
    let code = match code.trim() {
        "" => None,
        code => settings::valid_access_code(conn, edition_id, code)?,
    };
    Ok((loaded, code))
}

fn closed(page: &Page, edition: &Edition) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("edition", edition);
    page.render_status(StatusCode::FORBIDDEN, "cfp/closed.html", &ctx)
}

pub async fn new_form(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    PublicEdition(edition): PublicEdition,
    query: Query<CodeQuery>,
) -> AppResult<HttpResponse> {
    let (id, code, uid) = (edition.id.clone(), query.code.clone(), user.0.id);
    let ((loaded, code), profile) = state
        .db(move |c| Ok((load(c, &id, &code)?, profiles::get(c, &uid)?)))
        .await?;
    let now = devday_db::now();
    if code.is_none() && !rules::any_open(&edition, &loaded.types, now) {
        return closed(&page, &edition);
    }
    let unlocked = code.as_ref().and_then(|c| c.session_type_id.clone());
    let unlocked_all = code.as_ref().is_some_and(|c| c.session_type_id.is_none());
    let form = ProposalForm {
        session_type: unlocked
            .clone()
            .or_else(|| {
                loaded
                    .types
                    .iter()
                    .find(|t| rules::open_for(&edition, t, now))
                    .map(|t| t.id.clone())
            })
            .map(SessionTypeId::into_string)
            .unwrap_or_default(),
        language: page.locale.code().to_owned(),
        level: "intermediate".into(),
        code: code.map(|c| c.code).unwrap_or_default(),
        // About you: the biography on the profile, to check or write now.
        biography_md: Some(profile.biography_md),
        ..Default::default()
    };
    form_page::render(
        &page,
        FormPage {
            edition: &edition,
            loaded: &loaded,
            form: &form,
            errors: &FieldErrors::new(),
            action_url: format!("/{}/cfp/submit", edition.slug),
            heading_key: "proposal-new",
            organiser: false,
            with_email: None,
            unlocked_type: unlocked.as_deref(),
            unlocked_all,
            draft: true,
        },
        StatusCode::OK,
    )
}

pub async fn create(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    ip: ClientIp,
    PublicEdition(edition): PublicEdition,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let form = ProposalForm::from_fields(&fields);
    if !form.website.is_empty() {
        // The honeypot: bots are sent on as if it worked, and nothing is stored.
        return Ok(see_other(&format!("/{}/cfp/", edition.slug)));
    }
    state.limits.signup(&ip.0).await?;
    let (id, code) = (edition.id.clone(), form.code.clone());
    let (loaded, code) = state.db(move |c| load(c, &id, &code)).await?;
    let unlocked = code.as_ref().and_then(|c| c.session_type_id.clone());
    let unlocked_all = code.as_ref().is_some_and(|c| c.session_type_id.is_none());
    let rerender = |errors: &FieldErrors| {
        form_page::render(
            &page,
            FormPage {
                edition: &edition,
                loaded: &loaded,
                form: &form,
                errors,
                action_url: format!("/{}/cfp/submit", edition.slug),
                heading_key: "proposal-new",
                organiser: false,
                with_email: None,
                unlocked_type: unlocked.as_deref(),
                unlocked_all,
                draft: true,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let mut extra = FieldErrors::new();
    let (biography, co_speakers) = form.speaker_extras(&user.0.email, &mut extra);
    let input = match form::validate(&form, &loaded.catalogue(unlocked.as_deref())) {
        Ok(input) if extra.is_empty() => input,
        Ok(_) => return rerender(&extra),
        Err(mut errors) => {
            errors.merge(extra);
            return rerender(&errors);
        }
    };
    let session_type = loaded
        .session_type(&input.session_type_id)
        .ok_or(AppError::NotFound)?;
    let now = devday_db::now();
    let by_code = code
        .as_ref()
        .filter(|c| rules::code_unlocks(c, session_type));
    if by_code.is_none() && !rules::open_for(&edition, session_type, now) {
        let mut errors = FieldErrors::new();
        errors.add("session_type", "cfp-deadline-passed");
        return rerender(&errors);
    }
    // A proposal let in by a code is submitted at once (see the form).
    let submit = form.submitting() || by_code.is_some();
    let deadline = rules::deadline(&edition, session_type);
    let (user_id, edition_id) = (user.0.id.clone(), edition.id.clone());
    let max = i64::from(loaded.settings.max_proposals_per_speaker);
    if submit
        && state
            .db(move |c| Ok(proposals::active_count(c, &edition_id, &user_id)?))
            .await?
            >= max
    {
        let mut errors = FieldErrors::new();
        errors.add("title", "proposal-limit");
        return rerender(&errors);
    }
    let mailer = state.mailer.clone();
    let code_id = by_code.map(|c| c.id.clone());
    let edition_for_db = edition.clone();
    let speaker = user.0.clone();
    let invited = co_speakers.len();
    // The proposal, the biography and the co-speakers' invitations: all or nothing.
    let proposal = state
        .db(move |c| {
            write_transaction(c, |c| {
                let proposal = service::create(
                    c,
                    &mailer,
                    service::NewProposal {
                        edition: &edition_for_db,
                        input: &input,
                        speaker_id: Some(&speaker.id),
                        actor_id: &speaker.id,
                        submit,
                        access_code_id: code_id.as_ref(),
                    },
                )?;
                if let Some(biography) = &biography {
                    profiles::set_biography(c, &speaker.id, biography)?;
                }
                for email in &co_speakers {
                    invitations::invite(
                        c,
                        &mailer,
                        Invite {
                            edition: &edition_for_db,
                            proposal: &proposal,
                            email,
                            inviter_id: &speaker.id,
                            inviter_name: &speaker.display_name,
                            locale: speaker.locale,
                            kind: Kind::CoSpeaker,
                        },
                    )?;
                }
                Ok(proposal)
            })
        })
        .await?;
    let flash = saved(&page, &edition, deadline, submit).count("invited", invited);
    Ok(page.done(
        &format!("/{}/cfp/proposals/{}", edition.slug, proposal.id),
        flash,
    ))
}

fn form_of(proposal: &Proposal, answers: Vec<(String, String)>) -> ProposalForm {
    let mut form = ProposalForm {
        title: proposal.title.clone(),
        abstract_text: proposal.abstract_text.clone(),
        description: proposal.description.clone(),
        notes: proposal.notes.clone(),
        session_type: proposal.session_type_id.to_string(),
        track: proposal.track_id.as_deref().unwrap_or_default().to_owned(),
        language: proposal.language.clone(),
        level: proposal.level.clone(),
        ..Default::default()
    };
    for (question_id, value) in answers {
        form.answers
            .insert(question_id, value.lines().map(str::to_owned).collect());
    }
    form
}

/// Whether the speakers may still change it: an open state, and its type's deadline ahead.
fn editable(edition: &Edition, loaded: &Loaded, proposal: &Proposal) -> bool {
    let now = devday_db::now();
    proposal.state.editable_by_speaker()
        && loaded
            .session_type(&proposal.session_type_id)
            .is_some_and(|t| {
                rules::deadline(edition, t).is_none_or(|d| now < d)
                    && edition.cfp_opens_at.is_some_and(|o| now >= o)
            })
}

pub async fn edit_form(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    path: web::Path<(String, ProposalId)>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let (edition, proposal) = own_proposal(&state, slug, id, user.0.id.clone()).await?;
    let (eid, pid, uid) = (edition.id.clone(), proposal.id.clone(), user.0.id.clone());
    let (loaded, answers) = state
        .db(move |c| {
            Ok((
                Loaded::load(c, &eid)?,
                proposals::answer_map(c, &pid, &uid, &eid)?,
            ))
        })
        .await?;
    if !editable(&edition, &loaded, &proposal) {
        return closed(&page, &edition);
    }
    let form = form_of(&proposal, answers);
    form_page::render(
        &page,
        FormPage {
            edition: &edition,
            loaded: &loaded,
            form: &form,
            errors: &FieldErrors::new(),
            action_url: format!("/{}/cfp/proposals/{}/edit", edition.slug, proposal.id),
            heading_key: "proposal-edit",
            organiser: false,
            with_email: None,
            unlocked_type: Some(&proposal.session_type_id),
            unlocked_all: false,
            draft: proposal.state == ProposalState::Draft,
        },
        StatusCode::OK,
    )
}

pub async fn update(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    path: web::Path<(String, ProposalId)>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let (edition, proposal) = own_proposal(&state, slug, id, user.0.id.clone()).await?;
    let eid = edition.id.clone();
    let loaded = state.db(move |c| Loaded::load(c, &eid)).await?;
    if !editable(&edition, &loaded, &proposal) {
        return Err(AppError::Refused(devday_shared::Refusal::ProposalFinal));
    }
    let form = ProposalForm::from_fields(&fields);
    let draft = proposal.state == ProposalState::Draft;
    let rerender = |errors: &FieldErrors| {
        form_page::render(
            &page,
            FormPage {
                edition: &edition,
                loaded: &loaded,
                form: &form,
                errors,
                action_url: format!("/{}/cfp/proposals/{}/edit", edition.slug, proposal.id),
                heading_key: "proposal-edit",
                organiser: false,
                with_email: None,
                unlocked_type: Some(&proposal.session_type_id),
                unlocked_all: false,
                draft,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let input = match form::validate(&form, &loaded.catalogue(Some(&proposal.session_type_id))) {
        Ok(input) => input,
        Err(errors) => return rerender(&errors),
    };
    let now = devday_db::now();
    let moved_to_closed_type = input.session_type_id != proposal.session_type_id
        && loaded
            .session_type(&input.session_type_id)
            .is_none_or(|t| !rules::open_for(&edition, t, now));
    if moved_to_closed_type {
        let mut errors = FieldErrors::new();
        errors.add("session_type", "cfp-deadline-passed");
        return rerender(&errors);
    }
    let submit = draft && form.submitting();
    let deadline = loaded
        .session_type(&input.session_type_id)
        .and_then(|t| rules::deadline(&edition, t));
    let max = i64::from(loaded.settings.max_proposals_per_speaker);
    let (uid, eid) = (user.0.id.clone(), edition.id.clone());
    if submit
        && state
            .db(move |c| Ok(proposals::active_count(c, &eid, &uid)?))
            .await?
            >= max
    {
        let mut errors = FieldErrors::new();
        errors.add("title", "proposal-limit");
        return rerender(&errors);
    }
    let mailer = state.mailer.clone();
    let (edition_db, proposal_db, uid) = (edition.clone(), proposal.clone(), user.0.id.clone());
    state
        .db(move |c| service::update(c, &mailer, &edition_db, &proposal_db, &input, &uid, submit))
        .await?;
    Ok(page.done(
        &format!("/{}/cfp/proposals/{}", edition.slug, proposal.id),
        saved(&page, &edition, deadline, submit).count("invited", 0),
    ))
}

/// What the speaker reads after saving: a draft is saved; a sent proposal says what
/// happens next and until when (a date) they may still change it.
/// What saving said; the caller adds how many co-speakers were invited (`invited`).
fn saved(page: &Page, edition: &Edition, deadline: Option<NaiveDateTime>, submit: bool) -> Flash {
    match (submit, deadline.filter(|d| *d > devday_db::now())) {
        (false, _) => Flash::new("flash-draft-saved"),
        (true, Some(d)) => Flash::new("flash-proposal-submitted-until")
            .text("time", &edition.say_day_time(d, page.locale)),
        (true, None) => Flash::new("flash-proposal-submitted"),
    }
}
