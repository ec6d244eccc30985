use crate::vocabulary::EditionId;
use crate::vocabulary::UserId;
use devday_db::schema::editions::dsl as e;
use devday_db::{now, write_transaction, DbConn};
use diesel::prelude::*;

use super::{roles, Edition, EditionInput, Role};
use crate::error::{AppError, AppResult, FieldErrors};

pub fn by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Edition>> {
    e::editions
        .filter(e::slug.eq(slug))
        .select(Edition::as_select())
        .first(conn)
        .optional()
}

pub fn by_id(conn: &mut DbConn, id: &EditionId) -> QueryResult<Edition> {
    e::editions
        .find(id)
        .select(Edition::as_select())
        .first(conn)
}

/// Every edition, newest first.
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Edition>> {
    e::editions
        .order(e::starts_on.desc())
        .select(Edition::as_select())
        .load(conn)
}

/// The landing page's view: the current edition (the next one not yet over, else the most
/// recent), other coming ones, and the archive of past ones.
pub struct Listing {
    pub current: Option<Edition>,
    pub upcoming: Vec<Edition>,
    pub archive: Vec<Edition>,
}

pub fn listing(conn: &mut DbConn) -> QueryResult<Listing> {
    let at = now();
    let (past, mut coming): (Vec<Edition>, Vec<Edition>) = all(conn)?
        .into_iter()
        .partition(|ed| ed.is_archived() || ed.is_past(at));
    coming.sort_by_key(|ed| ed.starts_on);
    let mut coming = coming.into_iter();
    let current = coming.next();
    Ok(Listing {
        current,
        upcoming: coming.collect(),
        archive: past,
    })
}

fn slug_taken(conn: &mut DbConn, slug: &str, except_id: Option<&str>) -> QueryResult<bool> {
    let mut query = e::editions.filter(e::slug.eq(slug)).into_boxed();
    if let Some(id) = except_id {
        query = query.filter(e::id.ne(id));
    }
    Ok(query.count().get_result::<i64>(conn)? > 0)
}

fn taken_error() -> AppError {
    let mut errors = FieldErrors::new();
    errors.add("slug", "slug-taken");
    AppError::Invalid(errors)
}

/// Creates an edition with its defaults (`seeds`); its creator becomes its first organiser.
pub fn create(
    conn: &mut DbConn,
    input: &EditionInput,
    creator_id: &UserId,
    seeds: &[super::seeds::Seed],
) -> AppResult<Edition> {
    write_transaction(conn, |conn| {
        if slug_taken(conn, &input.slug, None)? {
            return Err(taken_error());
        }
        let id = EditionId::from(uuid::Uuid::new_v4().to_string());
        diesel::insert_into(e::editions)
            .values((
                e::id.eq(&id),
                e::slug.eq(&input.slug),
                e::name.eq(&input.name),
                e::starts_on.eq(input.starts_on),
                e::ends_on.eq(input.ends_on),
                e::timezone.eq(input.timezone.name()),
                e::venue.eq(&input.venue),
                e::cfp_opens_at.eq(input.cfp_opens_at),
                e::cfp_closes_at.eq(input.cfp_closes_at),
                e::registration_opens_at.eq(input.registration_opens_at),
                e::registration_closes_at.eq(input.registration_closes_at),
                e::description_md.eq(&input.description_md),
                e::description_de_md.eq(&input.description_de_md),
                e::format.eq(input.format),
                e::streams_public.eq(input.streams_public),
                e::created_at.eq(now()),
            ))
            .execute(conn)?;
        roles::grant(conn, &id, creator_id, Role::Organiser)?;
        for seed in seeds {
            seed(conn, &id)?;
        }
        Ok(e::editions
            .find(&id)
            .select(Edition::as_select())
            .first(conn)?)
    })
}

pub fn update(conn: &mut DbConn, id: &EditionId, input: &EditionInput) -> AppResult<Edition> {
    write_transaction(conn, |conn| {
        if slug_taken(conn, &input.slug, Some(id))? {
            return Err(taken_error());
        }
        diesel::update(e::editions.find(id))
            .set((
                e::slug.eq(&input.slug),
                e::name.eq(&input.name),
                e::starts_on.eq(input.starts_on),
                e::ends_on.eq(input.ends_on),
                e::timezone.eq(input.timezone.name()),
                e::venue.eq(&input.venue),
                e::cfp_opens_at.eq(input.cfp_opens_at),
                e::cfp_closes_at.eq(input.cfp_closes_at),
                e::registration_opens_at.eq(input.registration_opens_at),
                e::registration_closes_at.eq(input.registration_closes_at),
                e::description_md.eq(&input.description_md),
                e::description_de_md.eq(&input.description_de_md),
                e::format.eq(input.format),
                e::streams_public.eq(input.streams_public),
            ))
            .execute(conn)?;
        Ok(e::editions
            .find(id)
            .select(Edition::as_select())
            .first(conn)?)
    })
}

/// Locks the edition's row until the transaction ends (a no-op write, which takes a row lock
/// on PostgreSQL and is serialised by SQLite's write lock), so that team changes of one
/// edition happen one after the other.
pub fn lock(conn: &mut DbConn, id: &EditionId) -> QueryResult<()> {
    diesel::update(e::editions.find(id))
        .set(e::id.eq(id))
        .execute(conn)
        .map(drop)
}

pub fn set_archived(conn: &mut DbConn, id: &EditionId, archived: bool) -> QueryResult<()> {
    diesel::update(e::editions.find(id))
        .set(e::archived_at.eq(archived.then(now)))
        .execute(conn)
        .map(drop)
}
