//! Registration in the organisers' JSON API (organiser token): what the pages can do, for
//! scripts and integrations: ticket types and their capacity, registrations (list, add as a
//! guest, cancel, change workshops) and each ticket type's waiting list.

use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use devday_shared::api::{invalid_in_english, ProblemDocument};
use devday_shared::vocabulary::{RegistrationId, RegistrationState, TicketTypeId};
use devday_shared::web::{Json, Organiser, Query, RequestLocale};
use devday_shared::{AppError, AppResult, AppState, Refusal};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::model::{Registration, TicketKind, WaitlistState};
use crate::register::{self, Admission, Outcome, RegistrationForm};
use crate::{settings, waitlist};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/api/editions/{edition}/ticket-types",
        web::get().to(ticket_types),
    )
    .route(
        "/api/editions/{edition}/ticket-types/{id}",
        web::patch().to(change_ticket_type),
    )
    .route(
        "/api/editions/{edition}/ticket-types/{id}/waitlist",
        web::get().to(waiting_list),
    )
    .service(
        web::resource("/api/editions/{edition}/registrations")
            .route(web::get().to(registrations))
            .route(web::post().to(add)),
    )
    .route(
        "/api/editions/{edition}/registrations/{id}",
        web::get().to(registration),
    )
    .route(
        "/api/editions/{edition}/registrations/{id}/cancel",
        web::post().to(cancel),
    )
    .route(
        "/api/editions/{edition}/registrations/{id}/workshops",
        web::put().to(set_workshops),
    );
}

/// A ticket type with its seats and who holds them.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketTypeView {
    pub id: TicketTypeId,
    pub name: String,
    pub name_de: String,
    pub kind: TicketKind,
    pub capacity: i32,
    /// Seats given beyond the capacity, for those who will not come.
    pub overbook: i32,
    /// The venue's limit that no seat goes beyond.
    pub hard_limit: Option<i32>,
    /// Seats given in all: capacity and margin, within the hard limit.
    pub seats: i32,
    /// Seats held, confirmed or offered to the waiting list.
    pub taken: i32,
    pub free: i32,
    pub confirmed: i64,
    pub held: i64,
    /// People on the waiting list who have not been offered a seat yet.
    pub waiting: usize,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
}

fn ticket_views(
    conn: &mut devday_db::DbConn,
    edition_id: &devday_shared::vocabulary::EditionId,
) -> AppResult<Vec<TicketTypeView>> {
    let mut views = Vec::new();
    for (t, confirmed, held) in register::counts(conn, edition_id)? {
        let waiting = waitlist::entries(conn, &t.id)?
            .iter()
            .filter(|e| e.state == WaitlistState::Waiting)
            .count();
        views.push(TicketTypeView {
            seats: t.seats(),
            free: t.free(),
            id: t.id,
            name: t.name,
            name_de: t.name_de,
            kind: t.kind,
            capacity: t.capacity,
            overbook: t.overbook,
            hard_limit: t.hard_limit,
            taken: t.taken,
            confirmed,
            held,
            waiting,
            starts_at: t.starts_at,
            ends_at: t.ends_at,
        });
    }
    Ok(views)
}

