//! Registering (double opt-in), confirming, managing and cancelling; expiring holds.
//!
//! Every change that takes or frees seats runs in one write transaction with its mails, so
//! a non-2xx answer always means nothing was registered, and a 2xx means it was.

use chrono::Duration;
use devday_db::schema::{
    registration_tickets::dsl as rt, registrations::dsl as r, ticket_types::dsl as tt,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::accounts::EmailAddress;
use devday_shared::bilingual::pick;
use devday_shared::editions::{Edition, WindowState};
use devday_shared::i18n::Locale;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::Refusal;
use devday_shared::{crypto, AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::model::{Registration, TicketType};

use crate::{interests, seats, settings, waitlist};
use devday_db::sql::lower;

/// What a person enters (the page form and the JSON API alike).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct RegistrationForm {
    pub name: String,
    pub email: String,
    pub company: String,
    /// XS, S, M, L, XL, XXL or empty
    pub tshirt: String,
    pub dietary: String,
    pub accessibility: String,
    /// Agreement to the privacy text and the code of conduct.
    pub consent: bool,
    /// Workshop ticket type ids.
    pub workshops: Vec<String>,
    /// Full workshops the person asks to wait for: they register without them and join
    /// each one's waiting list.
    pub workshop_waitlist: Vec<String>,
    /// Join the waiting list if the conference is full.
    pub waitlist: bool,
    /// Ids of confirmed sessions the person is interested in (optional; helps plan rooms
    /// and times).
    pub interests: Vec<String>,
    /// The honeypot; people leave it empty.
    #[schema(ignore)]
    pub website: String,
}

/// What the registration form says for a refusal where it can say what to do next (tick
/// the waiting-list box, which sits on the same page); `None`: the refusal's own words.
pub fn form_message(refusal: &Refusal) -> Option<&'static str> {
    match refusal {
        Refusal::RegistrationClosed => Some("registration-refused-closed"),
        Refusal::ConferenceFull => Some("registration-refused-full"),
        Refusal::WorkshopFull { .. } => Some("registration-refused-workshop"),
        _ => None,
    }
}

pub const TSHIRTS: [&str; 6] = ["XS", "S", "M", "L", "XL", "XXL"];

/// How a registration attempt ended.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum Outcome {
    /// A seat is held until the address is confirmed through the mailed link.
    Held { registration_id: String },
    /// Registered and confirmed at once (guests whose ticket the organisers issued).
    Confirmed { registration_id: String },
    /// The address is registered already; its manage link was mailed again.
    AlreadyRegistered,
    /// Full; the person is on the waiting list (position counted from 1).
    Waitlisted { position: i64 },
}

struct Valid {
    email: EmailAddress,
    name: String,
    workshops: Vec<TicketType>,
    conference: TicketType,
}

fn validate(form: &RegistrationForm, types: &[TicketType]) -> Result<Valid, FieldErrors> {
    let mut errors = FieldErrors::new();
    let email = EmailAddress::parse(&form.email).map_err(|e| errors.add("email", e.message_key()));
    let name = form.name.trim();
    check_details(
        &DetailsForm {
            name: form.name.clone(),
            company: form.company.clone(),
            tshirt: form.tshirt.clone(),
            dietary: form.dietary.clone(),
            accessibility: form.accessibility.clone(),
            interests: Vec::new(),
        },
        &mut errors,
    );
    if !form.consent {
        errors.add("consent", "consent-required");
    }
    let mut workshops: Vec<TicketType> = Vec::new();
    for id in form.workshops.iter().chain(&form.workshop_waitlist) {
        match types.iter().find(|t| &t.id == id && t.is_workshop()) {
            Some(w) if workshops.iter().any(|o| o.id == w.id) => {}
            Some(w) => {
                if workshops.iter().any(|o| o.overlaps(w)) {
                    errors.add("workshops", "workshops-overlap");
                }
                workshops.push(w.clone());
            }
            None => errors.add("workshops", "field-invalid"),
        }
    }
    let conference = types.iter().find(|t| !t.is_workshop()).cloned();
    if conference.is_none() {
        errors.add("email", "registration-no-ticket");
    }
    match (email, conference) {
        (Ok(email), Some(conference)) if errors.is_empty() => Ok(Valid {
            email,
            name: name.to_owned(),
            workshops,
            conference,
        }),
        _ => Err(errors),
    }
}

