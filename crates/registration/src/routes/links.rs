//! The links in registration mails: confirm, manage (view, cancel), waiting-list offers.
//! The link is the credential: no account is needed.

use actix_web::{web, HttpResponse};
use devday_db::DbConn;
use devday_shared::editions::{queries, Edition};
use devday_shared::web::{Confirmation, CsrfForm, NoFields, Page};
use devday_shared::{AppError, AppResult, AppState};
use diesel::QueryResult;
use serde::Deserialize;

use crate::model::Registration;
use crate::register::{DetailsForm, Registered};
use crate::{interests, register, settings, waitlist};

fn message(page: &Page, title: &str, text: &str) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("title_key", title);
    ctx.insert("message_key", text);
    page.render("accounts/message.html", &ctx)
}

pub async fn confirm_form(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let t = token.clone();
    if state
        .db(move |c| Ok(register::by_confirm_token(c, &t)?))
        .await?
        .is_none()
    {
        return page.invalid_link();
    }
    let mut ctx = page.context();
    ctx.insert("token", &token);
    page.render("registration/confirm.html", &ctx)
}

pub async fn confirm(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    confirm_found_by(
        &state,
        &page,
        token.into_inner(),
        register::by_confirm_token,
    )
    .await
}

/// Confirms the held registration that `find` gives for the link's token, mails the
/// ticket and says so; the invalid-link page once nothing is held any more.
async fn confirm_found_by(
    state: &AppState,
    page: &Page,
    token: String,
    find: fn(&mut DbConn, &str) -> QueryResult<Option<Registration>>,
) -> AppResult<HttpResponse> {
    let (mailer, locale) = (state.mailer.clone(), page.locale);
    let done = state
        .db(move |c| {
            let reg = find(c, &token)?.ok_or(AppError::NotFound)?;
            let edition = queries::by_id(c, &reg.edition_id)?;
            Ok((
                register::confirm_held(c, &mailer, &edition, reg, locale)?,
                edition,
            ))
        })
        .await;
    match done {
        Ok((registered, edition)) => registered_page(page, &registered, &edition),
        Err(AppError::NotFound) => page.invalid_link(),
        Err(e) => Err(e),
    }
}

/// "You are registered": the event and the person by name, and the way on to the ticket
/// (this page holds the fresh manage link, like the mail).
fn registered_page(
    page: &Page,
    registered: &Registered,
    edition: &Edition,
) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("name", &registered.registration.name);
    ctx.insert("edition", edition);
    ctx.insert("manage_token", &registered.manage_token);
    page.render("registration/registered.html", &ctx)
}

pub async fn manage(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let t = token.clone();
    let found = state
        .db(move |c| {
            let Some(reg) = register::by_manage_token(c, &t)? else {
                return Ok(None);
            };
            let edition = queries::by_id(c, &reg.edition_id)?;
            let tickets = register::tickets_of(c, &reg.id)?;
            let workshops: Vec<_> = settings::ticket_types(c, &reg.edition_id)?
                .into_iter()
                .filter(|t| t.is_workshop() && !tickets.iter().any(|h| h.id == t.id))
                .collect();
            let interest = (
                interests::offered(c, &reg.edition_id)?,
                interests::ids_of_registration(c, &reg.id)?,
            );
            Ok(Some((reg, edition, tickets, workshops, interest)))
        })
        .await?;
    let Some((reg, edition, tickets, workshops, (sessions, chosen))) = found else {
        return page.invalid_link();
    };
    let mut ctx = page.context();
    ctx.insert("sessions", &sessions);
    ctx.insert("chosen", &chosen);
    ctx.insert("workshops", &workshops);
    ctx.insert("tshirts", &register::TSHIRTS);
    ctx.insert("errors", &devday_shared::FieldErrors::new());
    ctx.insert("registration", &reg);
    ctx.insert("edition", &edition);
    ctx.insert("tickets", &tickets);
    ctx.insert("token", &token);
    page.render("registration/manage.html", &ctx)
}

/// Confirms a held registration from the manage link: for someone whose confirmation mail
/// went missing and who asked for their link again.
pub async fn confirm_managed(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    confirm_found_by(&state, &page, token.into_inner(), register::by_manage_token).await
}

/// Asks before cancelling: a slip would give the place away for good.
pub async fn cancel_form(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let t = token.clone();
    let found = state
        .db(move |c| {
            let Some(reg) = register::by_manage_token(c, &t)?.filter(|r| r.is_active()) else {
                return Ok(None);
            };
            Ok(Some(queries::by_id(c, &reg.edition_id)?))
        })
        .await?;
    let Some(edition) = found else {
        return page.invalid_link();
    };
    let manage = format!("/register/manage/{token}");
    page.confirm(Confirmation {
        question: "confirm-cancel-own",
        subject: &edition.name,
        consequence: "confirm-cancel-own-text",
        yes: "registration-cancel",
        action: &format!("{manage}/cancel"),
        back: &manage,
        fields: &[],
    })
}

