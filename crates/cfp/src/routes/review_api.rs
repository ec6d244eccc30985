//! Review in the JSON API: reviews (anonymised as the settings say), one's own review,
//! and decisions.

use crate::model::ProposalId;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::UserId;
use std::collections::BTreeMap;

use actix_web::web;
use devday_shared::api::{invalid_in_english, ProblemDocument};
use devday_shared::web::{Organiser, Reviewer};
use devday_shared::{AppError, AppResult, AppState};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::proposals;
use crate::review::decide::{self, Decision};
use crate::review::reviews::{self, ReviewForm};
use crate::review::{assign, settings};
use devday_shared::web::{Json, Query};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/editions/{edition}/reviews", web::get().to(list))
        .route(
            "/api/editions/{edition}/proposals/{id}/review",
            web::put().to(put_own),
        )
        .route(
            "/api/editions/{edition}/proposals/{id}/decision",
            web::post().to(decision),
        );
}

#[derive(Serialize, ToSchema)]
pub struct ReviewJson {
    pub proposal_id: ProposalId,
    /// Absent when reviewer names are hidden from the caller.
    pub reviewer: Option<String>,
    pub abstained: bool,
    pub scores: Vec<ScoreJson>,
    pub weighted: Option<f64>,
    pub comment: String,
    pub speaker_note: String,
}

#[derive(Serialize, ToSchema)]
pub struct ScoreJson {
    /// The id to use in PUT …/review.
    pub category_id: String,
    pub category: String,
    pub score: i32,
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct ReviewQuery {
    /// Only reviews of this proposal.
    proposal: String,
    /// Only reviews by this reviewer (user id; organisers only).
    reviewer: String,
}

/// Reviews of the edition. Organisers see all; reviewers see their own and, on proposals
/// assigned to them, the others' (once they reviewed, unless the settings show them before),
/// without names when reviewer names are hidden.
#[utoipa::path(get, path = "/api/editions/{edition}/reviews", tag = "review",
    params(("edition" = String, Path), ReviewQuery), security(("bearer" = [])),
    responses((status = 200, body = [ReviewJson]),
        (status = 403, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn list(
    state: web::Data<AppState>,
    access: devday_shared::web::TeamMember,
    query: Query<ReviewQuery>,
) -> AppResult<web::Json<Vec<ReviewJson>>> {
    let organiser = access.is_organiser();
    if !organiser
        && !access
            .roles
            .contains(&devday_shared::editions::Role::Reviewer)
    {
        return Err(AppError::Forbidden);
    }
    let (eid, uid, q) = (
        access.edition.id.clone(),
        access.user.id.clone(),
        query.into_inner(),
    );
    let out = state
        .db(move |c| visible(c, &eid, &uid, organiser, &q))
        .await?;
    Ok(web::Json(out))
}

/// The reviews `uid` may read, filtered by the query.
fn visible(
    c: &mut devday_db::DbConn,
    eid: &EditionId,
    uid: &UserId,
    organiser: bool,
    q: &ReviewQuery,
) -> AppResult<Vec<ReviewJson>> {
    let settings = settings::get(c, eid)?;
    let proposal_ids: Vec<ProposalId> = if organiser {
        let all = crate::proposals::list::Filter {
            per_page: 100_000,
            ..Default::default()
        };
        crate::proposals::list::list(c, eid, &all)?
            .rows
            .into_iter()
            .map(|r| r.proposal.id)
            .collect()
    } else {
        assign::queue(c, eid, uid)?
            .into_iter()
            .map(|i| i.proposal_id)
            .collect()
    };
    let mut out = Vec::new();
    for pid in proposal_ids
        .into_iter()
        .filter(|p| q.proposal.is_empty() || *p == q.proposal)
    {
        let all = reviews::of_proposal(c, &pid)?;
        let has_own = all.iter().any(|r| r.reviewer_id == uid);
        for r in all {
            // Reviewers may filter by their own id only: with hidden names, filtering by a
            // colleague's id would attribute the reviews.
            if !q.reviewer.is_empty()
                && (r.reviewer_id != q.reviewer || !(organiser || q.reviewer == uid))
            {
                continue;
            }
            let own = r.reviewer_id == uid;
            if !(organiser || own || has_own || settings.others_before_own) {
                continue;
            }
            let show_name = organiser || own || !settings.hide_reviewer_names;
            out.push(ReviewJson {
                proposal_id: pid.clone(),
                reviewer: if show_name { r.reviewer } else { None },
                abstained: r.abstained,
                scores: r
                    .scores
                    .into_iter()
                    .map(|(category_id, category, score)| ScoreJson {
                        category_id,
                        category,
                        score,
                    })
                    .collect(),
                weighted: r.weighted,
                comment: r.comment,
                // Notes for the speaker are the writer's and the organisers' to read.
                speaker_note: if organiser || own {
                    r.speaker_note
                } else {
                    String::new()
                },
            });
        }
    }
    Ok(out)
}

#[derive(Deserialize, ToSchema)]
pub struct ReviewBody {
    /// Score per category id.
    #[serde(default)]
    pub scores: BTreeMap<String, i32>,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub speaker_note: String,
    #[serde(default)]
    pub abstain: bool,
}

/// Creates or replaces the caller's review of an assigned proposal while the window is open.
#[utoipa::path(put, path = "/api/editions/{edition}/proposals/{id}/review", tag = "review",
    params(("edition" = String, Path), ("id" = String, Path)), request_body = ReviewBody, security(("bearer" = [])),
    responses((status = 200, body = [ReviewJson]),
        (status = 404, description = "Not assigned, conflicted or one's own", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, description = "The review window is closed", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, body = ProblemDocument, content_type = "application/problem+json")))]
#[allow(clippy::too_many_lines)]
pub async fn put_own(
    state: web::Data<AppState>,
    access: Reviewer,
    path: web::Path<(String, String)>,
    body: Json<ReviewBody>,
) -> AppResult<web::Json<Vec<ReviewJson>>> {
    let id = ProposalId::from(path.into_inner().1);
    let body = body.into_inner();
    let (eid, uid, pid) = (
        access.edition.id.clone(),
        access.user.id.clone(),
        id.clone(),
    );
    let st = state.clone();
    let out = state
        .db(move |c| {
            if !assign::queue(c, &eid, &uid)?
                .iter()
                .any(|q| q.proposal_id == pid)
            {
                return Err(AppError::NotFound);
            }
            let settings = settings::get(c, &eid)?;
            if !settings.window_open(devday_db::now()) {
                return Err(AppError::Refused(
                    devday_shared::Refusal::ReviewWindowClosed,
                ));
            }
            let categories = settings::categories(c, &eid)?;
            let form = ReviewForm {
                scores: body
                    .scores
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_string()))
                    .collect(),
                comment: body.comment,
                speaker_note: body.speaker_note,
                abstain: body.abstain,
                action: String::new(),
                skipped: String::new(),
            };
            let input =
                reviews::validate(&form, &categories, &settings).map_err(AppError::Invalid)?;
            reviews::save(c, &pid, &uid, &input)?;
            let query = ReviewQuery {
                proposal: pid.to_string(),
                reviewer: String::new(),
            };
            visible(c, &eid, &uid, false, &query)
        })
        .await
        .map_err(|e| invalid_in_english(&st, e))?;
    Ok(web::Json(out))
}

