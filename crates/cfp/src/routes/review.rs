//! The committee's pages: the queue with progress, and the review form with "save and
//! next", skip, abstain and "I have a conflict". With anonymised review, nothing on these
//! pages names the speakers.

use crate::model::ProposalId;
use crate::model::ProposalState;
use crate::model::TrackId;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_db::{write_transaction, DbConn};
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::UserId;
use devday_shared::web::{see_other, CsrfForm, Flash, NoFields, Page, Reviewer};
use devday_shared::{AppError, AppResult, AppState, FieldErrors};
use serde::{Deserialize, Serialize};

use crate::catalogue::Loaded;
use crate::model::Proposal;
use crate::proposals::{self, AnswerView};
use crate::review::assign;
use crate::review::reviews::{self, ReviewForm, ReviewView};
use crate::review::settings::{self, Category, ReviewSettings};
use devday_shared::web::Query;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/review/", web::get().to(queue))
        .route("/{edition}/review/next", web::get().to(next))
        .route("/{edition}/review/tracks", web::post().to(set_tracks))
        .service(
            web::resource("/{edition}/review/{id}")
                .route(web::get().to(form))
                .route(web::post().to(save)),
        )
        .route("/{edition}/review/{id}/conflict", web::post().to(conflict));
}

/// How the queue is shown: `?track=` (an id), `?todo=true` (not yet reviewed by me) and
/// `?sort=title|reviews|score`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct QueueQuery {
    track: String,
    todo: bool,
    sort: String,
}

/// A queue row as the page shows it.
#[derive(Serialize)]
struct QueueRow<'a> {
    #[serde(flatten)]
    item: &'a assign::QueueItem,
    track: Option<&'a str>,
    session_type: &'a str,
}

impl<'a> QueueRow<'a> {
    fn of(item: &'a assign::QueueItem, catalogue: &'a Loaded, locale: Locale) -> Self {
        let name = |en: &'a str, de: &'a str| devday_shared::bilingual::pick(locale, en, de);
        QueueRow {
            item,
            track: item
                .track_id
                .as_ref()
                .and_then(|t| catalogue.tracks.iter().find(|x| &x.id == t))
                .map(|t| name(&t.name, &t.name_de)),
            session_type: catalogue
                .session_type(&item.session_type_id)
                .map(|t| name(&t.name, &t.name_de))
                .unwrap_or_default(),
        }
    }
}

pub async fn queue(
    state: web::Data<AppState>,
    page: Page,
    access: Reviewer,
    query: Query<QueueQuery>,
) -> AppResult<HttpResponse> {
    let (eid, uid) = (access.edition.id.clone(), access.user.id.clone());
    let (mut items, catalogue, mine, settings) = state
        .db(move |c| {
            Ok((
                assign::assigned(c, &eid, &uid)?,
                Loaded::load(c, &eid)?,
                assign::tracks_of(c, &uid, &eid)?,
                settings::get(c, &eid)?,
            ))
        })
        .await?;
    let query = query.into_inner();
    let (open, decided): (Vec<_>, Vec<_>) = items.drain(..).partition(|i| i.open);
    let done = open.iter().filter(|i| i.reviewed).count();
    let total = open.len();
    let mut shown: Vec<&assign::QueueItem> = open
        .iter()
        .filter(|i| query.track.is_empty() || i.track_id.as_deref() == Some(&query.track))
        .filter(|i| !query.todo || !i.reviewed)
        .collect();
    match query.sort.as_str() {
        // The fewest reviews first: where a review is needed most.
        "reviews" => shown.sort_by_key(|i| i.reviews),
        // Own best first; unscored last.
        "score" => shown.sort_by(|a, b| {
            b.own_score
                .unwrap_or(f64::MIN)
                .total_cmp(&a.own_score.unwrap_or(f64::MIN))
        }),
        _ => {}
    }
    let row = |item| QueueRow::of(item, &catalogue, page.locale);
    let rows: Vec<QueueRow<'_>> = shown.into_iter().map(row).collect();
    let decided_rows: Vec<QueueRow<'_>> = decided.iter().map(row).collect();
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("items", &rows);
    ctx.insert("decided", &decided_rows);
    ctx.insert("done", &done);
    ctx.insert("total", &total);
    ctx.insert("query", &query);
    ctx.insert("tracks", &catalogue.tracks);
    ctx.insert("my_tracks", &mine);
    ctx.insert("window_open", &settings.window_open(devday_db::now()));
    page.render("cfp/review_queue.html", &ctx)
}

