//! Organisers work with the proposals: list, detail with answers and history, edit, change
//! of state, proposals for invited speakers, speakers, CSV exports.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::accounts::EmailAddress;
use devday_shared::vocabulary::ProposalId;
use devday_shared::vocabulary::UserId;
use devday_shared::web::{CsrfForm, Flash, Organiser, Page, RequestLocale};
use devday_shared::{AppError, AppResult, AppState, FieldErrors};
use serde::Deserialize;

use super::form_page::{self, FormPage};
use crate::catalogue::Loaded;
use crate::invitations::{self, Invite, Kind};
use crate::model::{HistoryEvent, Note, Proposal, ProposalState};
use crate::proposals::form::{self, ProposalForm};
use crate::proposals::list::{self, Filter};
use crate::proposals::{self, service};
use crate::{export, speakers};
use devday_shared::web::Query;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/manage/proposals", web::get().to(index))
        .route(
            "/{edition}/manage/proposals.csv",
            web::get().to(proposals_csv),
        )
        .route("/{edition}/manage/speakers", web::get().to(speaker_list))
        .route(
            "/{edition}/manage/speakers.csv",
            web::get().to(speakers_csv),
        )
        .service(
            web::resource("/{edition}/manage/proposals/new")
                .route(web::get().to(new_form))
                .route(web::post().to(create)),
        )
        .route("/{edition}/manage/proposals/{id}", web::get().to(detail))
        .service(
            web::resource("/{edition}/manage/proposals/{id}/edit")
                .route(web::get().to(edit_form))
                .route(web::post().to(update)),
        )
        .route(
            "/{edition}/manage/proposals/{id}/state",
            web::post().to(set_state),
        )
        .route(
            "/{edition}/manage/proposals/{id}/consent",
            web::post().to(set_consent),
        );
}

pub async fn index(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    filter: Query<Filter>,
) -> AppResult<HttpResponse> {
    let (eid, f) = (access.edition.id.clone(), filter.into_inner().for_people());
    let f2 = f.clone();
    let (result, loaded) = state
        .db(move |c| Ok((list::list(c, &eid, &f2)?, Loaded::load(c, &eid)?)))
        .await?;
    let pages = (result.total + result.per_page - 1) / result.per_page;
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("rows", &result.rows);
    ctx.insert("total", &result.total);
    ctx.insert("page_no", &result.page);
    ctx.insert("pages", &pages.max(1));
    ctx.insert("filter", &f);
    ctx.insert(
        "query",
        &serde_urlencoded::to_string(Filter {
            page: 0,
            ..f.clone()
        })
        .unwrap_or_default(),
    );
    ctx.insert("types", &loaded.types);
    ctx.insert("tracks", &loaded.tracks);
    ctx.insert(
        "states",
        &ProposalState::ALL
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>(),
    );
    page.render("cfp/manage_proposals.html", &ctx)
}

async fn load(state: &AppState, access: &Organiser, id: ProposalId) -> AppResult<Proposal> {
    let eid = access.edition.id.clone();
    state
        .db(move |c| proposals::get(c, &eid, &id)?.ok_or(AppError::NotFound))
        .await
}

pub async fn detail(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, ProposalId)>,
) -> AppResult<HttpResponse> {
    let proposal = load(&state, &access, path.into_inner().1).await?;
    render_detail(&state, &page, &access, proposal, FieldErrors::new()).await
}

