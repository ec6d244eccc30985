//! Returning people: an earlier edition's speakers are invited to this edition's call for
//! papers, its reviewers to this edition's committee. A mailing with a preview, each person
//! in their own language; coming back is their choice (a speaker submits, a reviewer
//! accepts the team invitation), nobody is signed up. Each person is invited once per kind.

use devday_db::schema::{
    edition_roles::dsl as er, proposal_speakers::dsl as ps, proposals::dsl as p,
    returning_invitations::dsl as ri, users::dsl as u,
};
use devday_db::{now, unless_taken, write_transaction, DbConn};
use devday_shared::accounts::{AuthUser, EmailAddress};
use devday_shared::editions::invitations::{self, Invite};
use devday_shared::editions::{queries, roles, Edition, Role};
use devday_shared::i18n::Locale;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::vocabulary::{EditionId, ProposalState, UserId};
use devday_shared::AppResult;
use diesel::prelude::*;
use serde::Serialize;

devday_db::text_enum!(
    /// Why someone was invited back.
    pub enum ReturningKind {
        Speaker = "speaker",
        Reviewer = "reviewer",
    }
);

/// Someone who could be invited back.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub user_id: UserId,
    pub name: String,
    #[serde(skip)]
    pub email: String,
    #[serde(skip)]
    pub locale: Locale,
}

/// Who an invitation would reach, and who was left out because they are here already.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Candidates {
    /// Speakers of the earlier edition's programme who have not proposed here yet.
    pub speakers: Vec<Person>,
    /// Its reviewers who are not on this edition's team.
    pub reviewers: Vec<Person>,
    /// Already invited back (by an earlier mailing).
    pub invited: usize,
    /// Already here: speakers who proposed, reviewers on the team.
    pub here: usize,
}

type Row = (UserId, String, String, String);

fn people(rows: Vec<Row>) -> Vec<Person> {
    let mut seen = std::collections::HashSet::new();
    rows.into_iter()
        .filter(|row| seen.insert(row.0.clone()))
        .map(|(user_id, name, email, locale)| Person {
            user_id,
            name,
            email,
            locale: Locale::parse(&locale).unwrap_or_default(),
        })
        .collect()
}

/// The editions before `to` whose people `user` may ask back: those they organise (an admin:
/// every one), newest first. Nobody mails another team's speakers or sees its reviewers.
pub fn sources(conn: &mut DbConn, to: &Edition, user: &AuthUser) -> QueryResult<Vec<Edition>> {
    let organised: Vec<EditionId> = roles::editions_of_user(conn, &user.id)?
        .into_iter()
        .filter(|(_, role)| *role == Role::Organiser)
        .map(|(edition, _)| edition.id)
        .collect();
    Ok(queries::all(conn)?
        .into_iter()
        .filter(|e| e.starts_on < to.starts_on)
        .filter(|e| user.is_admin || organised.contains(&e.id))
        .collect())
}

/// Who `from`'s speakers and reviewers are, as far as `to` has not heard from them.
pub fn candidates(conn: &mut DbConn, to: &Edition, from: &Edition) -> QueryResult<Candidates> {
    let speakers: Vec<Row> = ps::proposal_speakers
        .inner_join(p::proposals)
        .inner_join(u::users)
        .filter(p::edition_id.eq(&from.id))
        .filter(p::state.eq(ProposalState::Confirmed))
        .order(u::display_name.asc())
        .select((u::id, u::display_name, u::email, u::locale))
        .load(conn)?;
    let reviewers: Vec<Row> = er::edition_roles
        .inner_join(u::users)
        .filter(er::edition_id.eq(&from.id))
        .filter(er::role.eq(Role::Reviewer))
        .order(u::display_name.asc())
        .select((u::id, u::display_name, u::email, u::locale))
        .load(conn)?;
    let proposed: Vec<UserId> = ps::proposal_speakers
        .inner_join(p::proposals)
        .filter(p::edition_id.eq(&to.id))
        .select(ps::user_id)
        .load(conn)?;
    let on_team: Vec<UserId> = er::edition_roles
        .filter(er::edition_id.eq(&to.id))
        .select(er::user_id)
        .load(conn)?;
    let invited: Vec<(UserId, ReturningKind)> = ri::returning_invitations
        .filter(ri::edition_id.eq(&to.id))
        .select((ri::user_id, ri::kind))
        .load(conn)?;
    // A reviewer the organisers invited by hand already has an invitation waiting.
    let pending: Vec<String> = invitations::pending(conn, &to.id)?
        .into_iter()
        .map(|i| i.email.to_lowercase())
        .collect();
    let mut out = Candidates::default();
    for (kind, all, here) in [
        (ReturningKind::Speaker, people(speakers), &proposed),
        (ReturningKind::Reviewer, people(reviewers), &on_team),
    ] {
        for person in all {
            if here.contains(&person.user_id) {
                out.here += 1;
            } else if invited.contains(&(person.user_id.clone(), kind))
                || (kind == ReturningKind::Reviewer
                    && pending.contains(&person.email.to_lowercase()))
            {
                out.invited += 1;
            } else if kind == ReturningKind::Speaker {
                out.speakers.push(person);
            } else {
                out.reviewers.push(person);
            }
        }
    }
    Ok(out)
}