/// A comma-separated list of ids, with anything else removed.
fn ids_only(raw: &str) -> String {
    raw.chars()
        .filter(|c| c.is_ascii_hexdigit() || *c == '-' || *c == ',')
        .take(2000)
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SkipQuery {
    skip: String,
}

/// The assigned proposal with the fewest reviews that this reviewer has not reviewed yet.
pub async fn next(
    state: web::Data<AppState>,
    access: Reviewer,
    query: Query<SkipQuery>,
) -> AppResult<HttpResponse> {
    // Only ids go back into a Location header.
    let clean = ids_only(&query.skip);
    let skip: Vec<ProposalId> = clean
        .split(',')
        .filter(|s| !s.is_empty())
        .map(ProposalId::from)
        .collect();
    let (eid, uid) = (access.edition.id.clone(), access.user.id.clone());
    let next = state
        .db(move |c| Ok(assign::next(c, &eid, &uid, &skip)?))
        .await?;
    Ok(see_other(&match next {
        Some(id) if clean.is_empty() => format!("/{}/review/{id}", access.edition.slug),
        Some(id) => format!("/{}/review/{id}?skip={clean}", access.edition.slug),
        None => format!("/{}/review/", access.edition.slug),
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TracksForm {
    tracks: Vec<TrackId>,
}

/// The tracks the reviewer wants to review (none: all); automatic distribution respects them.
pub async fn set_tracks(
    state: web::Data<AppState>,
    page: Page,
    access: Reviewer,
    CsrfForm(form): CsrfForm<TracksForm>,
) -> AppResult<HttpResponse> {
    let (eid, uid) = (access.edition.id.clone(), access.user.id.clone());
    state
        .db(move |c| {
            let all: Vec<TrackId> = crate::settings::tracks(c, &eid)?
                .into_iter()
                .map(|t| t.id)
                .collect();
            assign::set_tracks(c, &uid, &all, &form.tracks)
        })
        .await?;
    Ok(page.done(
        &format!("/{}/review/", access.edition.slug),
        Flash::new("flash-review-tracks-saved"),
    ))
}

/// A proposal as a reviewer sees it: speakers only when review is not anonymised, the
/// redacted text if organisers gave one, never the notes to the organisers.
#[derive(Serialize)]
struct ReviewedProposal {
    id: ProposalId,
    title: String,
    abstract_text: String,
    description: String,
    session_type: String,
    session_type_de: String,
    track: Option<String>,
    track_de: Option<String>,
    language: String,
    level: String,
    speakers: Option<Vec<String>>,
    answers: Vec<AnswerView>,
}

struct Loaded2 {
    /// Still open to review; a decided one is shown read-only.
    open: bool,
    /// Where the proposal stands (said on a decided one).
    state: ProposalState,
    proposal: ReviewedProposal,
    settings: ReviewSettings,
    categories: Vec<Category>,
    own: Option<ReviewForm>,
    others: Vec<ReviewView>,
}

/// Loads what the form shows; a proposal the reviewer is not assigned to, conflicted on or
/// speaks in is a 404.
fn load(
    conn: &mut DbConn,
    edition_id: &EditionId,
    reviewer_id: &UserId,
    id: &ProposalId,
    locale: Locale,
) -> AppResult<Loaded2> {
    let proposal: Proposal = proposals::get(conn, edition_id, id)?.ok_or(AppError::NotFound)?;
    // Decided proposals stay readable to their reviewers, read-only.
    let open = assign::assigned(conn, edition_id, reviewer_id)?
        .iter()
        .find(|q| q.proposal_id == proposal.id)
        .ok_or(AppError::NotFound)?
        .open;
    let settings = settings::get(conn, edition_id)?;
    let categories = settings::categories(conn, edition_id)?;
    let catalogue = Loaded::load(conn, edition_id)?;
    let speakers = proposals::speakers(conn, &proposal.id)?;
    // Speaker questions are about the person: left out when anonymised.
    let speaker_ids: Vec<UserId> = if settings.anonymised {
        Vec::new()
    } else {
        speakers.iter().map(|s| s.user_id.clone()).collect()
    };
    let answers = proposals::shown(&proposals::answers(conn, &proposal, &speaker_ids)?, locale);
    let own = reviews::own(conn, &proposal.id, reviewer_id)?;
    let mut others: Vec<ReviewView> = reviews::of_proposal(conn, &proposal.id)?
        .into_iter()
        .filter(|r| r.reviewer_id != *reviewer_id)
        .collect();
    if !settings.others_before_own && own.is_none() {
        others.clear();
    }
    if settings.hide_reviewer_names {
        for r in &mut others {
            r.reviewer = None;
        }
    }
    let session_type = catalogue.session_type(&proposal.session_type_id);
    let track = proposal
        .track_id
        .as_ref()
        .and_then(|t| catalogue.tracks.iter().find(|x| x.id == t));
    let reviewed = ReviewedProposal {
        id: proposal.id.clone(),
        title: proposal.title.clone(),
        abstract_text: if settings.anonymised {
            proposal
                .reviewer_abstract
                .clone()
                .filter(|a| !a.is_empty())
                .unwrap_or(proposal.abstract_text.clone())
        } else {
            proposal.abstract_text.clone()
        },
        // A redacted text means the texts give the speaker away: the description too.
        description: if settings.anonymised
            && proposal
                .reviewer_abstract
                .as_deref()
                .is_some_and(|a| !a.is_empty())
        {
            String::new()
        } else {
            proposal.description.clone()
        },
        session_type: session_type.map(|t| t.name.clone()).unwrap_or_default(),
        session_type_de: session_type.map(|t| t.name_de.clone()).unwrap_or_default(),
        track: track.map(|t| t.name.clone()),
        track_de: track.map(|t| t.name_de.clone()),
        language: proposal.language.clone(),
        level: proposal.level.clone(),
        speakers: (!settings.anonymised).then(|| speakers.iter().map(|s| s.name.clone()).collect()),
        answers,
    };
    Ok(Loaded2 {
        open,
        state: proposal.state,
        proposal: reviewed,
        settings,
        categories,
        own,
        others,
    })
}

fn render(
    page: &Page,
    access: &Reviewer,
    l: &Loaded2,
    form: &ReviewForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let categories: Vec<serde_json::Value> = l
        .categories
        .iter()
        .map(|c| {
            let selected = form
                .scores
                .get(c.id.as_str())
                .and_then(|v| v.parse::<i32>().ok());
            serde_json::json!({
                "id": c.id,
                "name": c.name,
                "name_de": c.name_de,
                "choices": c.choices(page.locale),
                "selected": selected,
            })
        })
        .collect();
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("proposal", &l.proposal);
    ctx.insert("settings", &l.settings);
    ctx.insert("categories", &categories);
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    ctx.insert("others", &l.others);
    ctx.insert("has_own", &l.own.is_some());
    ctx.insert("window_open", &l.settings.window_open(devday_db::now()));
    ctx.insert("open", &l.open);
    ctx.insert("state", &l.state);
    page.render_status(status, "cfp/review_form.html", &ctx)
}

pub async fn form(
    state: web::Data<AppState>,
    page: Page,
    access: Reviewer,
    path: web::Path<(String, ProposalId)>,
    query: Query<SkipQuery>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let (eid, uid) = (access.edition.id.clone(), access.user.id.clone());
    let locale = page.locale;
    let loaded = state.db(move |c| load(c, &eid, &uid, &id, locale)).await?;
    let mut form = loaded.own.clone().unwrap_or_default();
    form.skipped = ids_only(&query.skip);
    render(
        &page,
        &access,
        &loaded,
        &form,
        &FieldErrors::new(),
        StatusCode::OK,
    )
}

/// action=save stays, action=next goes on to the next proposal, action=skip goes on without
/// saving.
pub async fn save(
    state: web::Data<AppState>,
    page: Page,
    access: Reviewer,
    path: web::Path<(String, ProposalId)>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let form = ReviewForm::from_fields(&fields);
    let slug = access.edition.slug.clone();
    // Skipped proposals add up until the reviewer saves one.
    if form.action == "skip" {
        let skipped = ids_only(&form.skipped);
        let skip = if skipped.is_empty() {
            id.to_string()
        } else {
            format!("{skipped},{id}")
        };
        return Ok(see_other(&format!("/{slug}/review/next?skip={skip}")));
    }
    let (eid, uid, pid) = (
        access.edition.id.clone(),
        access.user.id.clone(),
        id.clone(),
    );
    let locale = page.locale;
    let loaded = state.db(move |c| load(c, &eid, &uid, &pid, locale)).await?;
    if !loaded.open {
        return Err(AppError::Refused(devday_shared::Refusal::ReviewDecided));
    }
    if !loaded.settings.window_open(devday_db::now()) {
        return Err(AppError::Refused(
            devday_shared::Refusal::ReviewWindowClosed,
        ));
    }
    let input = match reviews::validate(&form, &loaded.categories, &loaded.settings) {
        Ok(input) => input,
        Err(errors) => {
            return render(
                &page,
                &access,
                &loaded,
                &form,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    };
    let (eid, uid, pid) = (
        access.edition.id.clone(),
        access.user.id.clone(),
        id.clone(),
    );
    let next = state
        .db(move |c| {
            write_transaction(c, |c| {
                if !assign::open_to_review(c, &pid)? {
                    return Err(AppError::Refused(devday_shared::Refusal::ReviewDecided));
                }
                reviews::save(c, &pid, &uid, &input)?;
                Ok(assign::next(c, &eid, &uid, &[])?)
            })
        })
        .await?;
    // "Save and next" says where it leads: the next proposal, or the end of the list.
    Ok(match (form.action.as_str(), next) {
        ("next", Some(next)) => page.done(
            &format!("/{slug}/review/{next}"),
            Flash::new("flash-review-saved-next"),
        ),
        ("next", None) => page.done(
            &format!("/{slug}/review/"),
            Flash::new("flash-review-saved-last"),
        ),
        _ => page.done(
            &format!("/{slug}/review/{id}"),
            Flash::new("flash-review-saved"),
        ),
    })
}

/// "I have a conflict of interest": the proposal leaves the reviewer's queue for good.
pub async fn conflict(
    state: web::Data<AppState>,
    access: Reviewer,
    path: web::Path<(String, ProposalId)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let (eid, uid) = (access.edition.id.clone(), access.user.id.clone());
    state
        .db(move |c| {
            if !assign::queue(c, &eid, &uid)?
                .iter()
                .any(|q| q.proposal_id == id)
            {
                return Err(AppError::NotFound);
            }
            if !settings::get(c, &eid)?.window_open(devday_db::now()) {
                return Err(AppError::Refused(
                    devday_shared::Refusal::ReviewWindowClosed,
                ));
            }
            assign::declare_conflict(c, &id, &uid, &uid)
        })
        .await?;
    Ok(see_other(&format!("/{}/review/next", access.edition.slug)))
}
