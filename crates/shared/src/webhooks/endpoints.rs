//! The endpoints an edition's organisers register: where to post, which events, and the
//! secret that signs them.

use chrono::NaiveDateTime;
use devday_db::schema::webhook_endpoints::dsl as e;
use devday_db::{now, DbConn};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{guard, signing, EventType};
use crate::error::FieldErrors;
use crate::vocabulary::EditionId;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::webhook_endpoints)]
pub struct Endpoint {
    pub id: String,
    pub edition_id: EditionId,
    pub url: String,
    pub description: String,
    #[serde(skip)]
    pub secret: String,
    #[serde(skip)]
    pub events: String,
    pub active: bool,
    pub created_at: NaiveDateTime,
}

impl Endpoint {
    /// The event types it hears, in the order of [`EventType::ALL`].
    pub fn subscribed(&self) -> Vec<EventType> {
        EventType::ALL
            .iter()
            .copied()
            .filter(|t| self.events.contains(&format!(",{t},")))
            .collect()
    }
}

/// The endpoint form as posted: the events are checkboxes named `events`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EndpointForm {
    pub url: String,
    pub description: String,
    pub events: Vec<String>,
    /// Only on the edit form: unticked means paused.
    pub active: Option<String>,
}

/// A checked endpoint form.
pub struct EndpointInput {
    url: String,
    description: String,
    events: String,
}

const MAX_URL: usize = 2000;
const MAX_DESCRIPTION: usize = 200;

impl EndpointForm {
    pub fn validate(&self) -> Result<EndpointInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let url = self.url.trim();
        if url.is_empty() {
            errors.add("url", "field-required");
        } else if url.chars().count() > MAX_URL {
            errors.add("url", "field-too-long");
        } else if let Err(problem) = guard::check_url(url) {
            errors.add("url", problem);
        }
        let description = self.description.trim();
        if description.chars().count() > MAX_DESCRIPTION {
            errors.add("description", "field-too-long");
        }
        let mut events = Vec::new();
        for word in &self.events {
            match EventType::parse(word) {
                Some(t) if !events.contains(&t) => events.push(t),
                Some(_) => {}
                None => errors.add("events", "field-invalid"),
            }
        }
        if events.is_empty() && !errors.contains("events") {
            errors.add("events", "webhooks-no-events");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let listed: Vec<&str> = EventType::ALL
            .iter()
            .filter(|t| events.contains(t))
            .map(|t| t.as_str())
            .collect();
        Ok(EndpointInput {
            url: url.to_owned(),
            description: description.to_owned(),
            events: format!(",{},", listed.join(",")),
        })
    }
}

pub fn list(conn: &mut DbConn, edition_id: &EditionId) -> QueryResult<Vec<Endpoint>> {
    e::webhook_endpoints
        .filter(e::edition_id.eq(edition_id))
        .order(e::created_at.asc())
        .select(Endpoint::as_select())
        .load(conn)
}

/// One endpoint of the edition; None for another edition's.
pub fn get(conn: &mut DbConn, edition_id: &EditionId, id: &str) -> QueryResult<Option<Endpoint>> {
    e::webhook_endpoints
        .filter(e::edition_id.eq(edition_id))
        .filter(e::id.eq(id))
        .select(Endpoint::as_select())
        .first(conn)
        .optional()
}

/// Adds an endpoint with a new secret, active; returns its id.
pub fn create(
    conn: &mut DbConn,
    edition_id: &EditionId,
    input: &EndpointInput,
) -> QueryResult<String> {
    let id = uuid::Uuid::new_v4().simple().to_string();
    diesel::insert_into(e::webhook_endpoints)
        .values((
            e::id.eq(&id),
            e::edition_id.eq(edition_id),
            e::url.eq(&input.url),
            e::description.eq(&input.description),
            e::secret.eq(signing::new_secret()),
            e::events.eq(&input.events),
            e::active.eq(true),
            e::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Changes an endpoint; false if the edition has no such endpoint.
pub fn update(
    conn: &mut DbConn,
    edition_id: &EditionId,
    id: &str,
    input: &EndpointInput,
    active: bool,
) -> QueryResult<bool> {
    diesel::update(
        e::webhook_endpoints
            .filter(e::edition_id.eq(edition_id))
            .filter(e::id.eq(id)),
    )
    .set((
        e::url.eq(&input.url),
        e::description.eq(&input.description),
        e::events.eq(&input.events),
        e::active.eq(active),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// Replaces the signing secret (the receiver must take the new one); false if not found.
pub fn rotate_secret(conn: &mut DbConn, edition_id: &EditionId, id: &str) -> QueryResult<bool> {
    diesel::update(
        e::webhook_endpoints
            .filter(e::edition_id.eq(edition_id))
            .filter(e::id.eq(id)),
    )
    .set(e::secret.eq(signing::new_secret()))
    .execute(conn)
    .map(|n| n == 1)
}

/// Deletes an endpoint and its delivery log; false if not found.
pub fn delete(conn: &mut DbConn, edition_id: &EditionId, id: &str) -> QueryResult<bool> {
    devday_db::write_transaction(conn, |conn| {
        use devday_db::schema::webhook_deliveries::dsl as d;
        let found = get(conn, edition_id, id)?.is_some();
        if found {
            // Both databases cascade, but SQLite only with foreign keys on; say it here.
            diesel::delete(d::webhook_deliveries.filter(d::endpoint_id.eq(id))).execute(conn)?;
            diesel::delete(e::webhook_endpoints.filter(e::id.eq(id))).execute(conn)?;
        }
        Ok(found)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(url: &str, events: &[&str]) -> EndpointForm {
        EndpointForm {
            url: url.to_owned(),
            events: events.iter().map(|s| (*s).to_owned()).collect(),
            ..EndpointForm::default()
        }
    }

    #[test]
    fn events_are_stored_between_commas_in_a_fixed_order() {
        let input = form(
            "https://hooks.example.org/devday",
            &["checkin.created", "proposal.submitted", "checkin.created"],
        )
        .validate()
        .expect("valid");
        assert_eq!(input.events, ",proposal.submitted,checkin.created,");
    }

    #[test]
    fn a_form_without_events_or_with_a_bad_address_is_refused_beside_the_fields() {
        let errors = form("ftp://x.org/", &[]).validate().err().expect("refused");
        assert!(errors.contains("url") && errors.contains("events"));
        let errors = form("https://x.org/", &["proposal.eaten"])
            .validate()
            .err()
            .expect("refused");
        assert!(errors.contains("events") && !errors.contains("url"));
    }
}
