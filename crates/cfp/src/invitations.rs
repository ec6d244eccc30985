//! Co-speaker invitations, and claims of proposals organisers created for a speaker: a mail
//! with a single-use link; whoever accepts it with the invited address becomes a speaker.

use crate::model::CoSpeakerInvitationId;
use chrono::Duration;
use devday_db::schema::proposal_invitations::dsl as i;
use devday_db::{now, write_transaction, DbConn};
use devday_shared::accounts::EmailAddress;
use devday_shared::crypto;
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::vocabulary::ProposalId;
use devday_shared::vocabulary::UserId;
use devday_shared::{AppError, AppResult};
use diesel::prelude::*;

use crate::model::{CoSpeakerInvitation, HistoryEvent, Proposal};
use crate::proposals::{self, service};

const LIFETIME: Duration = Duration::days(14);

/// Which mail the invitation sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A speaker invites a co-speaker.
    CoSpeaker,
    /// Organisers created the proposal for this person.
    Claim,
}

pub struct Invite<'a> {
    pub edition: &'a Edition,
    pub proposal: &'a Proposal,
    pub email: &'a EmailAddress,
    pub inviter_id: &'a str,
    pub inviter_name: &'a str,
    pub locale: Locale,
    pub kind: Kind,
}

fn enqueue(conn: &mut DbConn, mailer: &Mailer, invite: &Invite<'_>, token: &str) -> AppResult<()> {
    let mut ctx = tera::Context::new();
    ctx.insert("inviter", invite.inviter_name);
    ctx.insert("title", &invite.proposal.title);
    ctx.insert("edition", &invite.edition.name);
    ctx.insert("link", &mailer.link(&format!("/cfp/invitations/{token}")));
    let template = match invite.kind {
        Kind::CoSpeaker => "cospeaker_invitation",
        Kind::Claim => "proposal_claim",
    };
    let mail = mailer.compose(template, invite.locale, invite.email.as_str(), ctx)?;
    outbox::enqueue(conn, &mail)?;
    Ok(())
}

pub fn invite(conn: &mut DbConn, mailer: &Mailer, invite: Invite<'_>) -> AppResult<()> {
    let token = crypto::random_token();
    let at = now();
    write_transaction(conn, |conn| {
        diesel::insert_into(i::proposal_invitations)
            .values((
                i::id.eq(uuid::Uuid::new_v4().to_string()),
                i::proposal_id.eq(&invite.proposal.id),
                i::email.eq(invite.email.as_str()),
                i::token_hash.eq(crypto::token_hash(&token)),
                i::invited_by.eq(invite.inviter_id),
                i::created_at.eq(at),
                i::expires_at.eq(at + LIFETIME),
            ))
            .execute(conn)?;
        enqueue(conn, mailer, &invite, &token)
    })?;
    mailer.notify();
    Ok(())
}

pub fn of_proposal(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
) -> QueryResult<Vec<CoSpeakerInvitation>> {
    i::proposal_invitations
        .filter(i::proposal_id.eq(proposal_id))
        .order(i::created_at.desc())
        .select(CoSpeakerInvitation::as_select())
        .load(conn)
}

/// Sends an open or expired invitation again with a new link (the old one stops working).
pub fn resend(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    proposal: &Proposal,
    invitation_id: &CoSpeakerInvitationId,
    inviter: (&str, &str),
    locale: Locale,
) -> AppResult<()> {
    let token = crypto::random_token();
    let at = now();
    write_transaction(conn, |conn| {
        let invitation: CoSpeakerInvitation = i::proposal_invitations
            .filter(i::id.eq(invitation_id))
            .filter(i::proposal_id.eq(&proposal.id))
            .filter(i::accepted_at.is_null())
            .filter(i::revoked_at.is_null())
            .select(CoSpeakerInvitation::as_select())
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)?;
        diesel::update(i::proposal_invitations.find(&invitation.id))
            .set((
                i::token_hash.eq(crypto::token_hash(&token)),
                i::expires_at.eq(at + LIFETIME),
            ))
            .execute(conn)?;
        let email = EmailAddress::parse(&invitation.email)
            .map_err(|_| AppError::Refused(devday_shared::Refusal::StoredAddressInvalid))?;
        enqueue(
            conn,
            mailer,
            &Invite {
                edition,
                proposal,
                email: &email,
                inviter_id: inviter.0,
                inviter_name: inviter.1,
                locale,
                kind: Kind::CoSpeaker,
            },
            &token,
        )
    })?;
    mailer.notify();
    Ok(())
}

