//! The links in registration mails: confirm, manage (view, cancel), waiting-list offers.
//! The link is the credential: no account is needed.

use actix_web::{web, HttpResponse};
use devday_db::DbConn;
use devday_shared::editions::{queries, Edition};
use devday_shared::vocabulary::TicketTypeId;
use devday_shared::web::{Confirmation, CsrfForm, Link, LinkTarget, NoFields, Page};
use devday_shared::{AppError, AppResult, AppState};
use diesel::QueryResult;
use serde::Deserialize;

use crate::model::{Registration, WaitlistEntry};
use crate::register::{DetailsForm, Registered};
use crate::{interests, register, settings, waitlist};

/// A registration held for its owner, by the mailed confirmation link.
pub struct ConfirmLink;

impl LinkTarget for ConfirmLink {
    fn find(conn: &mut DbConn, token: &str) -> QueryResult<Option<Self>> {
        Ok(register::by_confirm_token(conn, token)?.map(|_| ConfirmLink))
    }
}

/// A registration by its manage link (the one in every mail to the person).
pub struct ManageLink(Registration);

impl LinkTarget for ManageLink {
    fn find(conn: &mut DbConn, token: &str) -> QueryResult<Option<Self>> {
        Ok(register::by_manage_token(conn, token)?.map(ManageLink))
    }
}

/// A seat offered from the waiting list, while the offer is open.
pub struct OfferLink(WaitlistEntry);

impl LinkTarget for OfferLink {
    fn find(conn: &mut DbConn, token: &str) -> QueryResult<Option<Self>> {
        Ok(waitlist::open_offer(conn, token)?.map(OfferLink))
    }
}

/// A place on a waiting list, by the link to leave it.
pub struct WaitingLink(WaitlistEntry);

impl LinkTarget for WaitingLink {
    fn find(conn: &mut DbConn, token: &str) -> QueryResult<Option<Self>> {
        Ok(waitlist::by_leave_token(conn, token)?.map(WaitingLink))
    }
}

fn message(page: &Page, title: &str, text: &str) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("title_key", title);
    ctx.insert("message_key", text);
    page.render("accounts/message.html", &ctx)
}

pub async fn confirm_form(page: Page, link: Link<ConfirmLink>) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("token", &link.token);
    page.render("registration/confirm.html", &ctx)
}

pub async fn confirm(
    state: web::Data<AppState>,
    page: Page,
    link: Link<ConfirmLink>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    confirm_found_by(&state, &page, link.token, register::by_confirm_token).await
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
    // Confirmed meanwhile, or the hold ran out: the link leads nowhere now.
    match done {
        Ok((registered, edition)) => registered_page(page, &registered, &edition),
        Err(AppError::NotFound) => Err(AppError::LinkInvalid),
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
    Link {
        token,
        target: ManageLink(reg),
    }: Link<ManageLink>,
) -> AppResult<HttpResponse> {
    let (reg, edition, tickets, workshops, (sessions, chosen, streams)) = state
        .db(move |c| {
            let edition = queries::by_id(c, &reg.edition_id)?;
            let tickets = register::tickets_of(c, &reg.id)?;
            let workshops: Vec<_> = settings::ticket_types(c, &reg.edition_id)?
                .into_iter()
                .filter(|t| t.is_workshop() && !tickets.iter().any(|h| h.id == t.id))
                .collect();
            let interest = (
                interests::offered(c, &reg.edition_id)?,
                interests::ids_of_registration(c, &reg.id)?,
                crate::streams::for_registration(c, &reg)?,
            );
            Ok((reg, edition, tickets, workshops, interest))
        })
        .await?;
    let mut ctx = page.context();
    if reg.is_active() {
        ctx.insert(
            "programme",
            &crate::programme::path(&state.secret, &edition.slug, &reg),
        );
    }
    ctx.insert("sessions", &sessions);
    ctx.insert("chosen", &chosen);
    ctx.insert("streams", &streams);
    ctx.insert("watch_base", &format!("/register/manage/{token}/watch/"));
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
    link: Link<ManageLink>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    confirm_found_by(&state, &page, link.token, register::by_manage_token).await
}

/// Asks before cancelling: a slip would give the place away for good.
pub async fn cancel_form(
    state: web::Data<AppState>,
    page: Page,
    Link {
        token,
        target: ManageLink(reg),
    }: Link<ManageLink>,
) -> AppResult<HttpResponse> {
    // Nothing left to cancel: the link leads nowhere for this.
    if !reg.is_active() {
        return Err(AppError::LinkInvalid);
    }
    let edition = state
        .db(move |c| Ok(queries::by_id(c, &reg.edition_id)?))
        .await?;
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
    Link { token, .. }: Link<ManageLink>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
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
    page: Page,
    Link {
        token,
        target: OfferLink(entry),
    }: Link<OfferLink>,
) -> AppResult<HttpResponse> {
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
    Link { token, .. }: Link<OfferLink>,
    CsrfForm(form): CsrfForm<OfferAnswer>,
) -> AppResult<HttpResponse> {
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
        Err(AppError::NotFound) => Err(AppError::LinkInvalid),
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
    Link { token, .. }: Link<ManageLink>,
    CsrfForm(form): CsrfForm<DetailsForm>,
) -> AppResult<HttpResponse> {
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
    ticket_type_id: TicketTypeId,
    /// add or drop
    action: String,
}

pub async fn workshops(
    state: web::Data<AppState>,
    Link { token, .. }: Link<ManageLink>,
    CsrfForm(form): CsrfForm<WorkshopForm>,
) -> AppResult<HttpResponse> {
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
    Link {
        target: ManageLink(reg),
        ..
    }: Link<ManageLink>,
) -> AppResult<HttpResponse> {
    let data = state.db(move |c| Ok(register::export(c, &reg)?)).await?;
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
    Link { token, .. }: Link<ManageLink>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
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
    page: Page,
    Link {
        token,
        target: WaitingLink(entry),
    }: Link<WaitingLink>,
) -> AppResult<HttpResponse> {
    let mut ctx = page.context();
    ctx.insert("entry", &entry);
    ctx.insert("token", &token);
    page.render("registration/waitlist.html", &ctx)
}

/// Leaves the waiting list; nobody behind is skipped.
pub async fn leave_waitlist(
    state: web::Data<AppState>,
    page: Page,
    Link { token, .. }: Link<WaitingLink>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
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

/// Opens a live stream from the manage link: counted as watching, then sent on.
pub async fn watch(
    state: web::Data<AppState>,
    Link {
        target: ManageLink(reg),
        ..
    }: Link<ManageLink>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let stream = path.into_inner().1;
    let url = state
        .db(move |c| crate::streams::open(c, &reg, &stream))
        .await?;
    Ok(devday_shared::web::redirect::see_other(&url))
}