/// The proposal's page for the organisers; with errors, shown again beside the fields.
async fn render_detail(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    proposal: Proposal,
    errors: FieldErrors,
) -> AppResult<HttpResponse> {
    let (eid, p) = (access.edition.id.clone(), proposal.clone());
    let locale = page.locale;
    let (row, answers, history, invites, reviews, consent) = state
        .db(move |c| {
            let speakers = proposals::speakers(c, &p.id)?;
            let ids: Vec<UserId> = speakers.iter().map(|s| s.user_id.clone()).collect();
            let mut rows = list::decorate(c, &eid, vec![p.clone()])?;
            Ok((
                rows.pop(),
                proposals::shown(&proposals::answers(c, &p, &ids)?, locale),
                proposals::history(c, &p.id)?,
                invitations::of_proposal(c, &p.id)?,
                crate::review::reviews::of_proposal(c, &p.id)?,
                crate::confirming::consent(c, &p.id)?,
            ))
        })
        .await?;
    let now = devday_db::now();
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("proposal", &proposal);
    ctx.insert(
        "consent_asked",
        &(consent.0.is_some() || consent.1.is_some()),
    );
    ctx.insert("may_stream", &consent.0.unwrap_or(false));
    ctx.insert("may_record", &consent.1.unwrap_or(false));
    ctx.insert("row", &row);
    ctx.insert("answers", &answers);
    ctx.insert("history", &history);
    ctx.insert("reviews", &reviews);
    ctx.insert(
        "invitations",
        &invites.iter().map(|i| i.view(now)).collect::<Vec<_>>(),
    );
    ctx.insert(
        "states",
        &ProposalState::ALL
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>(),
    );
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    ctx.insert("errors", &errors);
    page.render_status(status, "cfp/manage_proposal.html", &ctx)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConsentForm {
    may_stream: bool,
    may_record: bool,
    /// Why: a speaker's mail, a phone call. Required, kept in the history.
    note: String,
}

/// Organisers change what a speaker allowed (told by mail, say), saying why.
pub async fn set_consent(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, ProposalId)>,
    CsrfForm(form): CsrfForm<ConsentForm>,
) -> AppResult<HttpResponse> {
    let proposal = load(&state, &access, path.into_inner().1).await?;
    let note = form.note.trim().chars().take(500).collect::<String>();
    if note.is_empty() {
        let mut errors = FieldErrors::new();
        errors.add("consent_note", "consent-note-needed");
        return render_detail(&state, &page, &access, proposal, errors).await;
    }
    let (p, uid) = (proposal.clone(), access.user.id.clone());
    state
        .db(move |c| {
            crate::confirming::change_consent(c, &p, &uid, form.may_stream, form.may_record, &note)
        })
        .await?;
    Ok(page.done(
        &format!(
            "/{}/manage/proposals/{}#consent",
            access.edition.slug, proposal.id
        ),
        Flash::new("flash-consent-changed").text("title", &proposal.title),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StateForm {
    state: String,
    note: String,
}

pub async fn set_state(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, ProposalId)>,
    CsrfForm(form): CsrfForm<StateForm>,
) -> AppResult<HttpResponse> {
    let proposal = load(&state, &access, path.into_inner().1).await?;
    let to = ProposalState::parse(&form.state)
        .ok_or_else(|| AppError::Refused(devday_shared::Refusal::UnknownProposalState))?;
    let note = form.note.trim().chars().take(500).collect::<String>();
    let (p, uid) = (proposal.clone(), access.user.id.clone());
    state
        .db(move |c| {
            service::transition(
                c,
                &p,
                to,
                &uid,
                if note.is_empty() {
                    HistoryEvent::ChangedByOrganisers.into()
                } else {
                    Note::Said(&note)
                },
            )
        })
        .await?;
    Ok(page.done(
        &format!("/{}/manage/proposals/{}", access.edition.slug, proposal.id),
        Flash::new("flash-proposal-state")
            .text("title", &proposal.title)
            .text("state", to.as_str()),
    ))
}

fn organiser_form<'a>(
    access: &'a Organiser,
    loaded: &'a Loaded,
    form: &'a ProposalForm,
    errors: &'a FieldErrors,
    action_url: String,
    email: Option<&'a str>,
) -> FormPage<'a> {
    FormPage {
        edition: &access.edition,
        loaded,
        form,
        errors,
        action_url,
        heading_key: if email.is_some() {
            "proposal-for-speaker"
        } else {
            "proposal-edit"
        },
        organiser: true,
        with_email: email,
        unlocked_type: None,
        unlocked_all: false,
        draft: false,
    }
}

pub async fn edit_form(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, ProposalId)>,
) -> AppResult<HttpResponse> {
    let proposal = load(&state, &access, path.into_inner().1).await?;
    let (eid, pid, creator) = (
        access.edition.id.clone(),
        proposal.id.clone(),
        UserId::from(proposal.created_by.clone().unwrap_or_default()),
    );
    let (loaded, answers) = state
        .db(move |c| {
            Ok((
                Loaded::load(c, &eid)?,
                proposals::answer_map(c, &pid, &creator, &eid)?,
            ))
        })
        .await?;
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
    for (q, v) in answers {
        form.answers
            .insert(q, v.lines().map(str::to_owned).collect());
    }
    let url = format!(
        "/{}/manage/proposals/{}/edit",
        access.edition.slug, proposal.id
    );
    form_page::render(
        &page,
        organiser_form(&access, &loaded, &form, &FieldErrors::new(), url, None),
        StatusCode::OK,
    )
}

