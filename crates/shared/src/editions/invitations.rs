//! Invitations to an edition's team: a mail with a single-use link that gives the role to
//! whoever accepts it while signed in.

use crate::vocabulary::EditionId;
use crate::vocabulary::UserId;
use chrono::{Duration, NaiveDateTime};
use devday_db::schema::invitations::dsl as i;
use devday_db::{now, write_transaction, DbConn};
use diesel::prelude::*;
use serde::Serialize;

use super::{roles, Edition, Role};
use crate::accounts::EmailAddress;
use crate::crypto;
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::mail::{outbox, Mailer};

const LIFETIME: Duration = Duration::days(14);

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::invitations)]
pub struct Invitation {
    pub id: String,
    pub edition_id: EditionId,
    pub email: String,
    pub role: Role,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub accepted_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

pub struct Invite<'a> {
    pub edition: &'a Edition,
    pub email: &'a EmailAddress,
    pub role: Role,
    pub invited_by: &'a str,
    pub inviter_name: &'a str,
    pub locale: Locale,
}

/// Records the invitation and mails its link, in one transaction.
pub fn invite(conn: &mut DbConn, mailer: &Mailer, invite: Invite<'_>) -> AppResult<()> {
    let token = crypto::random_token();
    let at = now();
    write_transaction(conn, |conn| {
        diesel::insert_into(i::invitations)
            .values((
                i::id.eq(uuid::Uuid::new_v4().to_string()),
                i::edition_id.eq(&invite.edition.id),
                i::email.eq(invite.email.as_str()),
                i::role.eq(invite.role),
                i::token_hash.eq(crypto::token_hash(&token)),
                i::invited_by.eq(invite.invited_by),
                i::created_at.eq(at),
                i::expires_at.eq(at + LIFETIME),
            ))
            .execute(conn)?;
        let mut ctx = tera::Context::new();
        ctx.insert("edition", &invite.edition.name);
        ctx.insert("inviter", invite.inviter_name);
        ctx.insert("role", invite.role.as_str());
        ctx.insert("link", &mailer.link(&format!("/invitations/{token}")));
        let mail = mailer.compose("invitation", invite.locale, invite.email.as_str(), ctx)?;
        outbox::enqueue(conn, &mail)?;
        Ok::<_, AppError>(())
    })?;
    mailer.notify();
    Ok(())
}

/// Invitations not yet accepted, revoked or expired.
pub fn pending(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Invitation>> {
    i::invitations
        .filter(i::edition_id.eq(edition_id))
        .filter(i::accepted_at.is_null())
        .filter(i::revoked_at.is_null())
        .filter(i::expires_at.gt(now()))
        .order(i::created_at.desc())
        .select(Invitation::as_select())
        .load(conn)
}

/// The open invitation behind a link, with its edition.
pub fn open_by_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<(Invitation, Edition)>> {
    let invitation: Option<Invitation> = i::invitations
        .filter(i::token_hash.eq(crypto::token_hash(token)))
        .filter(i::accepted_at.is_null())
        .filter(i::revoked_at.is_null())
        .filter(i::expires_at.gt(now()))
        .select(Invitation::as_select())
        .first(conn)
        .optional()?;
    let Some(invitation) = invitation else {
        return Ok(None);
    };
    let edition = devday_db::schema::editions::table
        .find(&invitation.edition_id)
        .select(Edition::as_select())
        .first(conn)?;
    Ok(Some((invitation, edition)))
}

/// Accepts the invitation for the signed-in person: the role is theirs, the link used up.
/// Only the invited address may accept, so a forwarded or leaked link grants nothing.
pub fn accept(conn: &mut DbConn, token: &str, user_id: &UserId, email: &str) -> AppResult<Edition> {
    write_transaction(conn, |conn| {
        let (invitation, edition) = open_by_token(conn, token)?.ok_or(AppError::NotFound)?;
        if !invitation.email.eq_ignore_ascii_case(email) {
            return Err(AppError::Refused(crate::Refusal::InvitationForOther {
                email: invitation.email.clone(),
            }));
        }
        let taken = diesel::update(
            i::invitations
                .filter(i::id.eq(&invitation.id))
                .filter(i::accepted_at.is_null())
                .filter(i::revoked_at.is_null())
                .filter(i::expires_at.gt(now())),
        )
        .set((
            i::accepted_at.eq(Some(now())),
            i::accepted_by.eq(Some(user_id)),
        ))
        .execute(conn)?;
        if taken != 1 {
            return Err(AppError::NotFound);
        }
        let role = invitation.role;
        roles::grant(conn, &edition.id, user_id, role)?;
        Ok(edition)
    })
}

pub fn revoke(conn: &mut DbConn, edition_id: &EditionId, id: &str) -> QueryResult<bool> {
    diesel::update(
        i::invitations
            .filter(i::id.eq(id))
            .filter(i::edition_id.eq(edition_id))
            .filter(i::accepted_at.is_null())
            .filter(i::revoked_at.is_null()),
    )
    .set(i::revoked_at.eq(Some(now())))
    .execute(conn)
    .map(|n| n == 1)
}
