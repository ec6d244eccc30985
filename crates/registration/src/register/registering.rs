//! Registering: the form, its checks, and taking seats (or a place on the waiting list)
//! with the double opt-in mail, in one transaction.

use crate::model::RegistrationId;
use crate::model::RegistrationState;
use chrono::Duration;
use devday_db::schema::{registration_tickets::dsl as rt, registrations::dsl as r};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::accounts::EmailAddress;
use devday_shared::editions::{Edition, EditionFormat, WindowState};
use devday_shared::i18n::Locale;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::vocabulary::ProposalId;
use devday_shared::vocabulary::TicketTypeId;
use devday_shared::Refusal;
use devday_shared::{crypto, AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::model::{Registration, TicketKind, TicketType};

use super::changes::{check_details, DetailsForm};
use super::confirming::send_ticket;
use crate::{interests, seats, settings, waitlist};

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
    pub workshops: Vec<TicketTypeId>,
    /// Full workshops the person asks to wait for: they register without them and join
    /// each one's waiting list.
    pub workshop_waitlist: Vec<TicketTypeId>,
    /// Join the waiting list if the conference is full.
    pub waitlist: bool,
    /// Take part online (hybrid editions with online tickets; remote editions always do).
    pub online: bool,
    /// Ids of confirmed sessions the person is interested in (optional; helps plan rooms
    /// and times).
    pub interests: Vec<ProposalId>,
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
    Held { registration_id: RegistrationId },
    /// Registered and confirmed at once (guests whose ticket the organisers issued).
    Confirmed { registration_id: RegistrationId },
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

/// The ticket a person takes part with: online where they chose it (or the edition is
/// remote) and the edition has online tickets, else the conference on site.
pub fn main_ticket(
    types: &[TicketType],
    format: EditionFormat,
    online: bool,
) -> Option<&TicketType> {
    let online_type = types.iter().find(|t| t.is_online());
    let on_site = types.iter().find(|t| t.kind == TicketKind::Conference);
    match (online_type, format) {
        (Some(t), EditionFormat::Remote) => Some(t),
        (Some(t), EditionFormat::Hybrid) if online => Some(t),
        _ => on_site,
    }
}

fn validate(
    form: &RegistrationForm,
    types: &[TicketType],
    format: EditionFormat,
) -> Result<Valid, FieldErrors> {
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
        match types.iter().find(|t| t.id == id && t.is_workshop()) {
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
    let conference = main_ticket(types, format, form.online).cloned();
    if conference.is_none() {
        errors.add("email", "registration-no-ticket");
    }
    let online = conference.as_ref().is_some_and(TicketType::is_online);
    if form.online && !online {
        errors.add("online", "registration-no-online");
    }
    if online && !workshops.is_empty() {
        // Workshops happen in a room: whoever watches online has no seat there.
        errors.add("workshops", "registration-online-workshops");
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

pub(super) fn link_context(
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
    if edition.registration_state(now()) != WindowState::Open {
        return Err(AppError::Refused(
            devday_shared::Refusal::RegistrationClosed,
        ));
    }
    // Read once: the rush pays for every statement.
    let config = settings::get(conn, &edition.id)?;
    if !config.texts_ready() {
        return Err(AppError::Refused(
            devday_shared::Refusal::RegistrationClosed,
        ));
    }
    admit_with(
        conn,
        mailer,
        edition,
        form,
        locale,
        Admission::Public,
        &config,
    )
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
    let config = settings::get(conn, &edition.id)?;
    admit_with(conn, mailer, edition, form, locale, how, &config)
}

fn admit_with(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    form: &RegistrationForm,
    locale: Locale,
    how: Admission,
    config: &crate::model::RegistrationSettings,
) -> AppResult<Outcome> {
    let types = settings::ticket_types(conn, &edition.id)?;
    let valid = validate(form, &types, edition.format).map_err(AppError::Invalid)?;
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
            .unwrap_or_else(|| RegistrationId::from(uuid::Uuid::new_v4().to_string()));
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
                r::state.eq(if guest {
                    RegistrationState::Confirmed
                } else {
                    RegistrationState::Held
                }),
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
                crate::events::confirmed(conn, edition, &reg)?;
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
