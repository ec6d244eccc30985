//! The CfP in the JSON API: an edition's proposals and speakers for organisers; speakers
//! with their own token create, read and edit their own proposals.

use crate::model::ProposalId;
use crate::model::QuestionId;
use crate::model::{SessionTypeId, TrackId};
use devday_shared::vocabulary::UserId;
use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use devday_shared::api::{invalid_in_english, ProblemDocument};
use devday_shared::web::{InEdition, Organiser};
use devday_shared::{AppError, AppResult, AppState};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::catalogue::Loaded;
use crate::model::{Proposal, SpeakerSummary};
use crate::proposals::form::{self, ProposalForm};
use crate::proposals::list::{self, Filter, Row};
use crate::proposals::{self, service};
use crate::rules;
use crate::speakers::{self, EditionSpeaker};
use devday_shared::web::{Json, Query};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/api/editions/{edition}/proposals",
        web::get().to(list_proposals),
    )
    .route("/api/editions/{edition}/proposals", web::post().to(create))
    .route("/api/editions/{edition}/proposals/{id}", web::get().to(get))
    .route(
        "/api/editions/{edition}/proposals/{id}",
        web::patch().to(update),
    )
    .route(
        "/api/editions/{edition}/speakers",
        web::get().to(list_speakers),
    );
}

