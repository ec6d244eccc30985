//! Check-in lists: where tickets are scanned. Every edition has the entrance, which admits
//! every ticket; organisers add others (a workshop room) that admit only some ticket types.

use devday_db::schema::{
    checkin_list_ticket_types::dsl as lt, checkin_lists::dsl as l, ticket_types::dsl as tt,
};
use devday_db::{is_unique_violation, now, DbConn};
use devday_shared::bilingual::Name;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::{TicketKind, TicketTypeId};
use devday_shared::{AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub const ENTRANCE: &str = "entrance";

devday_db::id_type!(
    /// A check-in list (the entrance, a workshop's door).
    pub struct CheckinListId;
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, ToSchema)]
#[diesel(table_name = devday_db::schema::checkin_lists)]
pub struct CheckinList {
    #[serde(skip)]
    pub id: CheckinListId,
    #[serde(skip)]
    pub edition_id: EditionId,
    pub slug: String,
    pub name: String,
    /// The entrance admits every ticket; other lists only their ticket types.
    pub all_tickets: bool,
    #[serde(skip)]
    pub created_at: chrono::NaiveDateTime,
    pub name_de: String,
}

/// A list with the ticket types it admits.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ListWithTypes {
    #[serde(flatten)]
    pub list: CheckinList,
    /// Ids of the admitted ticket types (empty for the entrance: it admits all).
    pub ticket_types: Vec<TicketTypeId>,
    /// The edition's online tickets, which no list at the venue admits.
    #[serde(skip)]
    pub online: Vec<TicketTypeId>,
}

impl ListWithTypes {
    /// Whether someone holding `held` gets in: the entrance takes every ticket for the
    /// venue, another list its own types; watching online is no ticket for the venue.
    pub fn admits(&self, held: &[TicketTypeId]) -> bool {
        let on_site = |t: &&TicketTypeId| !self.online.contains(t);
        held.iter()
            .filter(on_site)
            .any(|t| self.list.all_tickets || self.ticket_types.contains(t))
    }
}

