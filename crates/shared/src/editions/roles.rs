use crate::vocabulary::EditionId;
use crate::vocabulary::UserId;
use devday_db::schema::{edition_roles::dsl as r, editions::dsl as e, users::dsl as u};
use devday_db::{now, DbConn};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Edition;

devday_db::text_enum!(
    /// A role in one edition. Admins (over all editions) are a flag on the account; speakers
    /// need no role.
    #[derive(Serialize, Deserialize, ToSchema)]
    #[serde(rename_all = "lowercase")]
    pub enum Role {
        Organiser = "organiser",
        Reviewer = "reviewer",
        Staff = "staff",
    }
);

pub fn of_user(
    conn: &mut DbConn,
    edition_id: &EditionId,
    user_id: &UserId,
) -> QueryResult<Vec<Role>> {
    r::edition_roles
        .filter(r::edition_id.eq(edition_id))
        .filter(r::user_id.eq(user_id))
        .select(r::role)
        .load(conn)
}

/// Whether the user is an organiser of any edition (who may then start a new one).
pub fn is_organiser_anywhere(conn: &mut DbConn, user_id: &UserId) -> QueryResult<bool> {
    let n: i64 = r::edition_roles
        .filter(r::user_id.eq(user_id))
        .filter(r::role.eq(Role::Organiser))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub fn editions_of_user(conn: &mut DbConn, user_id: &UserId) -> QueryResult<Vec<(Edition, Role)>> {
    r::edition_roles
        .inner_join(e::editions)
        .filter(r::user_id.eq(user_id))
        .order(e::starts_on.desc())
        .select((Edition::as_select(), r::role))
        .load(conn)
}

/// Where someone's work is after they log in: the newest edition they are on the team of
/// that is not archived; an organiser's dashboard there, a reviewer's queue, door staff's
/// page, or, with several roles, the edition's page that links them all. Without a team
/// role: their proposals.
pub fn landing(conn: &mut DbConn, user_id: &UserId) -> QueryResult<String> {
    let memberships = editions_of_user(conn, user_id)?;
    let Some((edition, _)) = memberships.iter().find(|(e, _)| !e.is_archived()) else {
        return Ok("/speaker/proposals".to_owned());
    };
    let roles: Vec<Role> = memberships
        .iter()
        .filter(|(e, _)| e.id == edition.id)
        .map(|(_, r)| *r)
        .collect();
    let slug = &edition.slug;
    Ok(match roles.as_slice() {
        [Role::Reviewer] => format!("/{slug}/review/"),
        [Role::Staff] => format!("/{slug}/staff/"),
        r if r.contains(&Role::Organiser) => format!("/{slug}/manage/"),
        _ => format!("/{slug}/"),
    })
}

/// Gives a role; giving one twice changes nothing.
pub fn grant(
    conn: &mut DbConn,
    edition_id: &EditionId,
    user_id: &UserId,
    role: Role,
) -> QueryResult<()> {
    if of_user(conn, edition_id, user_id)?.contains(&role) {
        return Ok(());
    }
    diesel::insert_into(r::edition_roles)
        .values((
            r::edition_id.eq(edition_id),
            r::user_id.eq(user_id),
            r::role.eq(role),
            r::created_at.eq(now()),
        ))
        .execute(conn)
        .map(drop)
}

pub fn organiser_count(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<i64> {
    r::edition_roles
        .filter(r::edition_id.eq(edition_id))
        .filter(r::role.eq(Role::Organiser))
        .count()
        .get_result(conn)
}

pub fn revoke(
    conn: &mut DbConn,
    edition_id: &EditionId,
    user_id: &UserId,
    role: Role,
) -> QueryResult<usize> {
    diesel::delete(
        r::edition_roles
            .filter(r::edition_id.eq(edition_id))
            .filter(r::user_id.eq(user_id))
            .filter(r::role.eq(role)),
    )
    .execute(conn)
}

/// Next year's team (see `editions::carry`): everyone keeps their roles.
pub const TEAM: super::carry::Carry = super::carry::Carry {
    key: "team",
    preview: |conn, from| {
        Ok(super::carry::Preview::named(
            team(conn, &from.id)?
                .into_iter()
                .map(|m| (m.display_name.clone(), m.display_name))
                .collect(),
        ))
    },
    copy: |conn, c| {
        let members: Vec<(UserId, Role)> = r::edition_roles
            .filter(r::edition_id.eq(&c.from.id))
            .select((r::user_id, r::role))
            .load(conn)?;
        for (user_id, role) in &members {
            grant(conn, &c.to.id, user_id, *role)?;
        }
        Ok(members.len())
    },
};

#[derive(Debug, Clone, Serialize)]
pub struct TeamEntry {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    pub role: Role,
}

pub fn team(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<TeamEntry>> {
    let rows: Vec<(UserId, String, String, Role)> = r::edition_roles
        .inner_join(u::users)
        .filter(r::edition_id.eq(edition_id))
        .order((r::role.asc(), u::display_name.asc()))
        .select((r::user_id, u::display_name, u::email, r::role))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user_id, display_name, email, role)| TeamEntry {
            user_id,
            display_name,
            email,
            role,
        })
        .collect())
}
