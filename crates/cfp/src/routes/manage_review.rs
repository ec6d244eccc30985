//! Organisers run the review: settings and score categories, assignments and conflicts,
//! the dashboard with the numbers, decisions (also in bulk), the waiting list, and the
//! decision mails.

use crate::model::ProposalId;
use crate::review::settings::CategoryId;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::UserId;
use std::collections::{BTreeMap, HashMap};

use crate::model::ProposalState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::web::{CsrfForm, Flash, NoFields, Organiser, Page};
use devday_shared::{AppError, AppResult, AppState, FieldErrors};
use serde::{Deserialize, Serialize};

use crate::catalogue::Loaded;
use crate::proposals;
use crate::proposals::list::{self, Filter};
use crate::review::aggregate::{self, Stats};
use crate::review::decide::{self, Decision};
use crate::review::settings::{self, CategoryForm, SettingsForm};
use crate::review::{assign, digest, reviews};
use crate::time;
use devday_db::write_transaction;
use devday_shared::web::Query;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/{edition}/manage/review")
            .route(web::get().to(show))
            .route(web::post().to(save_settings)),
    )
    .route(
        "/{edition}/manage/review/categories",
        web::post().to(add_category),
    )
    .route(
        "/{edition}/manage/review/categories/{id}/delete",
        web::post().to(delete_category),
    )
    .route(
        "/{edition}/manage/review/assign",
        web::post().to(assign_reviewer),
    )
    .route(
        "/{edition}/manage/review/unassign",
        web::post().to(unassign_reviewer),
    )
    .route(
        "/{edition}/manage/review/distribute",
        web::post().to(distribute),
    )
    .route(
        "/{edition}/manage/review/conflicts",
        web::post().to(conflict),
    )
    .route(
        "/{edition}/manage/review/dashboard",
        web::get().to(dashboard),
    )
    .route(
        "/{edition}/manage/review/decide",
        web::post().to(decide_bulk),
    )
    .service(
        web::resource("/{edition}/manage/review/notify")
            .route(web::get().to(notify_preview))
            .route(web::post().to(notify)),
    )
    .route(
        "/{edition}/manage/review/redacted/{id}",
        web::post().to(redacted),
    );
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let (settings, categories, reviewers, loaded, rows) = state
        .db(move |c| {
            let filter = Filter {
                per_page: 10_000,
                sort: "title".into(),
                ..Default::default()
            };
            // Hand assignment offers what can be reviewed.
            let reviewable: Vec<list::Row> = list::list(c, &eid, &filter)?
                .rows
                .into_iter()
                .filter(|r| assign::REVIEWABLE.contains(&r.proposal.state))
                .collect();
            Ok((
                settings::get(c, &eid)?,
                settings::categories(c, &eid)?,
                assign::reviewers(c, &eid)?,
                Loaded::load(c, &eid)?,
                reviewable,
            ))
        })
        .await?;
    let edition = &access.edition;
    let mut ctx = page.context();
    ctx.insert("edition", edition);
    ctx.insert("settings", &settings);
    ctx.insert("opens_at", &time::form_value(edition, settings.opens_at));
    ctx.insert("closes_at", &time::form_value(edition, settings.closes_at));
    ctx.insert("categories", &categories);
    ctx.insert("reviewers", &reviewers);
    ctx.insert("tracks", &loaded.tracks);
    ctx.insert("proposals", &rows);
    ctx.insert("errors", &errors);
    page.render_status(status, "cfp/manage_review.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    render(&state, &page, &access, FieldErrors::new(), StatusCode::OK).await
}

async fn redirect_or_errors(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    result: AppResult<Flash>,
) -> AppResult<HttpResponse> {
    page.done_or_again(
        result,
        |done| (format!("/{}/manage/review", access.edition.slug), done),
        |errors, status| render(state, page, access, errors, status),
    )
    .await
}