fn link_context(
    mailer: &Mailer,
    edition: &Edition,
    name: &str,
    manage_token: &str,
) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("name", name);
    ctx.insert("edition", &edition.name);
    ctx.insert(
        "manage_link",
        &mailer.link(&format!("/register/manage/{manage_token}")),
    );
    ctx
}

pub fn register(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    form: &RegistrationForm,
    locale: Locale,
) -> AppResult<Outcome> {
    if edition.registration_state(now()) != WindowState::Open
        || !settings::get(conn, &edition.id)?.texts_ready()
    {
        return Err(AppError::Refused(
            devday_shared::Refusal::RegistrationClosed,
        ));
    }
    admit(conn, mailer, edition, form, locale, Admission::Public)
}

/// How a registration comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Through the form or the API: within capacity, held until the mailed link is used.
    Public,
    /// The demo: like `Public`, without mails.
    Quiet,
    /// Speakers and team, given a ticket by the organisers: confirmed at once with the
    /// ticket mail, and admitted even when the public places are gone (their seat still
    /// counts, so the public gets fewer). No consent of theirs is recorded (version 0).
    Guest,
}

/// Registers whatever the window says (the form and API check it first).
pub fn admit(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    form: &RegistrationForm,
    locale: Locale,
    how: Admission,
) -> AppResult<Outcome> {
    let types = settings::ticket_types(conn, &edition.id)?;
    let valid = validate(form, &types).map_err(AppError::Invalid)?;
    let config = settings::get(conn, &edition.id)?;
    let outcome = write_transaction(conn, |conn| -> AppResult<Outcome> {
        let existing: Option<Registration> = r::registrations
            .filter(r::edition_id.eq(&edition.id))
            .filter(r::email.eq(valid.email.as_str()))
            .select(Registration::as_select())
            .first(conn)
            .optional()?;
        let manage = crypto::random_token();
        if let Some(existing) = existing.as_ref().filter(|e| e.is_active()) {
            // Same address again: a new manage link instead of a second registration.
            diesel::update(r::registrations.find(&existing.id))
                .set(r::manage_token_hash.eq(crypto::token_hash(&manage)))
                .execute(conn)?;
            let ctx = link_context(mailer, edition, &existing.name, &manage);
            if how == Admission::Public {
                outbox::enqueue(
                    conn,
                    &mailer.compose("registration_manage", locale, existing.email.as_str(), ctx)?,
                )?;
            }
            return Ok(Outcome::AlreadyRegistered);
        }
        let seated = match how {
            Admission::Guest => seats::take_beyond_capacity(conn, &valid.conference.id)?,
            Admission::Public | Admission::Quiet => seats::take(conn, &valid.conference.id)?,
        };
        if !seated {
            if !form.waitlist {
                return Err(AppError::Refused(devday_shared::Refusal::ConferenceFull));
            }
            let position = waitlist::join(
                conn,
                mailer,
                edition,
                &valid.conference,
                &valid.email,
                &valid.name,
                locale,
            )?;
            return Ok(Outcome::Waitlisted { position });
        }
        // Full workshops: with `waitlist` (or that workshop in `workshop_waitlist`), the
        // person registers without them and waits for them; otherwise nothing is registered
        // (rolling back frees the conference seat).
        let mut seated: Vec<&TicketType> = Vec::new();
        let mut waiting_for: Vec<&TicketType> = Vec::new();
        for workshop in &valid.workshops {
            if seats::take(conn, &workshop.id)? {
                seated.push(workshop);
            } else if form.waitlist || form.workshop_waitlist.contains(&workshop.id) {
                waiting_for.push(workshop);
            } else {
                return Err(AppError::Refused(devday_shared::Refusal::WorkshopFull {
                    workshop: workshop.name.clone(),
                }));
            }
        }
        let confirm = crypto::random_token();
        let at = now();
        let guest = how == Admission::Guest;
        let id = existing
            .as_ref()
            .map(|e| e.id.clone())
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        if existing.is_some() {
            // A cancelled or expired registration of the same address comes back.
            diesel::delete(rt::registration_tickets.filter(rt::registration_id.eq(&id)))
                .execute(conn)?;
            diesel::delete(r::registrations.find(&id)).execute(conn)?;
        }
        diesel::insert_into(r::registrations)
            .values((
                r::id.eq(&id),
                r::edition_id.eq(&edition.id),
                r::email.eq(valid.email.as_str()),
                r::name.eq(&valid.name),
                r::company.eq(form.company.trim()),
                r::tshirt.eq(&form.tshirt),
                r::dietary.eq(form.dietary.trim()),
                r::accessibility.eq(form.accessibility.trim()),
                r::locale.eq(locale.code()),
                r::state.eq(if guest { "confirmed" } else { "held" }),
                r::confirm_token_hash.eq((!guest).then(|| crypto::token_hash(&confirm))),
                r::manage_token_hash.eq(crypto::token_hash(&manage)),
                r::held_until
                    .eq((!guest).then(|| at + Duration::hours(i64::from(config.hold_hours)))),
                r::consent_at.eq(at),
                r::consent_version.eq(if guest { 0 } else { config.consent_version }),
                r::created_at.eq(at),
                r::confirmed_at.eq(guest.then_some(at)),
            ))
            .execute(conn)?;
        for workshop in waiting_for {
            waitlist::join(
                conn,
                mailer,
                edition,
                workshop,
                &valid.email,
                &valid.name,
                locale,
            )?;
        }
        if !form.interests.is_empty() {
            interests::record(conn, &id, &edition.id, &form.interests)?;
        }
        for ticket in std::iter::once(&valid.conference).chain(seated) {
            diesel::insert_into(rt::registration_tickets)
                .values((
                    rt::registration_id.eq(&id),
                    rt::ticket_type_id.eq(&ticket.id),
                ))
                .execute(conn)?;
        }
        match how {
            Admission::Public => {
                let mut ctx = link_context(mailer, edition, &valid.name, &manage);
                ctx.insert(
                    "confirm_link",
                    &mailer.link(&format!("/register/confirm/{confirm}")),
                );
                ctx.insert("hours", &config.hold_hours);
                outbox::enqueue(
                    conn,
                    &mailer.compose("registration_confirm", locale, valid.email.as_str(), ctx)?,
                )?;
            }
            Admission::Guest => {
                let reg = r::registrations
                    .find(&id)
                    .select(Registration::as_select())
                    .first(conn)?;
                send_ticket(conn, mailer, edition, &reg, locale)?;
            }
            Admission::Quiet => {}
        }
        Ok(if guest {
            Outcome::Confirmed {
                registration_id: id,
            }
        } else {
            Outcome::Held {
                registration_id: id,
            }
        })
    })?;
    mailer.notify();
    Ok(outcome)
}