#[derive(Serialize, ToSchema)]
pub struct ProposalPage {
    pub items: Vec<Row>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// The proposals of an edition: all of them for organisers, one's own for everyone else.
#[utoipa::path(get, path = "/api/editions/{edition}/proposals", tag = "cfp",
    params(("edition" = String, Path), Filter), security(("bearer" = [])),
    responses((status = 200, body = ProposalPage),
        (status = 401, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 404, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn list_proposals(
    state: web::Data<AppState>,
    access: InEdition,
    filter: Query<Filter>,
) -> AppResult<web::Json<ProposalPage>> {
    let organiser = access.is_organiser();
    let (eid, uid, filter) = (
        access.edition.id.clone(),
        access.user.id.clone(),
        filter.into_inner().for_people(),
    );
    let page = state
        .db(move |c| {
            if organiser {
                return Ok(list::list(c, &eid, &filter)?);
            }
            let own: Vec<Proposal> = proposals::of_speaker(c, &uid)?
                .into_iter()
                .filter(|p| p.edition_id == eid)
                .collect();
            let total = own.len() as i64;
            Ok(list::Page {
                rows: list::decorate(c, &eid, own)?,
                total,
                page: 1,
                per_page: total.max(1),
            })
        })
        .await?;
    Ok(web::Json(ProposalPage {
        items: page.rows,
        total: page.total,
        page: page.page,
        per_page: page.per_page,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct ProposalJson {
    pub id: crate::model::ProposalId,
    pub title: String,
    #[serde(rename = "abstract")]
    pub abstract_text: String,
    pub description: String,
    /// Notes to the organisers; never public.
    pub notes: String,
    pub state: crate::model::ProposalState,
    pub session_type: SessionTypeId,
    pub track: Option<TrackId>,
    pub language: String,
    pub level: String,
    pub speakers: Vec<SpeakerSummary>,
    pub answers: Vec<AnswerJson>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub submitted_at: Option<NaiveDateTime>,
}

/// An answer to a custom question; `user_id` is set for questions asked of a speaker.
#[derive(Serialize, ToSchema)]
pub struct AnswerJson {
    pub question_id: QuestionId,
    pub user_id: Option<UserId>,
    pub value: String,
}

/// A proposal the caller may see: organisers any, speakers their own; others get 404.
async fn visible(state: &AppState, access: &InEdition, id: ProposalId) -> AppResult<ProposalJson> {
    let organiser = access.is_organiser();
    let (eid, uid) = (access.edition.id.clone(), access.user.id.clone());
    state
        .db(move |c| {
            let p = proposals::get(c, &eid, &id)?.ok_or(AppError::NotFound)?;
            if !organiser && !proposals::is_speaker(c, &p.id, &uid)? {
                return Err(AppError::NotFound);
            }
            let speakers = proposals::speakers(c, &p.id)?;
            // Organisers see every speaker's answers; a speaker only their own.
            let ids: Vec<UserId> = if organiser {
                speakers.iter().map(|s| s.user_id.clone()).collect()
            } else {
                vec![uid.clone()]
            };
            let answers = proposals::answers(c, &p, &ids)?
                .into_iter()
                .map(|a| AnswerJson {
                    question_id: a.question.id,
                    user_id: a.user_id,
                    value: a.value,
                })
                .collect();
            let state = if organiser {
                p.state
            } else {
                crate::review::decide::state_for_speakers(c, &p)?
            };
            Ok(ProposalJson {
                id: p.id,
                title: p.title,
                abstract_text: p.abstract_text,
                description: p.description,
                notes: p.notes,
                state,
                session_type: p.session_type_id,
                track: p.track_id,
                language: p.language,
                level: p.level,
                speakers,
                answers,
                created_at: p.created_at,
                updated_at: p.updated_at,
                submitted_at: p.submitted_at,
            })
        })
        .await
}

#[utoipa::path(get, path = "/api/editions/{edition}/proposals/{id}", tag = "cfp",
    params(("edition" = String, Path), ("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = ProposalJson),
        (status = 404, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn get(
    state: web::Data<AppState>,
    access: InEdition,
    path: web::Path<(String, String)>,
) -> AppResult<web::Json<ProposalJson>> {
    Ok(web::Json(
        visible(&state, &access, ProposalId::from(path.into_inner().1)).await?,
    ))
}

/// A proposal as the API takes it; session type and track by id.
#[derive(Deserialize, ToSchema)]
pub struct ProposalBody {
    pub title: String,
    #[serde(rename = "abstract")]
    pub abstract_text: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub notes: String,
    pub session_type: String,
    #[serde(default)]
    pub track: String,
    /// de or en
    pub language: String,
    /// beginner, intermediate or advanced
    pub level: String,
    /// Submit now (true) or keep as a draft.
    #[serde(default)]
    pub submit: bool,
    /// Answers to custom questions by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, Vec<String>>,
}

impl ProposalBody {
    fn into_form(self) -> ProposalForm {
        ProposalForm {
            title: self.title,
            abstract_text: self.abstract_text,
            description: self.description,
            notes: self.notes,
            session_type: self.session_type,
            track: self.track,
            language: self.language,
            level: self.level,
            action: if self.submit {
                "submit".into()
            } else {
                "draft".into()
            },
            answers: self.answers,
            ..Default::default()
        }
    }
}

/// Creates a proposal with the caller as its speaker, under the same rules as the form.
#[utoipa::path(post, path = "/api/editions/{edition}/proposals", tag = "cfp",
    params(("edition" = String, Path)), request_body = ProposalBody, security(("bearer" = [])),
    responses((status = 201, body = ProposalJson),
        (status = 409, description = "The CfP is closed for this type, or the limit is reached", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn create(
    state: web::Data<AppState>,
    access: InEdition,
    body: Json<ProposalBody>,
) -> AppResult<HttpResponse> {
    let form = body.into_inner().into_form();
    let mailer = state.mailer.clone();
    let (edition, user) = (access.edition.clone(), access.user.clone());
    let st = state.clone();
    let proposal = state
        .db(move |c| {
            let loaded = Loaded::load(c, &edition.id)?;
            let input =
                form::validate(&form, &loaded.catalogue(None)).map_err(AppError::Invalid)?;
            let session_type = loaded
                .session_type(&input.session_type_id)
                .ok_or(AppError::NotFound)?;
            if !rules::open_for(&edition, session_type, devday_db::now()) {
                return Err(AppError::Refused(devday_shared::Refusal::CfpClosedForType));
            }
            if form.submitting()
                && proposals::active_count(c, &edition.id, &user.id)?
                    >= i64::from(loaded.settings.max_proposals_per_speaker)
            {
                return Err(AppError::Refused(devday_shared::Refusal::ProposalLimit));
            }
            service::create(
                c,
                &mailer,
                service::NewProposal {
                    edition: &edition,
                    input: &input,
                    speaker_id: Some(&user.id),
                    actor_id: &user.id,
                    submit: form.submitting(),
                    access_code_id: None,
                },
            )
        })
        .await
        .map_err(|e| invalid_in_english(&st, e))?;
    let json = visible(&state, &access, proposal.id).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!(
                "/api/editions/{}/proposals/{}",
                access.edition.slug, json.id
            ),
        ))
        .json(json))
}

/// Edits a proposal: organisers any, speakers their own until its deadline.
#[utoipa::path(patch, path = "/api/editions/{edition}/proposals/{id}", tag = "cfp",
    params(("edition" = String, Path), ("id" = String, Path)), request_body = ProposalBody, security(("bearer" = [])),
    responses((status = 200, body = ProposalJson),
        (status = 404, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn update(
    state: web::Data<AppState>,
    access: InEdition,
    path: web::Path<(String, String)>,
    body: Json<ProposalBody>,
) -> AppResult<web::Json<ProposalJson>> {
    let id = ProposalId::from(path.into_inner().1);
    let form = body.into_inner().into_form();
    let organiser = access.is_organiser();
    let mailer = state.mailer.clone();
    let (edition, user) = (access.edition.clone(), access.user.clone());
    let st = state.clone();
    let pid = id.clone();
    state
        .db(move |c| {
            let proposal = proposals::get(c, &edition.id, &pid)?.ok_or(AppError::NotFound)?;
            if !organiser && !proposals::is_speaker(c, &proposal.id, &user.id)? {
                return Err(AppError::NotFound);
            }
            let loaded = Loaded::load(c, &edition.id)?;
            let keep = Some(proposal.session_type_id.as_str());
            let input =
                form::validate(&form, &loaded.catalogue(keep)).map_err(AppError::Invalid)?;
            if !organiser {
                let open = proposal.state.editable_by_speaker()
                    && loaded
                        .session_type(&input.session_type_id)
                        .is_some_and(|t| {
                            rules::deadline(&edition, t).is_none_or(|d| devday_db::now() < d)
                        });
                if !open {
                    return Err(AppError::Refused(devday_shared::Refusal::ProposalLocked));
                }
            }
            let submit = form.submitting() && proposal.state == crate::model::ProposalState::Draft;
            service::update(c, &mailer, &edition, &proposal, &input, &user.id, submit)
        })
        .await
        .map_err(|e| invalid_in_english(&st, e))?;
    Ok(web::Json(visible(&state, &access, id).await?))
}

/// Everyone with a non-draft proposal in the edition (organisers only).
#[utoipa::path(get, path = "/api/editions/{edition}/speakers", tag = "cfp",
    params(("edition" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = [EditionSpeaker]),
        (status = 403, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn list_speakers(
    state: web::Data<AppState>,
    access: Organiser,
) -> AppResult<web::Json<Vec<EditionSpeaker>>> {
    let eid = access.edition.id.clone();
    Ok(web::Json(
        state
            .db(move |c| Ok(speakers::of_edition(c, &eid)?))
            .await?,
    ))
}
