//! Which badges to print, with each holder's role: speakers of confirmed sessions and the
//! edition's team get their colour, everyone else is an attendee.

use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::RegistrationId;
use devday_shared::vocabulary::TicketTypeId;
use std::collections::HashSet;

use devday_db::schema::{
    edition_roles::dsl as er, proposal_speakers::dsl as ps, proposals::dsl as p, users::dsl as u,
};
use devday_db::DbConn;
use devday_shared::editions::Edition;
use devday_shared::i18n::{I18n, Locale};
use devday_shared::vocabulary::ProposalState;
use devday_shared::{AppError, AppResult};
use diesel::prelude::*;
use serde::Deserialize;

use crate::pdf::{self, Badge, Layout, Role};
use crate::tickets::{self, Holder};

/// Which badges: everyone, one ticket type, or one role.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct Selection {
    #[serde(default)]
    pub ticket_type: Option<TicketTypeId>,
    #[serde(default)]
    pub role: Option<String>,
    /// "sheet" (A4, four per page, the default) or "single" (A6).
    #[serde(default)]
    pub layout: Option<String>,
}

impl Selection {
    pub fn layout(&self) -> Layout {
        self.layout
            .as_deref()
            .and_then(Layout::parse)
            .unwrap_or(Layout::Sheet)
    }
}

fn lower(emails: Vec<String>) -> HashSet<String> {
    emails.into_iter().map(|e| e.to_lowercase()).collect()
}

/// Addresses of the edition's speakers (confirmed sessions) and team.
fn roles(
    conn: &mut DbConn,
    edition_id: &EditionId,
) -> QueryResult<(HashSet<String>, HashSet<String>)> {
    let speakers = ps::proposal_speakers
        .inner_join(p::proposals)
        .inner_join(u::users)
        .filter(p::edition_id.eq(edition_id))
        .filter(p::state.eq(ProposalState::Confirmed))
        .select(u::email)
        .load(conn)?;
    let team = er::edition_roles
        .inner_join(u::users)
        .filter(er::edition_id.eq(edition_id))
        .select(u::email)
        .load(conn)?;
    Ok((lower(speakers), lower(team)))
}

fn badge(
    conn: &mut DbConn,
    edition: &Edition,
    holder: &Holder,
    roles: &(HashSet<String>, HashSet<String>),
    label: &dyn Fn(Role) -> String,
) -> AppResult<Option<Badge>> {
    let Some(code) = tickets::code(conn, holder)? else {
        return Ok(None);
    };
    let email = holder.email.to_lowercase();
    let role = if roles.0.contains(&email) {
        Role::Speaker
    } else if roles.1.contains(&email) {
        Role::Team
    } else {
        Role::Attendee
    };
    Ok(Some(Badge {
        name: holder.name.clone(),
        company: holder.company.clone(),
        role,
        role_label: label(role),
        edition: edition.name.clone(),
        code,
    }))
}

fn labeller(i18n: &I18n, locale: Locale) -> impl Fn(Role) -> String + '_ {
    move |role| {
        i18n.tr(
            locale,
            match role {
                Role::Attendee => "badge-role-attendee",
                Role::Speaker => "badge-role-speaker",
                Role::Team => "badge-role-team",
            },
            &[],
        )
    }
}

/// Badges of the confirmed registrations chosen, sorted by name, as a PDF.
pub fn badges_pdf(
    conn: &mut DbConn,
    i18n: &I18n,
    locale: Locale,
    edition: &Edition,
    selection: &Selection,
) -> AppResult<Vec<u8>> {
    let roles = roles(conn, &edition.id)?;
    let label = labeller(i18n, locale);
    let mut badges = Vec::new();
    // Badges are for the venue: whoever only watches online gets none.
    let entrance = crate::lists::find(conn, &edition.id, None)?;
    for holder in tickets::confirmed(conn, &edition.id)? {
        if entrance
            .as_ref()
            .is_some_and(|l| !l.admits(&holder.ticket_type_ids))
        {
            continue;
        }
        if let Some(t) = &selection.ticket_type {
            if !t.is_empty() && !holder.ticket_type_ids.contains(t) {
                continue;
            }
        }
        let Some(badge) = badge(conn, edition, &holder, &roles, &label)? else {
            continue;
        };
        let wanted = selection
            .role
            .as_deref()
            .and_then(Role::parse)
            .is_none_or(|role| badge.role == role);
        if wanted {
            badges.push(badge);
        }
    }
    if badges.is_empty() {
        return Err(AppError::NotFound);
    }
    pdf::render(&badges, selection.layout()).map_err(AppError::internal)
}

/// One person's badge (A6), for the desk.
pub fn one_pdf(
    conn: &mut DbConn,
    i18n: &I18n,
    locale: Locale,
    edition: &Edition,
    registration_id: &RegistrationId,
) -> AppResult<Vec<u8>> {
    let holder = tickets::holder(conn, registration_id)?
        .filter(|h| h.edition_id == edition.id)
        .ok_or(AppError::NotFound)?;
    let roles = roles(conn, &edition.id)?;
    let badge = badge(conn, edition, &holder, &roles, &labeller(i18n, locale))?
        .ok_or(AppError::NotFound)?;
    pdf::render(&[badge], Layout::Single).map_err(AppError::internal)
}