/// Confirms a held registration without a mail (imports and the demo).
pub fn mark_confirmed(conn: &mut DbConn, registration_id: &str) -> QueryResult<()> {
    diesel::update(
        r::registrations
            .filter(r::id.eq(registration_id))
            .filter(r::state.eq("held")),
    )
    .set((
        r::state.eq("confirmed"),
        r::confirmed_at.eq(Some(now())),
        r::held_until.eq(None::<chrono::NaiveDateTime>),
        r::confirm_token_hash.eq(None::<String>),
    ))
    .execute(conn)
    .map(drop)
}

/// A registration of the edition by id (organisers' pages).
pub fn in_edition(
    conn: &mut DbConn,
    edition_id: &str,
    id: &str,
) -> QueryResult<Option<Registration>> {
    r::registrations
        .filter(r::edition_id.eq(edition_id))
        .filter(r::id.eq(id))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

/// The address's held or confirmed registration in the edition (`email` normalised).
pub fn active_by_email(
    conn: &mut DbConn,
    edition_id: &str,
    email: &str,
) -> QueryResult<Option<Registration>> {
    r::registrations
        .filter(r::edition_id.eq(edition_id))
        .filter(r::email.eq(email))
        .filter(r::state.eq_any(["held", "confirmed"]))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

pub fn by_confirm_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<Registration>> {
    r::registrations
        .filter(r::confirm_token_hash.eq(crypto::token_hash(token)))
        .filter(r::state.eq("held"))
        .filter(r::held_until.gt(now()))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

pub fn by_manage_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<Registration>> {
    r::registrations
        .filter(r::manage_token_hash.eq(crypto::token_hash(token)))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

/// A registration just confirmed, with the token of its manage link (also mailed).
pub struct Registered {
    pub registration: Registration,
    pub manage_token: String,
}

/// Confirms a registration that is held for its owner (found by the mailed confirmation
/// link, or by the manage link, which proves the address just as well) and mails the
/// ticket. NotFound once it is no longer held (confirmed already, or the hold ran out).
pub fn confirm_held(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: Registration,
    locale: Locale,
) -> AppResult<Registered> {
    let done = write_transaction(conn, |conn| -> AppResult<Registered> {
        // Until the sweeper has released it, an expired hold still reads "held".
        let n = diesel::update(
            r::registrations
                .filter(r::id.eq(&reg.id))
                .filter(r::state.eq("held"))
                .filter(r::held_until.gt(now())),
        )
        .set((
            r::state.eq("confirmed"),
            r::confirmed_at.eq(Some(now())),
            r::held_until.eq(None::<chrono::NaiveDateTime>),
            r::confirm_token_hash.eq(None::<String>),
        ))
        .execute(conn)?;
        if n != 1 {
            return Err(AppError::NotFound);
        }
        let manage_token = send_ticket(conn, mailer, edition, &reg, locale)?;
        Ok(Registered {
            registration: reg.clone(),
            manage_token,
        })
    })?;
    mailer.notify();
    Ok(done)
}

/// Queues the ticket mail of a confirmed registration: what the ticket carries (when,
/// where, workshops, the QR and the short code), with a fresh manage link (the previous
/// one stops working) and links to the PDF and the calendar file; returns the link's token,
/// for the page that confirmed the registration.
pub(crate) fn send_ticket(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: &Registration,
    locale: Locale,
) -> AppResult<String> {
    let manage = crypto::random_token();
    diesel::update(r::registrations.find(&reg.id))
        .set(r::manage_token_hash.eq(crypto::token_hash(&manage)))
        .execute(conn)?;
    let ticket = crate::ticket::Ticket::of(conn, reg.clone())?;
    let mut ctx = link_context(mailer, edition, &reg.name, &manage);
    ctx.insert(
        "tickets",
        &ticket
            .types
            .iter()
            .map(|t| pick(locale, &t.name, &t.name_de))
            .collect::<Vec<_>>(),
    );
    ctx.insert("facts", &ticket.facts(locale));
    if let Some(codes) = &ticket.codes {
        ctx.insert("short_code", &codes.short.to_string());
    }
    let mut mail = mailer.compose("registration_confirmed", locale, &reg.email, ctx)?;
    // The ticket's QR code, shown inside the mail.
    if let Some(codes) = &ticket.codes {
        mail.inline_png = Some(devday_badges::qr::png(&codes.qr).map_err(AppError::internal)?);
    }
    outbox::enqueue(conn, &mail)?;
    Ok(manage)
}

pub fn tickets_of(conn: &mut DbConn, registration_id: &str) -> QueryResult<Vec<TicketType>> {
    rt::registration_tickets
        .inner_join(tt::ticket_types)
        .filter(rt::registration_id.eq(registration_id))
        .order(tt::position.asc())
        .select(TicketType::as_select())
        .load(conn)
}

/// The ticket names of every registration of an edition in the reader's language, in
/// ticket order, for the attendee list (one query, not one per person).
pub fn ticket_names(
    conn: &mut DbConn,
    edition_id: &str,
    locale: Locale,
) -> QueryResult<std::collections::HashMap<String, Vec<String>>> {
    let rows: Vec<(String, String, String)> = rt::registration_tickets
        .inner_join(tt::ticket_types)
        .filter(tt::edition_id.eq(edition_id))
        .order((rt::registration_id.asc(), tt::position.asc()))
        .select((rt::registration_id, tt::name, tt::name_de))
        .load(conn)?;
    let mut names = std::collections::HashMap::<String, Vec<String>>::new();
    for (registration, name, name_de) in rows {
        names
            .entry(registration)
            .or_default()
            .push(pick(locale, &name, &name_de).to_owned());
    }
    Ok(names)
}

/// Ends an active registration: its seats go back at once, to the waiting list first.
/// Returns how many seats were offered to people waiting.
fn release(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: &Registration,
    state: &str,
) -> AppResult<usize> {
    let n = diesel::update(
        r::registrations
            .filter(r::id.eq(&reg.id))
            .filter(r::state.eq_any(["held", "confirmed"])),
    )
    .set((
        r::state.eq(state),
        r::cancelled_at.eq(Some(now())),
        r::held_until.eq(None::<chrono::NaiveDateTime>),
    ))
    .execute(conn)?;
    if n != 1 {
        return Err(AppError::Refused(
            devday_shared::Refusal::RegistrationInactive,
        ));
    }
    let mut offered = 0;
    for ticket in tickets_of(conn, &reg.id)? {
        seats::release(conn, &ticket.id)?;
        offered += waitlist::offer_free_seats(conn, mailer, edition, &ticket.id)?;
    }
    Ok(offered)
}

/// Who ended a registration: the mail that confirms it says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelledBy {
    /// The person, from their manage link: told what became of their place.
    Themselves,
    /// The organisers: told so, and that a mistake can be answered.
    Organisers,
}

/// Cancels a registration; its places go to the waiting list first, and the person gets a
/// mail confirming it, with the link to register again.
pub fn cancel(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: &Registration,
    by: CancelledBy,
) -> AppResult<()> {
    write_transaction(conn, |conn| -> AppResult<()> {
        let offered = release(conn, mailer, edition, reg, "cancelled")?;
        let mut ctx = tera::Context::new();
        ctx.insert("name", &reg.name);
        ctx.insert("edition", &edition.name);
        ctx.insert("offered", &offered);
        ctx.insert(
            "register_link",
            &mailer.link(&format!("/{}/register/", edition.slug)),
        );
        let template = match by {
            CancelledBy::Themselves => "registration_self_cancelled",
            CancelledBy::Organisers => "registration_cancelled",
        };
        let locale = Locale::parse(&reg.locale).unwrap_or_default();
        outbox::enqueue(conn, &mailer.compose(template, locale, &reg.email, ctx)?)?;
        Ok(())
    })?;
    mailer.notify();
    Ok(())
}

/// Expires holds whose time is up and offers that were not answered; returns how many.
pub fn sweep(conn: &mut DbConn, mailer: &Mailer) -> AppResult<usize> {
    let at = now();
    let stale: Vec<Registration> = r::registrations
        .filter(r::state.eq("held"))
        .filter(r::held_until.le(at))
        .select(Registration::as_select())
        .load(conn)?;
    let mut n = 0;
    for reg in stale {
        let edition = devday_shared::editions::queries::by_id(conn, &reg.edition_id)?;
        let expired = write_transaction(conn, |conn| {
            match release(conn, mailer, &edition, &reg, "expired") {
                Ok(_) => Ok(true),
                // Confirmed or cancelled meanwhile: nothing to do.
                Err(AppError::Refused(devday_shared::Refusal::RegistrationInactive)) => Ok(false),
                Err(e) => Err(e),
            }
        })?;
        n += usize::from(expired);
    }
    n += waitlist::expire_offers(conn, mailer)?;
    if n > 0 {
        mailer.notify();
    }
    Ok(n)
}

/// Counts per ticket type: (name, capacity, taken, confirmed, held).
pub fn counts(conn: &mut DbConn, edition_id: &str) -> AppResult<Vec<(TicketType, i64, i64)>> {
    let mut out = Vec::new();
    for t in settings::ticket_types(conn, edition_id)? {
        let by_state = |conn: &mut DbConn, state: &str| -> QueryResult<i64> {
            rt::registration_tickets
                .inner_join(r::registrations)
                .filter(rt::ticket_type_id.eq(&t.id))
                .filter(r::state.eq(state))
                .count()
                .get_result(conn)
        };
        let confirmed = by_state(conn, "confirmed")?;
        let held = by_state(conn, "held")?;
        out.push((t, confirmed, held));
    }
    Ok(out)
}

pub fn list(conn: &mut DbConn, edition_id: &str, search: &str) -> QueryResult<Vec<Registration>> {
    let mut q = r::registrations
        .filter(r::edition_id.eq(edition_id))
        .into_boxed();
    let search = search.trim().replace(['%', '_'], "");
    if !search.is_empty() {
        // Folded in SQL on both sides (see `devday_db::sql::lower`).
        let pattern = format!("%{search}%");
        q = q.filter(
            lower(r::email)
                .like(lower(pattern.clone()))
                .or(lower(r::name).like(lower(pattern))),
        );
    }
    q.order(r::created_at.asc())
        .select(Registration::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DetailsForm {
    pub name: String,
    pub company: String,
    pub tshirt: String,
    pub dietary: String,
    pub accessibility: String,
    /// The sessions of interest, as ticked now (the form always sends the whole set).
    pub interests: Vec<String>,
}

/// Name (required, ≤100), free answers (≤300) and T-shirt size (one of `TSHIRTS` or none):
/// the same rules on the form, the manage page and the organisers' page.
fn check_details(form: &DetailsForm, errors: &mut FieldErrors) {
    let name = form.name.trim();
    if name.is_empty() {
        errors.add("name", "field-required");
    } else if name.chars().count() > 100 {
        errors.add("name", "field-too-long");
    }
    for (field, value) in [
        ("company", &form.company),
        ("dietary", &form.dietary),
        ("accessibility", &form.accessibility),
    ] {
        if value.chars().count() > 300 {
            errors.add(field, "field-too-long");
        }
    }
    if !form.tshirt.is_empty() && !TSHIRTS.contains(&form.tshirt.as_str()) {
        errors.add("tshirt", "field-invalid");
    }
}

/// Changes name and answers of an active registration (through the manage link).
pub fn update_details(conn: &mut DbConn, reg: &Registration, form: &DetailsForm) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    check_details(form, &mut errors);
    errors.into_result()?;
    let name = form.name.trim();
    if !reg.is_active() {
        return Err(AppError::Refused(
            devday_shared::Refusal::RegistrationInactive,
        ));
    }
    write_transaction(conn, |conn| {
        diesel::update(r::registrations.find(&reg.id))
            .set((
                r::name.eq(name),
                r::company.eq(form.company.trim()),
                r::tshirt.eq(&form.tshirt),
                r::dietary.eq(form.dietary.trim()),
                r::accessibility.eq(form.accessibility.trim()),
            ))
            .execute(conn)?;
        interests::record(conn, &reg.id, &reg.edition_id, &form.interests)?;
        Ok(())
    })
}

/// Adds a workshop to an active registration (a seat, and no overlap with the others).
pub fn add_workshop(conn: &mut DbConn, reg: &Registration, ticket_type_id: &str) -> AppResult<()> {
    write_transaction(conn, |conn| {
        if !reg.is_active() {
            return Err(AppError::Refused(
                devday_shared::Refusal::RegistrationInactive,
            ));
        }
        let types = settings::ticket_types(conn, &reg.edition_id)?;
        let workshop = types
            .iter()
            .find(|t| t.id == ticket_type_id && t.is_workshop())
            .ok_or(AppError::NotFound)?;
        let held = tickets_of(conn, &reg.id)?;
        if held.iter().any(|t| t.id == workshop.id) {
            return Ok(());
        }
        if held.iter().any(|t| t.overlaps(workshop)) {
            return Err(AppError::Refused(devday_shared::Refusal::WorkshopOverlaps));
        }
        if !seats::take(conn, &workshop.id)? {
            return Err(AppError::Refused(devday_shared::Refusal::WorkshopFull {
                workshop: workshop.name.clone(),
            }));
        }
        diesel::insert_into(rt::registration_tickets)
            .values((
                rt::registration_id.eq(&reg.id),
                rt::ticket_type_id.eq(&workshop.id),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// Drops a workshop; its seat goes to the waiting list at once.
pub fn drop_workshop(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: &Registration,
    ticket_type_id: &str,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let is_workshop = settings::ticket_types(conn, &reg.edition_id)?
            .iter()
            .any(|t| t.id == ticket_type_id && t.is_workshop());
        if !is_workshop {
            return Err(AppError::NotFound);
        }
        let n = diesel::delete(
            rt::registration_tickets
                .filter(rt::registration_id.eq(&reg.id))
                .filter(rt::ticket_type_id.eq(ticket_type_id)),
        )
        .execute(conn)?;
        if n == 1 && reg.is_active() {
            seats::release(conn, ticket_type_id)?;
            waitlist::offer_free_seats(conn, mailer, edition, ticket_type_id)?;
        }
        Ok(())
    })?;
    mailer.notify();
    Ok(())
}

/// Everything kept about a registration, for its owner to download.
pub fn export(conn: &mut DbConn, reg: &Registration) -> QueryResult<serde_json::Value> {
    let tickets: Vec<String> = tickets_of(conn, &reg.id)?
        .into_iter()
        .map(|t| t.name)
        .collect();
    let interests = interests::of_registration(conn, &reg.id)?;
    Ok(serde_json::json!({ "registration": reg, "tickets": tickets, "interests": interests }))
}

/// Deletes a registration for good (GDPR): active seats go back first.
pub fn delete(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: &Registration,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        if reg.is_active() {
            release(conn, mailer, edition, reg, "cancelled")?;
        }
        diesel::delete(r::registrations.find(&reg.id)).execute(conn)?;
        Ok::<_, AppError>(())
    })?;
    mailer.notify();
    Ok(())
}