pub fn revoke(
    conn: &mut DbConn,
    proposal_id: &ProposalId,
    invitation_id: &CoSpeakerInvitationId,
) -> AppResult<()> {
    let n = diesel::update(
        i::proposal_invitations
            .filter(i::id.eq(invitation_id))
            .filter(i::proposal_id.eq(proposal_id))
            .filter(i::accepted_at.is_null())
            .filter(i::revoked_at.is_null()),
    )
    .set(i::revoked_at.eq(Some(now())))
    .execute(conn)?;
    if n == 0 {
        Err(AppError::NotFound)
    } else {
        Ok(())
    }
}

/// The open invitation behind a link, with its proposal.
pub fn open_by_token(
    conn: &mut DbConn,
    token: &str,
) -> QueryResult<Option<(CoSpeakerInvitation, Proposal)>> {
    let invitation: Option<CoSpeakerInvitation> = i::proposal_invitations
        .filter(i::token_hash.eq(crypto::token_hash(token)))
        .filter(i::accepted_at.is_null())
        .filter(i::revoked_at.is_null())
        .filter(i::expires_at.gt(now()))
        .select(CoSpeakerInvitation::as_select())
        .first(conn)
        .optional()?;
    let Some(invitation) = invitation else {
        return Ok(None);
    };
    use devday_db::schema::proposals::dsl as p;
    let proposal = p::proposals
        .find(&invitation.proposal_id)
        .select(Proposal::as_select())
        .first(conn)?;
    Ok(Some((invitation, proposal)))
}

/// Makes the signed-in person a speaker of the proposal. Only the invited address may.
pub fn accept(
    conn: &mut DbConn,
    token: &str,
    user_id: &UserId,
    email: &str,
) -> AppResult<Proposal> {
    write_transaction(conn, |conn| {
        let (invitation, proposal) = open_by_token(conn, token)?.ok_or(AppError::NotFound)?;
        // Joining a decided or withdrawn proposal is not possible; claiming one that
        // organisers entered (no speaker yet) is, whatever its state.
        let claim = proposals::speakers(conn, &proposal.id)?.is_empty();
        if !claim && !proposal.state.editable_by_speaker() {
            return Err(AppError::Refused(devday_shared::Refusal::CoSpeakersClosed));
        }
        if !invitation.email.eq_ignore_ascii_case(email) {
            return Err(AppError::Refused(
                devday_shared::Refusal::InvitationForOther {
                    email: invitation.email.clone(),
                },
            ));
        }
        let taken = diesel::update(
            i::proposal_invitations
                .filter(i::id.eq(&invitation.id))
                .filter(i::accepted_at.is_null())
                .filter(i::revoked_at.is_null()),
        )
        .set(i::accepted_at.eq(Some(now())))
        .execute(conn)?;
        if taken != 1 {
            return Err(AppError::NotFound);
        }
        service::add_speaker(conn, &proposal.id, user_id)?;
        service::record(
            conn,
            &proposal.id,
            Some(user_id),
            Some(proposal.state),
            proposal.state,
            HistoryEvent::SpeakerJoined.into(),
        )?;
        proposals::get(conn, &proposal.edition_id, &proposal.id)?.ok_or(AppError::NotFound)
    })
}