/// The edition's online ticket types.
fn online_types(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<TicketTypeId>> {
    tt::ticket_types
        .filter(tt::edition_id.eq(edition_id))
        .filter(tt::kind.eq(TicketKind::Online))
        .select(tt::id)
        .load(conn)
}

fn insert(
    conn: &mut DbConn,
    edition_id: &EditionId,
    slug: &str,
    name: Name,
    all: bool,
) -> QueryResult<CheckinListId> {
    let id = CheckinListId::from(uuid::Uuid::new_v4().to_string());
    diesel::insert_into(l::checkin_lists)
        .values((
            l::id.eq(&id),
            l::edition_id.eq(edition_id),
            l::slug.eq(slug),
            l::name.eq(name.en),
            l::name_de.eq(name.de),
            l::all_tickets.eq(all),
            l::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(id)
}

/// A new edition's entrance, which admits every ticket.
pub fn seed(conn: &mut DbConn, edition_id: &EditionId) -> devday_shared::AppResult<()> {
    insert(
        conn,
        edition_id,
        ENTRANCE,
        Name::new("Entrance", "Eingang"),
        true,
    )?;
    Ok(())
}

fn with_types(conn: &mut DbConn, list: CheckinList) -> QueryResult<ListWithTypes> {
    let ticket_types = lt::checkin_list_ticket_types
        .filter(lt::list_id.eq(&list.id))
        .select(lt::ticket_type_id)
        .load(conn)?;
    let online = online_types(conn, &list.edition_id)?;
    Ok(ListWithTypes {
        list,
        ticket_types,
        online,
    })
}

/// The list with this slug, or the entrance when `slug` is `None`; `None` if unknown.
pub fn find(
    conn: &mut DbConn,
    edition_id: &EditionId,
    slug: Option<&str>,
) -> QueryResult<Option<ListWithTypes>> {
    let slug = slug.filter(|s| !s.is_empty()).unwrap_or(ENTRANCE);
    let by_slug = |conn: &mut DbConn| {
        l::checkin_lists
            .filter(l::edition_id.eq(edition_id))
            .filter(l::slug.eq(slug))
            .select(CheckinList::as_select())
            .first(conn)
            .optional()
    };
    match by_slug(conn)? {
        // The entrance admits every ticket: no types to read.
        Some(list) if list.all_tickets => Ok(Some(ListWithTypes {
            online: online_types(conn, &list.edition_id)?,
            list,
            ticket_types: Vec::new(),
        })),
        Some(list) => with_types(conn, list).map(Some),
        None => Ok(None),
    }
}

/// Every list of the edition, the entrance first.
pub fn all(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<ListWithTypes>> {
    let lists: Vec<CheckinList> = l::checkin_lists
        .filter(l::edition_id.eq(edition_id))
        .order((l::all_tickets.desc(), l::name.asc()))
        .select(CheckinList::as_select())
        .load(conn)?;
    lists
        .into_iter()
        .map(|list| with_types(conn, list))
        .collect()
}

/// A ticket type a list can admit.
#[derive(Debug, Clone, Queryable, Serialize)]
pub struct TicketChoice {
    pub id: String,
    pub name: String,
    pub name_de: String,
}

/// The edition's ticket types in their order: what a list can admit.
pub fn ticket_types(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<TicketChoice>> {
    tt::ticket_types
        .filter(tt::edition_id.eq(edition_id))
        .order(tt::position.asc())
        .select((tt::id, tt::name, tt::name_de))
        .load(conn)
}

/// A new list that admits the chosen ticket types (a workshop room).
/// Every field defaults, so a bad post reaches the role check and then validation with
/// its messages, never a bare 400.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ListForm {
    pub name: String,
    pub name_de: String,
    pub slug: String,
    pub ticket_types: Vec<TicketTypeId>,
}

pub fn create(
    conn: &mut DbConn,
    edition_id: &EditionId,
    form: &ListForm,
) -> AppResult<CheckinListId> {
    let mut errors = FieldErrors::new();
    let name = Name::new(form.name.trim(), form.name_de.trim());
    let slug = form.slug.trim();
    let too_long = |text: &str| text.chars().count() > 80;
    if (name.en.is_empty() && name.de.is_empty()) || too_long(name.en) {
        errors.add("name", "checkin-list-name-invalid");
    }
    if too_long(name.de) {
        errors.add("name_de", "checkin-list-name-invalid");
    }
    let slug_ok = !slug.is_empty()
        && slug.len() <= 40
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !slug_ok || slug == ENTRANCE {
        errors.add("slug", "checkin-list-slug-invalid");
    }
    let known: Vec<TicketTypeId> = tt::ticket_types
        .filter(tt::edition_id.eq(edition_id))
        .filter(tt::id.eq_any(&form.ticket_types))
        .select(tt::id)
        .load(conn)?;
    if form.ticket_types.is_empty() || known.len() != form.ticket_types.len() {
        errors.add("ticket_types", "checkin-list-types-invalid");
    }
    errors.into_result()?;
    devday_db::write_transaction(conn, |c| {
        let id = insert(c, edition_id, slug, name, false).map_err(|e| {
            if is_unique_violation(&e) {
                let mut taken = FieldErrors::new();
                taken.add("slug", "checkin-list-slug-taken");
                AppError::Invalid(taken)
            } else {
                e.into()
            }
        })?;
        for t in &known {
            diesel::insert_into(lt::checkin_list_ticket_types)
                .values((lt::list_id.eq(&id), lt::ticket_type_id.eq(t)))
                .execute(c)?;
        }
        Ok(id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(all_tickets: bool, types: &[&str]) -> ListWithTypes {
        ListWithTypes {
            list: CheckinList {
                id: CheckinListId::from("l"),
                edition_id: EditionId::from("e"),
                slug: "entrance".into(),
                name: "Entrance".into(),
                all_tickets,
                created_at: chrono::NaiveDateTime::default(),
                name_de: String::new(),
            },
            ticket_types: types.iter().map(|t| TicketTypeId::from(*t)).collect(),
            online: vec![TicketTypeId::from("online")],
        }
    }

    #[test]
    fn watching_online_is_no_ticket_for_the_venue() {
        let held = |ids: &[&str]| {
            ids.iter()
                .map(|t| TicketTypeId::from(*t))
                .collect::<Vec<_>>()
        };
        let entrance = list(true, &[]);
        assert!(entrance.admits(&held(&["conference"])));
        assert!(entrance.admits(&held(&["conference", "rust"])));
        assert!(!entrance.admits(&held(&["online"])));
        assert!(!entrance.admits(&held(&[])));
        let rust_room = list(false, &["rust"]);
        assert!(rust_room.admits(&held(&["conference", "rust"])));
        assert!(!rust_room.admits(&held(&["conference"])));
    }
}
