//! Each attendee's own programme: the sessions they star, kept on the server. Stars and
//! the interests ticked when registering are one set (`registration_interests`), so what
//! someone stars counts as expected audience for the rooms and the optimiser at once.
//!
//! The programme is reached by a signed link (`devday_shared::programme`), from the manage
//! page or an account; its calendar feed sits beside it, and counting the registration's
//! generation up revokes both.

use devday_cfp::model::ProposalState;
use devday_db::schema::{
    proposals::dsl as p, registration_interests::dsl as ri, registrations::dsl as r,
};
use devday_db::{write_transaction, DbConn};
use devday_shared::accounts::users;
use devday_shared::vocabulary::{EditionId, ProposalId, UserId};
use devday_shared::{programme, AppError, AppResult};
use diesel::prelude::*;

use crate::model::{Registration, RegistrationId, RegistrationState};
use crate::register;

/// The active registration the link names, when its key is the current one; the
/// invalid-link page otherwise (a renewed key, a cancelled registration, a typo).
pub fn by_link(
    conn: &mut DbConn,
    secret: &[u8],
    edition_id: &EditionId,
    id: &RegistrationId,
    key: &str,
) -> AppResult<Registration> {
    r::registrations
        .filter(r::id.eq(id))
        .filter(r::edition_id.eq(edition_id))
        .filter(r::state.eq_any(RegistrationState::ACTIVE))
        .select(Registration::as_select())
        .first(conn)
        .optional()?
        .filter(|reg| programme::verify(secret, &reg.id, reg.programme_generation, key))
        .ok_or(AppError::LinkInvalid)
}

/// The path of the registration's programme page, with its current key.
pub fn path(secret: &[u8], slug: &str, reg: &Registration) -> String {
    let key = programme::key(secret, &reg.id, reg.programme_generation);
    programme::path(slug, &reg.id, &key)
}

/// A signed-in person's active registration for the edition, by their account's address
/// once they have confirmed it (an unconfirmed address proves nothing).
pub fn of_account(
    conn: &mut DbConn,
    edition_id: &EditionId,
    user_id: &UserId,
) -> AppResult<Option<Registration>> {
    let user = users::find(conn, user_id)?;
    if user.email_confirmed_at.is_none() {
        return Ok(None);
    }
    Ok(register::active_by_email(
        conn,
        edition_id,
        &user.email.to_lowercase(),
    )?)
}

/// The sessions (proposal ids) the registration stars.
pub fn stars(conn: &mut DbConn, id: &RegistrationId) -> QueryResult<Vec<ProposalId>> {
    crate::interests::ids_of_registration(conn, id)
}

/// What a star did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Starred {
    pub title: String,
    pub on: bool,
    /// How many sessions the person stars now.
    pub count: i64,
}

/// Stars a confirmed session of the registration's edition (`on`) or takes the star
/// away; doing it twice is the same as once. Any other session is not found.
pub fn star(
    conn: &mut DbConn,
    reg: &Registration,
    session: &ProposalId,
    on: bool,
) -> AppResult<Starred> {
    write_transaction(conn, |conn| {
        let title: String = p::proposals
            .filter(p::id.eq(session))
            .filter(p::edition_id.eq(&reg.edition_id))
            .filter(p::state.eq(ProposalState::Confirmed))
            .select(p::title)
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)?;
        let pair = ri::registration_interests
            .filter(ri::registration_id.eq(&reg.id))
            .filter(ri::proposal_id.eq(session));
        let there = diesel::select(diesel::dsl::exists(pair)).get_result::<bool>(conn)?;
        if on && !there {
            diesel::insert_into(ri::registration_interests)
                .values((ri::registration_id.eq(&reg.id), ri::proposal_id.eq(session)))
                .execute(conn)?;
        } else if !on && there {
            diesel::delete(pair).execute(conn)?;
        }
        let count = ri::registration_interests
            .filter(ri::registration_id.eq(&reg.id))
            .count()
            .get_result(conn)?;
        Ok(Starred { title, on, count })
    })
}

/// A new key for the programme link and its feed; every earlier copy stops working.
pub fn renew(conn: &mut DbConn, reg: &Registration) -> QueryResult<Registration> {
    diesel::update(r::registrations.filter(r::id.eq(&reg.id)))
        .set(r::programme_generation.eq(r::programme_generation + 1))
        .execute(conn)?;
    r::registrations
        .find(&reg.id)
        .select(Registration::as_select())
        .first(conn)
}

/// Whether releases that move or cancel a starred session mail the person.
pub fn set_change_notices(conn: &mut DbConn, reg: &Registration, on: bool) -> QueryResult<()> {
    diesel::update(r::registrations.filter(r::id.eq(&reg.id)))
        .set(r::change_notices.eq(on))
        .execute(conn)
        .map(drop)
}
