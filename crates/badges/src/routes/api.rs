//! The scanners' JSON API (staff token): scan, sync for offline use, upload of offline
//! scans, search and manual check-in at the desk, and undo; and the check-in lists for
//! organisers (organiser token).

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use devday_shared::api::{invalid_in_english, ProblemDocument};
use devday_shared::vocabulary::RegistrationId;
use devday_shared::web::auth::bearer;
use devday_shared::web::{Organiser, Staff};
use devday_shared::{AppError, AppResult, AppState};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::checkin::{self, Answer, Presented, Scan};
use crate::desk::{self, Found};
use crate::lists::{self, ListForm, ListWithTypes};
use crate::sync::{self, SyncData};
use devday_shared::web::{Deferred, Json, Query};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/events/{edition}/checkin", web::post().to(scan))
        .route("/api/events/{edition}/checkin/sync", web::get().to(sync))
        .route(
            "/api/events/{edition}/checkin/upload",
            web::post().to(upload),
        )
        .route(
            "/api/events/{edition}/checkin/search",
            web::get().to(search),
        )
        .route("/api/events/{edition}/checkin/undo", web::post().to(undo))
        .service(
            web::resource("/api/editions/{edition}/checkin-lists")
                .route(web::get().to(checkin_lists))
                .route(web::post().to(add_checkin_list)),
        );
}

