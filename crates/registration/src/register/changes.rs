//! What an attendee (or the organisers) change on a registration: details, workshops,
//! and a copy of what is stored.

use devday_db::schema::{registration_tickets::dsl as rt, registrations::dsl as r};
use devday_db::{write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::mail::Mailer;
use devday_shared::vocabulary::ProposalId;
use devday_shared::vocabulary::TicketTypeId;
use devday_shared::{AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{Registration, TicketType};

use super::lookup::tickets_of;
use super::registering::TSHIRTS;
use crate::{interests, seats, settings, waitlist};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DetailsForm {
    pub name: String,
    pub company: String,
    pub tshirt: String,
    pub dietary: String,
    pub accessibility: String,
    /// The sessions of interest, as ticked now (the form always sends the whole set).
    pub interests: Vec<ProposalId>,
}

/// Name (required, ≤100), free answers (≤300) and T-shirt size (one of `TSHIRTS` or none):
/// the same rules on the form, the manage page and the organisers' page.
pub(super) fn check_details(form: &DetailsForm, errors: &mut FieldErrors) {
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
pub fn add_workshop(
    conn: &mut DbConn,
    reg: &Registration,
    ticket_type_id: &TicketTypeId,
) -> AppResult<()> {
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

/// Makes `wanted` the registration's workshops, all or nothing: those not wanted are
/// dropped first (their seats go to the waiting list), then the new ones added.
pub fn set_workshops(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: &Registration,
    wanted: &[TicketTypeId],
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let held: Vec<TicketTypeId> = tickets_of(conn, &reg.id)?
            .into_iter()
            .filter(TicketType::is_workshop)
            .map(|t| t.id)
            .collect();
        for gone in held.iter().filter(|t| !wanted.contains(t)) {
            drop_workshop(conn, mailer, edition, reg, gone)?;
        }
        for new in wanted.iter().filter(|t| !held.contains(t)) {
            add_workshop(conn, reg, new)?;
        }
        Ok(())
    })
}

/// Drops a workshop; its seat goes to the waiting list at once.
pub fn drop_workshop(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    reg: &Registration,
    ticket_type_id: &TicketTypeId,
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