/// Organisers may edit any proposal at any time; the history says who did.
pub async fn update(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, ProposalId)>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let proposal = load(&state, &access, path.into_inner().1).await?;
    let eid = access.edition.id.clone();
    let loaded = state.db(move |c| Loaded::load(c, &eid)).await?;
    let form = ProposalForm::from_fields(&fields);
    // Organisers may use hidden types too.
    let hidden: Vec<&str> = loaded
        .types
        .iter()
        .filter(|t| t.hidden)
        .map(|t| t.id.as_str())
        .collect();
    let unlocked = if hidden.contains(&form.session_type.as_str()) {
        Some(form.session_type.as_str())
    } else {
        None
    };
    let input = match form::validate(&form, &loaded.catalogue(unlocked)) {
        Ok(input) => input,
        Err(errors) => {
            let url = format!(
                "/{}/manage/proposals/{}/edit",
                access.edition.slug, proposal.id
            );
            return form_page::render(
                &page,
                organiser_form(&access, &loaded, &form, &errors, url, None),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let mailer = state.mailer.clone();
    let (e, p, uid) = (
        access.edition.clone(),
        proposal.clone(),
        access.user.id.clone(),
    );
    state
        .db(move |c| service::update(c, &mailer, &e, &p, &input, &uid, false))
        .await?;
    Ok(page.done(
        &format!("/{}/manage/proposals/{}", access.edition.slug, proposal.id),
        Flash::new("flash-saved"),
    ))
}

pub async fn new_form(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let loaded = state.db(move |c| Loaded::load(c, &eid)).await?;
    let form = ProposalForm {
        session_type: loaded
            .types
            .first()
            .map(|t| t.id.to_string())
            .unwrap_or_default(),
        language: "de".into(),
        level: "intermediate".into(),
        ..Default::default()
    };
    let url = format!("/{}/manage/proposals/new", access.edition.slug);
    form_page::render(
        &page,
        organiser_form(&access, &loaded, &form, &FieldErrors::new(), url, Some("")),
        StatusCode::OK,
    )
}

/// A proposal for an invited speaker (a keynote, say): submitted at once, without speakers,
/// and a mail lets the speaker claim it.
pub async fn create(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let loaded = state.db(move |c| Loaded::load(c, &eid)).await?;
    let form = ProposalForm::from_fields(&fields);
    let email_raw = fields
        .iter()
        .find(|(k, _)| k == "speaker_email")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let hidden: Vec<&str> = loaded
        .types
        .iter()
        .filter(|t| t.hidden)
        .map(|t| t.id.as_str())
        .collect();
    let unlocked = if hidden.contains(&form.session_type.as_str()) {
        Some(form.session_type.as_str())
    } else {
        None
    };
    let validated = form::validate(&form, &loaded.catalogue(unlocked));
    let email = EmailAddress::parse(&email_raw);
    let (input, email) = match (validated, email) {
        (Ok(input), Ok(email)) => (input, email),
        (validated, email) => {
            let mut errors = validated.err().unwrap_or_default();
            if let Err(e) = email {
                errors.add("speaker_email", e.message_key());
            }
            let url = format!("/{}/manage/proposals/new", access.edition.slug);
            return form_page::render(
                &page,
                organiser_form(&access, &loaded, &form, &errors, url, Some(&email_raw)),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let mailer = state.mailer.clone();
    let (e, u) = (access.edition.clone(), access.user.clone());
    let invited = email.as_str().to_owned();
    let proposal = state
        .db(move |c| {
            devday_db::write_transaction(c, |c| {
                let proposal = service::create(
                    c,
                    &mailer,
                    service::NewProposal {
                        edition: &e,
                        input: &input,
                        speaker_id: None,
                        actor_id: &u.id,
                        submit: true,
                        access_code_id: None,
                    },
                )?;
                invitations::invite(
                    c,
                    &mailer,
                    Invite {
                        edition: &e,
                        proposal: &proposal,
                        email: &email,
                        inviter_id: &u.id,
                        inviter_name: &u.display_name,
                        locale: u.locale,
                        kind: Kind::Claim,
                    },
                )?;
                Ok::<_, AppError>(proposal)
            })
        })
        .await?;
    Ok(page.done(
        &format!("/{}/manage/proposals/{}", access.edition.slug, proposal.id),
        Flash::new("flash-proposal-entered").text("email", &invited),
    ))
}

pub async fn speaker_list(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let list = state
        .db(move |c| Ok(speakers::of_edition(c, &eid)?))
        .await?;
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("speakers", &list);
    page.render("cfp/manage_speakers.html", &ctx)
}

pub async fn proposals_csv(
    state: web::Data<AppState>,
    access: Organiser,
    RequestLocale(locale): RequestLocale,
) -> AppResult<HttpResponse> {
    let (edition, i18n) = (access.edition.clone(), state.i18n.clone());
    let table = state
        .db(move |c| export::proposals(c, &edition, &i18n, locale))
        .await?;
    Ok(table.download(&format!("{}-proposals.csv", access.edition.slug)))
}

pub async fn speakers_csv(
    state: web::Data<AppState>,
    access: Organiser,
    RequestLocale(locale): RequestLocale,
) -> AppResult<HttpResponse> {
    let (eid, i18n) = (access.edition.id.clone(), state.i18n.clone());
    let table = state
        .db(move |c| export::speakers(c, &eid, &i18n, locale))
        .await?;
    Ok(table.download(&format!("{}-speakers.csv", access.edition.slug)))
}