/// Cancels; the seats go back at once (to the waiting list first).
pub async fn cancel(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let mailer = state.mailer.clone();
    state
        .db(move |c| {
            let reg = register::by_manage_token(c, &token)?.ok_or(AppError::NotFound)?;
            let edition = queries::by_id(c, &reg.edition_id)?;
            register::cancel(
                c,
                &mailer,
                &edition,
                &reg,
                register::CancelledBy::Themselves,
            )
        })
        .await?;
    message(
        &page,
        "registration-cancelled-title",
        "registration-cancelled-text",
    )
}

pub async fn offer(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let t = token.clone();
    let Some(entry) = state.db(move |c| Ok(waitlist::open_offer(c, &t)?)).await? else {
        return page.invalid_link();
    };
    let mut ctx = page.context();
    ctx.insert("entry", &entry);
    ctx.insert("token", &token);
    page.render("registration/offer.html", &ctx)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OfferAnswer {
    /// accept or decline
    answer: String,
}

pub async fn answer_offer(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<OfferAnswer>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let accept = match form.answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => {
            return Err(AppError::Refused(
                devday_shared::Refusal::ChooseAcceptOrDecline,
            ))
        }
    };
    let mailer = state.mailer.clone();
    let done = state
        .db(move |c| {
            let entry = waitlist::open_offer(c, &token)?.ok_or(AppError::NotFound)?;
            let edition = waitlist::edition_of(c, &entry)?;
            if accept {
                Ok(Some((
                    waitlist::accept(c, &mailer, &edition, &token)?,
                    edition,
                )))
            } else {
                waitlist::decline(c, &mailer, &edition, &token)?;
                Ok(None)
            }
        })
        .await;
    match done {
        Ok(Some((registered, edition))) => registered_page(&page, &registered, &edition),
        Ok(None) => message(&page, "offer-declined-title", "offer-declined-text"),
        Err(AppError::NotFound) => page.invalid_link(),
        Err(e) => Err(e),
    }
}

/// The registration behind a manage link, with its edition; 404 for an unknown link.
fn owned(
    c: &mut devday_db::DbConn,
    token: &str,
) -> AppResult<(crate::model::Registration, devday_shared::editions::Edition)> {
    let reg = register::by_manage_token(c, token)?.ok_or(AppError::NotFound)?;
    let edition = queries::by_id(c, &reg.edition_id)?;
    Ok((reg, edition))
}

pub async fn details(
    state: web::Data<AppState>,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<DetailsForm>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let t = token.clone();
    state
        .db(move |c| {
            let (reg, _) = owned(c, &t)?;
            register::update_details(c, &reg, &form)
        })
        .await?;
    Ok(devday_shared::web::see_other(&format!(
        "/register/manage/{token}"
    )))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct WorkshopForm {
    ticket_type_id: String,
    /// add or drop
    action: String,
}

pub async fn workshops(
    state: web::Data<AppState>,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<WorkshopForm>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let (t, mailer) = (token.clone(), state.mailer.clone());
    state
        .db(move |c| {
            let (reg, edition) = owned(c, &t)?;
            match form.action.as_str() {
                "add" => register::add_workshop(c, &reg, &form.ticket_type_id),
                "drop" => register::drop_workshop(c, &mailer, &edition, &reg, &form.ticket_type_id),
                _ => Err(AppError::Refused(devday_shared::Refusal::ChooseAddOrDrop)),
            }
        })
        .await?;
    Ok(devday_shared::web::see_other(&format!(
        "/register/manage/{token}"
    )))
}

/// Everything kept about the registration, as JSON (GDPR art. 15 and 20).
pub async fn export(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let data = state
        .db(move |c| {
            let (reg, _) = owned(c, &token)?;
            Ok(register::export(c, &reg)?)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"registration.json\"",
        ))
        .json(data))
}

/// Deletes the registration and its personal data for good.
pub async fn delete(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let mailer = state.mailer.clone();
    state
        .db(move |c| {
            let (reg, edition) = owned(c, &token)?;
            register::delete(c, &mailer, &edition, &reg)
        })
        .await?;
    message(
        &page,
        "registration-deleted-title",
        "registration-deleted-text",
    )
}

pub async fn waitlist_entry(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let t = token.clone();
    let Some(entry) = state
        .db(move |c| Ok(waitlist::by_leave_token(c, &t)?))
        .await?
    else {
        return page.invalid_link();
    };
    let mut ctx = page.context();
    ctx.insert("entry", &entry);
    ctx.insert("token", &token);
    page.render("registration/waitlist.html", &ctx)
}

/// Leaves the waiting list; nobody behind is skipped.
pub async fn leave_waitlist(
    state: web::Data<AppState>,
    page: Page,
    token: web::Path<String>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let mailer = state.mailer.clone();
    state
        .db(move |c| {
            let entry = waitlist::by_leave_token(c, &token)?.ok_or(AppError::NotFound)?;
            let edition = waitlist::edition_of(c, &entry)?;
            waitlist::leave(c, &mailer, &edition, &entry)
        })
        .await?;
    message(&page, "waitlist-left-title", "waitlist-left-text")
}