/// What a mailing reached.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sent {
    pub speakers: usize,
    pub reviewers: usize,
}

/// Invites the chosen groups back, all or nothing; someone another mailing reached first
/// is skipped.
pub fn invite(
    conn: &mut DbConn,
    mailer: &Mailer,
    to: &Edition,
    from: &Edition,
    kinds: &[ReturningKind],
    inviter: (&UserId, &str),
) -> AppResult<Sent> {
    let sent = write_transaction(conn, |conn| {
        let candidates = candidates(conn, to, from)?;
        let mut sent = Sent::default();
        for kind in kinds {
            let people = match kind {
                ReturningKind::Speaker => &candidates.speakers,
                ReturningKind::Reviewer => &candidates.reviewers,
            };
            for person in people {
                // An address that no longer parses is nobody to write to; it stays a candidate.
                let Ok(email) = EmailAddress::parse(&person.email) else {
                    continue;
                };
                let first = unless_taken(conn, |conn| {
                    diesel::insert_into(ri::returning_invitations)
                        .values((
                            ri::edition_id.eq(&to.id),
                            ri::user_id.eq(&person.user_id),
                            ri::kind.eq(kind),
                            ri::from_edition_id.eq(&from.id),
                            ri::sent_at.eq(now()),
                        ))
                        .execute(conn)
                })?;
                if first.is_none() {
                    continue;
                }
                match kind {
                    ReturningKind::Speaker => {
                        outbox::enqueue(conn, &speaker_mail(mailer, to, from, person)?)?;
                        sent.speakers += 1;
                    }
                    ReturningKind::Reviewer => {
                        invitations::invite(
                            conn,
                            mailer,
                            Invite {
                                edition: to,
                                email: &email,
                                role: Role::Reviewer,
                                invited_by: inviter.0,
                                inviter_name: inviter.1,
                                locale: person.locale,
                            },
                        )?;
                        sent.reviewers += 1;
                    }
                }
            }
        }
        Ok::<_, devday_shared::AppError>(sent)
    })?;
    mailer.notify();
    Ok(sent)
}

/// The mail to a returning speaker, in their language: this year's call, until when it is
/// open, and a thank-you for last time.
pub fn speaker_mail(
    mailer: &Mailer,
    to: &Edition,
    from: &Edition,
    person: &Person,
) -> AppResult<devday_shared::mail::Mail> {
    let mut ctx = tera::Context::new();
    ctx.insert("name", &person.name);
    ctx.insert("edition", &to.name);
    ctx.insert("past", &from.name);
    ctx.insert("link", &mailer.link(&format!("/{}/cfp/", to.slug)));
    ctx.insert(
        "opens",
        &to.cfp_opens_at
            .filter(|t| *t > now())
            .map(|t| to.say_day_time(t, person.locale)),
    );
    ctx.insert(
        "closes",
        &to.cfp_closes_at.map(|t| to.say_day_time(t, person.locale)),
    );
    mailer.compose("returning_speaker", person.locale, &person.email, ctx)
}