pub async fn save_settings(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> AppResult<HttpResponse> {
    let e = access.edition.clone();
    let result = state
        .db(move |c| settings::save(c, &e, &form).map(|_| Flash::new("flash-saved")))
        .await;
    redirect_or_errors(&state, &page, &access, result).await
}

pub async fn add_category(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<CategoryForm>,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let result = state
        .db(move |c| settings::add_category(c, &eid, &form).map(|_| Flash::new("flash-saved")))
        .await;
    redirect_or_errors(&state, &page, &access, result).await
}

pub async fn delete_category(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, CategoryId)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let (eid, id) = (access.edition.id.clone(), path.into_inner().1);
    state
        .db(move |c| settings::delete_category(c, &eid, &id))
        .await?;
    Ok(page.done(
        &format!("/{}/manage/review", access.edition.slug),
        Flash::new("flash-removed"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignForm {
    reviewer_id: UserId,
    proposal_id: ProposalId,
    track_id: String,
}

/// Checks that the reviewer is on this edition's committee and the proposal in this edition.
fn check_pair(
    c: &mut devday_db::DbConn,
    edition_id: &EditionId,
    reviewer_id: &UserId,
    proposal_id: Option<&ProposalId>,
) -> AppResult<()> {
    if !assign::reviewers(c, edition_id)?
        .iter()
        .any(|r| r.id == *reviewer_id)
    {
        return Err(AppError::Refused(devday_shared::Refusal::NotAReviewer));
    }
    if let Some(pid) = proposal_id {
        proposals::get(c, edition_id, pid)?.ok_or(AppError::NotFound)?;
    }
    Ok(())
}

/// Assigns a reviewer to one proposal, or to every proposal of a track.
pub async fn assign_reviewer(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> AppResult<HttpResponse> {
    let (edition, mailer) = (access.edition.clone(), state.mailer.clone());
    let result = state
        .db(move |c| {
            write_transaction(c, |c| {
                let eid = &edition.id;
                let (n, flash) = if form.track_id.is_empty() {
                    check_pair(c, eid, &form.reviewer_id, Some(&form.proposal_id))?;
                    let new = assign::assign(c, &form.proposal_id, &form.reviewer_id)?;
                    (usize::from(new), Flash::new("flash-reviewer-assigned"))
                } else {
                    check_pair(c, eid, &form.reviewer_id, None)?;
                    let n = assign::assign_track(c, eid, &form.track_id, &form.reviewer_id)?;
                    (n, Flash::new("review-track-assigned").count("n", n))
                };
                digest::tell(
                    c,
                    &mailer,
                    &edition,
                    &BTreeMap::from([(form.reviewer_id, n)]),
                )?;
                Ok(flash)
            })
        })
        .await;
    state.mailer.notify();
    redirect_or_errors(&state, &page, &access, result).await
}

/// Takes one proposal off a reviewer's list (a review already written stays).
pub async fn unassign_reviewer(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let result = state
        .db(move |c| {
            // Anyone assigned may be taken off, including someone who left the committee.
            proposals::get(c, &eid, &form.proposal_id)?.ok_or(AppError::NotFound)?;
            match assign::unassign(c, &form.proposal_id, &form.reviewer_id)? {
                0 => Err(AppError::Refused(devday_shared::Refusal::NotAssigned)),
                _ => Ok(Flash::new("flash-reviewer-unassigned")),
            }
        })
        .await;
    redirect_or_errors(&state, &page, &access, result).await
}

pub async fn distribute(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let (edition, mailer) = (access.edition.clone(), state.mailer.clone());
    let result = state
        .db(move |c| {
            write_transaction(c, |c| {
                let per = settings::get(c, &edition.id)?.reviews_per_proposal.max(1) as usize;
                let added = assign::distribute(c, &edition.id, per)?;
                // Each reviewer hears once of this round, however many they got.
                digest::tell(c, &mailer, &edition, &added)?;
                Ok((added.values().sum::<usize>(), per))
            })
        })
        .await
        .map(|(added, per)| {
            state.mailer.notify();
            Flash::new("review-distributed")
                .count("added", added)
                .count("per", per)
        });
    redirect_or_errors(&state, &page, &access, result).await
}

pub async fn conflict(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> AppResult<HttpResponse> {
    let (eid, uid) = (access.edition.id.clone(), access.user.id.clone());
    let result = state
        .db(move |c| {
            check_pair(c, &eid, &form.reviewer_id, Some(&form.proposal_id))?;
            assign::declare_conflict(c, &form.proposal_id, &form.reviewer_id, &uid)?;
            Ok(Flash::new("flash-conflict-declared"))
        })
        .await;
    redirect_or_errors(&state, &page, &access, result).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RedactedForm {
    reviewer_abstract: String,
}

/// A text for reviewers when the abstract itself gives the speaker away.
pub async fn redacted(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, ProposalId)>,
    CsrfForm(form): CsrfForm<RedactedForm>,
) -> AppResult<HttpResponse> {
    let (eid, id) = (access.edition.id.clone(), path.into_inner().1);
    let pid = id.clone();
    state
        .db(move |c| {
            use devday_db::schema::proposals::dsl as p;
            use diesel::prelude::*;
            proposals::get(c, &eid, &pid)?.ok_or(AppError::NotFound)?;
            let text = form.reviewer_abstract.trim();
            diesel::update(p::proposals.find(&pid))
                .set(p::reviewer_abstract.eq((!text.is_empty()).then_some(text)))
                .execute(c)?;
            Ok(())
        })
        .await?;
    Ok(page.done(
        &format!("/{}/manage/proposals/{id}", access.edition.slug),
        Flash::new("flash-saved"),
    ))
}

#[derive(Serialize)]
struct DashboardRow {
    #[serde(flatten)]
    row: list::Row,
    stats: Stats,
    assigned: i64,
    waitlist: Option<i32>,
}

#[derive(Deserialize, Default, Clone, Serialize)]
#[serde(default)]
pub struct DashboardQuery {
    /// mean (default), median, count, spread, title
    sort: String,
    state: String,
    session_type: String,
    track: String,
    /// `all`: every shown row starts selected (the no-JavaScript "select all").
    select: String,
}

/// Per proposal the weighted mean, median, count and spread; sortable and filterable; the
/// ranking per track and type is the filtered list sorted by mean.
pub async fn dashboard(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    query: Query<DashboardQuery>,
) -> AppResult<HttpResponse> {
    let q = query.into_inner();
    let (eid, q2) = (access.edition.id.clone(), q.clone());
    let (rows, scores, counts, progress, loaded, waitlist, declined, tally, untold) = state
        .db(move |c| {
            let filter = Filter {
                per_page: 10_000,
                state: q2.state.clone(),
                session_type: q2.session_type.clone(),
                track: q2.track.clone(),
                ..Default::default()
            };
            Ok((
                list::list(c, &eid, &filter)?.rows,
                reviews::scores_by_proposal(c, &eid)?,
                reviews::assignment_counts(c, &eid)?,
                reviews::progress(c, &eid)?,
                Loaded::load(c, &eid)?,
                decide::waiting_list(c, &eid)?,
                decide::declined_count(c, &eid)?,
                decide::tally_by_type(c, &eid)?,
                decide::untold(c, &eid)?,
            ))
        })
        .await?;
    let positions: HashMap<ProposalId, i32> = waitlist
        .iter()
        .filter_map(|p| p.waitlist_position.map(|w| (p.id.clone(), w)))
        .collect();
    let mut rows: Vec<DashboardRow> = rows
        .into_iter()
        .map(|row| DashboardRow {
            stats: aggregate::stats(
                scores
                    .get(row.proposal.id.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or_default(),
            ),
            assigned: counts.get(row.proposal.id.as_str()).copied().unwrap_or(0),
            waitlist: positions.get(&row.proposal.id).copied(),
            row,
        })
        .collect();
    let key = |v: Option<f64>| v.unwrap_or(f64::NEG_INFINITY);
    match q.sort.as_str() {
        "title" => rows.sort_by(|a, b| a.row.proposal.title.cmp(&b.row.proposal.title)),
        "count" => rows.sort_by_key(|r| std::cmp::Reverse(r.stats.count)),
        "spread" => rows.sort_by(|a, b| key(b.stats.spread).total_cmp(&key(a.stats.spread))),
        "median" => rows.sort_by(|a, b| key(b.stats.median).total_cmp(&key(a.stats.median))),
        _ => rows.sort_by(|a, b| key(b.stats.mean).total_cmp(&key(a.stats.mean))),
    }
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("rows", &rows);
    ctx.insert("progress", &progress);
    ctx.insert("query", &q);
    ctx.insert("types", &loaded.types);
    ctx.insert("tracks", &loaded.tracks);
    ctx.insert("waitlist", &waitlist);
    ctx.insert("declined", &declined);
    ctx.insert("tally", &tally);
    // The filtered list's address, for "select all shown" and "select none".
    let here = DashboardQuery {
        select: String::new(),
        ..q.clone()
    };
    ctx.insert(
        "here",
        &format!(
            "?{}",
            serde_urlencoded::to_string(&here).map_err(AppError::internal)?
        ),
    );
    ctx.insert("preview", &MailPreview::of(untold));
    page.render("cfp/review_dashboard.html", &ctx)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DecideForm {
    /// Proposal ids (checkboxes).
    ids: Vec<ProposalId>,
    /// accept, reject or waitlist
    decision: String,
}

pub async fn decide_bulk(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<DecideForm>,
) -> AppResult<HttpResponse> {
    let decision = Decision::parse(&form.decision)
        .ok_or_else(|| AppError::Refused(devday_shared::Refusal::ChooseDecision))?;
    let (eid, uid) = (access.edition.id.clone(), access.user.id.clone());
    let decided = form.ids.len();
    state
        .db(move |c| {
            devday_db::write_transaction(c, |c| {
                for id in &form.ids {
                    let proposal = proposals::get(c, &eid, id)?.ok_or(AppError::NotFound)?;
                    decide::decide(c, &proposal, decision, &uid)?;
                }
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(page.done(
        &format!("/{}/manage/review/dashboard", access.edition.slug),
        Flash::new("flash-proposals-decided")
            .count("n", decided)
            .text("decision", decision.as_str()),
    ))
}

#[derive(Serialize)]
struct UntoldRow {
    id: ProposalId,
    title: String,
    state: ProposalState,
    speakers: Vec<String>,
}

/// What sending the decision mails would do: each proposal told, and the mails in all.
#[derive(Serialize)]
struct MailPreview {
    rows: Vec<UntoldRow>,
    mails: usize,
    accepted: usize,
    rejected: usize,
}

impl MailPreview {
    fn of(untold: Vec<decide::Untold>) -> Self {
        let rows: Vec<UntoldRow> = untold
            .into_iter()
            .map(|u| UntoldRow {
                id: u.proposal.id,
                title: u.proposal.title,
                state: u.proposal.state,
                speakers: u.speakers.into_iter().map(|s| s.name).collect(),
            })
            .collect();
        let count = |state| rows.iter().filter(|r| r.state == state).count();
        MailPreview {
            mails: rows.iter().map(|r| r.speakers.len()).sum(),
            accepted: count(ProposalState::Accepted),
            rejected: count(ProposalState::Rejected),
            rows,
        }
    }
}

/// The decision mails' preview on a page of its own (the decisions page has it too).
pub async fn notify_preview(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let untold = state.db(move |c| Ok(decide::untold(c, &eid)?)).await?;
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("preview", &MailPreview::of(untold));
    page.render("cfp/notify_preview.html", &ctx)
}

pub async fn notify(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let mailer = state.mailer.clone();
    let e = access.edition.clone();
    let told = state.db(move |c| decide::notify(c, &mailer, &e)).await?;
    Ok(page.done(
        &format!("/{}/manage/review/dashboard", access.edition.slug),
        Flash::new("flash-decisions-mailed").count("n", told),
    ))
}