#[derive(Deserialize, ToSchema)]
pub struct DecisionBody {
    /// accept, reject or waitlist
    pub decision: String,
}

/// Accepts, rejects or wait-lists a proposal (organisers). Speakers are told when the
/// organisers send the decision mails.
#[utoipa::path(post, path = "/api/editions/{edition}/proposals/{id}/decision", tag = "review",
    params(("edition" = String, Path), ("id" = String, Path)), request_body = DecisionBody, security(("bearer" = [])),
    responses((status = 204, description = "Decided"),
        (status = 400, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn decision(
    state: web::Data<AppState>,
    access: Organiser,
    path: web::Path<(String, String)>,
    body: Json<DecisionBody>,
) -> AppResult<actix_web::HttpResponse> {
    let decision = Decision::parse(&body.decision)
        .ok_or_else(|| AppError::Refused(devday_shared::Refusal::ChooseDecision))?;
    let (eid, uid, id) = (
        access.edition.id.clone(),
        access.user.id.clone(),
        ProposalId::from(path.into_inner().1),
    );
    state
        .db(move |c| {
            let proposal = proposals::get(c, &eid, &id)?.ok_or(AppError::NotFound)?;
            decide::decide(c, &proposal, decision, &uid)
        })
        .await?;
    Ok(actix_web::HttpResponse::NoContent().finish())
}