/// The edition's ticket types in their order: the conference first, then the workshops.
#[utoipa::path(get, path = "/api/editions/{edition}/ticket-types", tag = "registration",
    params(("edition" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = Vec<TicketTypeView>),
        (status = 403, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn ticket_types(
    state: web::Data<AppState>,
    access: Organiser,
) -> AppResult<web::Json<Vec<TicketTypeView>>> {
    let eid = access.edition.id.clone();
    Ok(web::Json(state.db(move |c| ticket_views(c, &eid)).await?))
}

/// What a ticket type change sets.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketTypeChange {
    /// 1 to 100,000, never below the seats taken; more room goes to the waiting list at once.
    pub capacity: i32,
}

/// Changes a ticket type's capacity. 409 below the seats taken, 400 out of range.
#[utoipa::path(patch, path = "/api/editions/{edition}/ticket-types/{id}", tag = "registration",
    params(("edition" = String, Path), ("id" = String, Path)), request_body = TicketTypeChange,
    security(("bearer" = [])),
    responses((status = 200, body = TicketTypeView),
        (status = 400, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 404, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn change_ticket_type(
    state: web::Data<AppState>,
    access: Organiser,
    path: web::Path<(String, TicketTypeId)>,
    body: Json<TicketTypeChange>,
) -> AppResult<web::Json<TicketTypeView>> {
    let id = path.into_inner().1;
    let change = body.into_inner();
    let (mailer, edition) = (state.mailer.clone(), access.edition.clone());
    let view = state
        .db(move |c| {
            let known = settings::ticket_types(c, &edition.id)?;
            if !known.iter().any(|t| t.id == id) {
                return Err(AppError::NotFound);
            }
            settings::resize(c, &mailer, &edition, &id, change.capacity)?;
            ticket_views(c, &edition.id)?
                .into_iter()
                .find(|t| t.id == id)
                .ok_or(AppError::NotFound)
        })
        .await
        .map_err(|e| invalid_in_english(&state, e))?;
    Ok(web::Json(view))
}

/// A place on a waiting list.
#[derive(Debug, Serialize, ToSchema)]
pub struct WaitingView {
    /// The order of the list, from 1 (left and answered places keep theirs).
    pub queue_no: i32,
    pub name: String,
    pub email: String,
    pub state: WaitlistState,
    pub offer_expires_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

/// A ticket type's waiting list in order, with those offered a seat and those who left.
#[utoipa::path(get, path = "/api/editions/{edition}/ticket-types/{id}/waitlist", tag = "registration",
    params(("edition" = String, Path), ("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = Vec<WaitingView>),
        (status = 404, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn waiting_list(
    state: web::Data<AppState>,
    access: Organiser,
    path: web::Path<(String, TicketTypeId)>,
) -> AppResult<web::Json<Vec<WaitingView>>> {
    let id = path.into_inner().1;
    let eid = access.edition.id.clone();
    let list = state
        .db(move |c| {
            if !settings::ticket_types(c, &eid)?.iter().any(|t| t.id == id) {
                return Err(AppError::NotFound);
            }
            Ok(waitlist::entries(c, &id)?)
        })
        .await?;
    Ok(web::Json(
        list.into_iter()
            .map(|e| WaitingView {
                queue_no: e.queue_no,
                name: e.name,
                email: e.email,
                state: e.state,
                offer_expires_at: e.offer_expires_at,
                created_at: e.created_at,
            })
            .collect(),
    ))
}

/// A registration as organisers see it, with the ticket types it holds (the conference
/// and any workshops).
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationView {
    #[serde(flatten)]
    pub registration: Registration,
    pub tickets: Vec<TicketTypeId>,
}

/// One registration of the edition with its tickets; 404 when not of this edition.
fn view(
    conn: &mut devday_db::DbConn,
    edition_id: &devday_shared::vocabulary::EditionId,
    id: &RegistrationId,
) -> AppResult<RegistrationView> {
    let reg = register::in_edition(conn, edition_id, id)?.ok_or(AppError::NotFound)?;
    let tickets = register::tickets_of(conn, &reg.id)?
        .into_iter()
        .map(|t| t.id)
        .collect();
    Ok(RegistrationView {
        registration: reg,
        tickets,
    })
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct RegistrationQuery {
    /// Part of a name or address.
    pub q: String,
    /// Only registrations in this state.
    pub state: Option<RegistrationState>,
}

/// Every registration of the edition, oldest first.
#[utoipa::path(get, path = "/api/editions/{edition}/registrations", tag = "registration",
    params(("edition" = String, Path), RegistrationQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<RegistrationView>),
        (status = 403, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn registrations(
    state: web::Data<AppState>,
    access: Organiser,
    query: Query<RegistrationQuery>,
) -> AppResult<web::Json<Vec<RegistrationView>>> {
    let eid = access.edition.id.clone();
    let query = query.into_inner();
    let (list, mut tickets) = state
        .db(move |c| {
            Ok((
                register::list(c, &eid, &query.q)?,
                register::ticket_ids(c, &eid)?,
            ))
        })
        .await?;
    let wanted = |r: &Registration| query.state.is_none_or(|s| r.state == s);
    Ok(web::Json(
        list.into_iter()
            .filter(wanted)
            .map(|r| {
                let held = tickets.remove(r.id.as_str()).unwrap_or_default();
                RegistrationView {
                    registration: r,
                    tickets: held,
                }
            })
            .collect(),
    ))
}

/// One registration.
#[utoipa::path(get, path = "/api/editions/{edition}/registrations/{id}", tag = "registration",
    params(("edition" = String, Path), ("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationView),
        (status = 404, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn registration(
    state: web::Data<AppState>,
    access: Organiser,
    path: web::Path<(String, RegistrationId)>,
) -> AppResult<web::Json<RegistrationView>> {
    let id = path.into_inner().1;
    let eid = access.edition.id.clone();
    Ok(web::Json(state.db(move |c| view(c, &eid, &id)).await?))
}

/// Someone the organisers give a ticket: speakers, team, sponsors.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct GuestForm {
    pub name: String,
    pub email: String,
    pub company: String,
    /// Workshop ticket type ids.
    pub workshops: Vec<TicketTypeId>,
}

/// Adds a guest: registered and confirmed at once, with the ticket mail (in the language
/// of `Accept-Language`), even when the public places are gone. 409 when the address is
/// registered already, 422 for invalid fields.
#[utoipa::path(post, path = "/api/editions/{edition}/registrations", tag = "registration",
    params(("edition" = String, Path)), request_body = GuestForm, security(("bearer" = [])),
    responses((status = 201, body = RegistrationView),
        (status = 409, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn add(
    state: web::Data<AppState>,
    access: Organiser,
    RequestLocale(locale): RequestLocale,
    body: Json<GuestForm>,
) -> AppResult<HttpResponse> {
    let guest = body.into_inner();
    let (mailer, edition) = (state.mailer.clone(), access.edition.clone());
    let form = RegistrationForm {
        name: guest.name,
        email: guest.email,
        company: guest.company,
        workshops: guest.workshops,
        consent: true,
        ..RegistrationForm::default()
    };
    let added = state
        .db(move |c| {
            match register::admit(c, &mailer, &edition, &form, locale, Admission::Guest)? {
                Outcome::Confirmed { registration_id } => view(c, &edition.id, &registration_id),
                _ => Err(AppError::Refused(Refusal::AlreadyExists)),
            }
        })
        .await
        .map_err(|e| invalid_in_english(&state, e))?;
    Ok(HttpResponse::Created().json(added))
}

/// Cancels a registration as the organisers' page does: its seats go to the waiting list
/// first and the person gets the mail saying so. 409 when it is not active.
#[utoipa::path(post, path = "/api/editions/{edition}/registrations/{id}/cancel", tag = "registration",
    params(("edition" = String, Path), ("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationView),
        (status = 404, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn cancel(
    state: web::Data<AppState>,
    access: Organiser,
    path: web::Path<(String, RegistrationId)>,
) -> AppResult<web::Json<RegistrationView>> {
    let id = path.into_inner().1;
    let (mailer, edition) = (state.mailer.clone(), access.edition.clone());
    let cancelled = state
        .db(move |c| {
            let reg = register::in_edition(c, &edition.id, &id)?.ok_or(AppError::NotFound)?;
            register::cancel(
                c,
                &mailer,
                &edition,
                &reg,
                register::CancelledBy::Organisers,
            )?;
            view(c, &edition.id, &id)
        })
        .await?;
    Ok(web::Json(cancelled))
}

/// The workshops a registration should hold.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkshopsForm {
    /// Workshop ticket type ids: those not listed are dropped (their seats go to the
    /// waiting list), the new ones are added if they have a seat and do not overlap.
    pub workshops: Vec<TicketTypeId>,
}

/// Sets a registration's workshops, all or nothing. 409 when one is full or two overlap,
/// 404 for an id that is not a workshop of the edition.
#[utoipa::path(put, path = "/api/editions/{edition}/registrations/{id}/workshops", tag = "registration",
    params(("edition" = String, Path), ("id" = String, Path)), request_body = WorkshopsForm,
    security(("bearer" = [])),
    responses((status = 200, body = RegistrationView),
        (status = 404, body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, body = ProblemDocument, content_type = "application/problem+json")))]
pub async fn set_workshops(
    state: web::Data<AppState>,
    access: Organiser,
    path: web::Path<(String, RegistrationId)>,
    body: Json<WorkshopsForm>,
) -> AppResult<web::Json<RegistrationView>> {
    let id = path.into_inner().1;
    let wanted = body.into_inner().workshops;
    let (mailer, edition) = (state.mailer.clone(), access.edition.clone());
    let changed = state
        .db(move |c| {
            let reg = register::in_edition(c, &edition.id, &id)?.ok_or(AppError::NotFound)?;
            register::set_workshops(c, &mailer, &edition, &reg, &wanted)?;
            view(c, &edition.id, &id)
        })
        .await?;
    Ok(web::Json(changed))
}