/// The edition's check-in lists: the entrance (every ticket) and lists for workshops.
#[utoipa::path(get, path = "/api/editions/{edition}/checkin-lists", tag = "check-in",
    params(("edition" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = Vec<ListWithTypes>),
        (status = 403, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn checkin_lists(
    state: web::Data<AppState>,
    access: Organiser,
) -> AppResult<web::Json<Vec<ListWithTypes>>> {
    let eid = access.edition.id.clone();
    Ok(web::Json(
        state.db(move |c| Ok(lists::all(c, &eid)?)).await?,
    ))
}

/// Adds a check-in list admitting the given ticket types (a workshop's door, say). 422 for
/// invalid fields or a slug in use.
#[utoipa::path(post, path = "/api/editions/{edition}/checkin-lists", tag = "check-in",
    params(("edition" = String, Path)), request_body = ListForm, security(("bearer" = [])),
    responses((status = 201, body = ListWithTypes),
        (status = 422, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn add_checkin_list(
    state: web::Data<AppState>,
    access: Organiser,
    body: Json<ListForm>,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let form = body.into_inner();
    let added = state
        .db(move |c| {
            let id = lists::create(c, &eid, &form)?;
            lists::all(c, &eid)?
                .into_iter()
                .find(|l| l.list.id == id)
                .ok_or(AppError::NotFound)
        })
        .await
        .map_err(|e| invalid_in_english(&state, e))?;
    Ok(HttpResponse::Created().json(added))
}

/// A scan at the door, or a person picked at the desk (`registration_id` instead of `code`).
#[derive(Debug, Deserialize, ToSchema)]
pub struct ScanRequest {
    /// The scanned text, or the ticket's short code as typed (`K7Q-M3X-TRZ`; case, spaces
    /// and dashes do not matter).
    #[serde(default)]
    pub code: Option<String>,
    /// For a manual check-in: the registration found by search.
    #[serde(default)]
    pub registration_id: Option<RegistrationId>,
    /// The check-in list's slug; the entrance by default.
    #[serde(default)]
    pub list: Option<String>,
    /// The scanner's name, shown on "already checked in"; the account's name by default.
    #[serde(default)]
    pub device: Option<String>,
    /// Chosen by the scanner so that a retried request never checks in twice.
    #[serde(default)]
    pub nonce: Option<String>,
    /// When it was scanned (UTC), for scans made offline.
    #[serde(default)]
    pub scanned_at: Option<NaiveDateTime>,
}

impl ScanRequest {
    fn into_scan(self, access: &Staff, offline: bool) -> AppResult<(Option<String>, Scan)> {
        let presented = match (self.code, self.registration_id) {
            (Some(code), _) if !code.trim().is_empty() => Presented::Code(code),
            (_, Some(id)) if !id.trim().is_empty() => Presented::Registration(id),
            _ => return Err(AppError::Refused(devday_shared::Refusal::ScanNeedsCode)),
        };
        let device = device_name(self.device, access);
        Ok((
            self.list,
            Scan {
                presented,
                device,
                nonce: self.nonce.map(|n| n.chars().take(100).collect()),
                scanned_at: self.scanned_at,
                offline,
            },
        ))
    }
}

async fn list_of(
    state: &AppState,
    access: &Staff,
    slug: Option<String>,
) -> AppResult<ListWithTypes> {
    let eid = access.edition.id.clone();
    state
        .db(move |c| lists::find(c, &eid, slug.as_deref())?.ok_or(AppError::NotFound))
        .await
}

/// Checks a ticket in: 200 with the door's answer (admitted, already_checked_in, revoked,
/// invalid, wrong_edition or not_on_list); 404 for an unknown list.
#[utoipa::path(post, path = "/api/events/{edition}/checkin", tag = "check-in",
    params(("edition" = String, Path)), request_body = ScanRequest,
    responses((status = 200, body = Answer),
        (status = 400, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 404, body = ProblemDocument, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn scan(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: Deferred<Json<ScanRequest>>,
) -> AppResult<HttpResponse> {
    let (token, slug) = (bearer(&req), slug.into_inner());
    // The door's hot path: who is asking, the list and the scan in one job of the group
    // commit, answered once it is committed. The body's faults come after the check.
    let answer = state
        .writes
        .run(move |c| {
            let access = Staff::by_token(c, token.as_deref(), &slug)?;
            let request = body.into_result()?.into_inner();
            let (list, scan) = request.into_scan(&access, false)?;
            let list =
                lists::find(c, &access.edition.id, list.as_deref())?.ok_or(AppError::NotFound)?;
            Ok(checkin::scan(c, &access.edition, &list, &scan)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(answer))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct SyncQuery {
    /// The check-in list's slug; the entrance by default.
    pub list: Option<String>,
    /// The `cursor` of the previous sync: only changes since then.
    pub since: Option<NaiveDateTime>,
}

/// Everything a scanner needs offline: the public key and the list's tickets, or only
/// what changed since `since`.
#[utoipa::path(get, path = "/api/events/{edition}/checkin/sync", tag = "check-in",
    params(("edition" = String, Path), SyncQuery),
    responses((status = 200, body = SyncData)), security(("bearer" = [])))]
pub async fn sync(
    state: web::Data<AppState>,
    access: Staff,
    query: Query<SyncQuery>,
) -> AppResult<HttpResponse> {
    let SyncQuery { list, since } = query.into_inner();
    let list = list_of(&state, &access, list).await?;
    let edition = access.edition.clone();
    let data = state
        .db(move |c| Ok(sync::data(c, &edition, list, since)?))
        .await?;
    Ok(HttpResponse::Ok().json(data))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct Upload {
    pub scans: Vec<ScanRequest>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UploadAnswer {
    /// One answer per scan, in order; a scan sent before answers as it did then.
    pub results: Vec<Answer>,
}

/// Scans queued while offline, each with its nonce and scan time. Sending the same batch
/// again changes nothing. A ticket two scanners admitted offline stays checked in once;
/// the later upload is flagged as a duplicate.
#[utoipa::path(post, path = "/api/events/{edition}/checkin/upload", tag = "check-in",
    params(("edition" = String, Path)), request_body = Upload,
    responses((status = 200, body = UploadAnswer),
        (status = 400, body = ProblemDocument, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn upload(
    state: web::Data<AppState>,
    access: Staff,
    body: Json<Upload>,
) -> AppResult<HttpResponse> {
    let scans = body.into_inner().scans;
    if scans.len() > 5000 {
        return Err(AppError::Refused(devday_shared::Refusal::TooManyScans));
    }
    if scans
        .iter()
        .any(|s| s.nonce.as_deref().is_none_or(str::is_empty))
    {
        return Err(AppError::Refused(
            devday_shared::Refusal::OfflineScanNeedsNonce,
        ));
    }
    let results = state
        .db(move |c| {
            let mut results = Vec::with_capacity(scans.len());
            for request in scans {
                let (list, scan) = request.into_scan(&access, true)?;
                let list = lists::find(c, &access.edition.id, list.as_deref())?
                    .ok_or(AppError::NotFound)?;
                results.push(checkin::scan(c, &access.edition, &list, &scan)?);
            }
            Ok(results)
        })
        .await?;
    Ok(HttpResponse::Ok().json(UploadAnswer { results }))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct SearchQuery {
    /// Part of a name or an address.
    pub q: String,
    /// The check-in list whose admissions are shown; the entrance by default.
    #[serde(default)]
    pub list: Option<String>,
}

/// Finds people by name or address at the desk, with whether they are in on the list
/// (and no email address).
#[utoipa::path(get, path = "/api/events/{edition}/checkin/search", tag = "check-in",
    params(("edition" = String, Path), SearchQuery),
    responses((status = 200, body = [Found])), security(("bearer" = [])))]
pub async fn search(
    state: web::Data<AppState>,
    access: Staff,
    query: Query<SearchQuery>,
) -> AppResult<HttpResponse> {
    let SearchQuery { q, list } = query.into_inner();
    if q.trim().chars().count() < 2 {
        return Err(AppError::Refused(devday_shared::Refusal::SearchTooShort));
    }
    let list = list_of(&state, &access, list).await?;
    let eid = access.edition.id.clone();
    let found = state
        .db(move |c| Ok(desk::search(c, &eid, &list, &q)?))
        .await?;
    Ok(HttpResponse::Ok().json(found))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct UndoRequest {
    pub registration_id: RegistrationId,
    #[serde(default)]
    pub list: Option<String>,
    /// The scanner's name as it scanned (the account's name by default): only the device
    /// that let someone in takes it back.
    #[serde(default)]
    pub device: Option<String>,
}

/// Takes back a check-in made by mistake, by the device that made it within ten minutes:
/// 204; 404 when there was none; 409 for another device's or an older admission.
#[utoipa::path(post, path = "/api/events/{edition}/checkin/undo", tag = "check-in",
    params(("edition" = String, Path)), request_body = UndoRequest,
    responses((status = 204),
        (status = 404, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, body = ProblemDocument, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn undo(
    state: web::Data<AppState>,
    access: Staff,
    body: Json<UndoRequest>,
) -> AppResult<HttpResponse> {
    let UndoRequest {
        registration_id,
        list,
        device,
    } = body.into_inner();
    let device = device_name(device, &access);
    let list = list_of(&state, &access, list).await?;
    state
        .db(move |c| checkin::undo(c, &list, &registration_id, &device))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The scanner's name as it calls itself (trimmed, at most 60 characters), else the
/// account's name: the same for a scan and for taking it back.
fn device_name(given: Option<String>, access: &Staff) -> String {
    given
        .map(|d| d.trim().chars().take(60).collect::<String>())
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| access.user.display_name.clone())
}
