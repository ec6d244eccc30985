//! Webhooks: what happens in an edition, posted to the endpoints its organisers register.
//!
//! An event is written as one delivery per subscribed endpoint inside the transaction of
//! the change that causes it (like mail), so a rolled-back change sends nothing and a
//! committed one is never lost; the [`worker`] posts it, signed as the Standard Webhooks
//! specification says, and retries with backoff. Payloads are thin: ids, states and titles,
//! never names or addresses; a receiver fetches more through the organiser API.

pub mod deliveries;
pub mod endpoints;
mod guard;
mod routes;
pub mod signing;
mod worker;

use devday_db::schema::webhook_deliveries::dsl as d;
use devday_db::schema::webhook_endpoints::dsl as e;
use devday_db::{now, DbConn};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text, Timestamp};
use serde::Serialize;

use crate::editions::Edition;

pub use routes::configure;
pub use worker::WebhookWorker;

devday_db::text_enum!(
    /// What an endpoint can subscribe to.
    pub enum EventType {
        ProposalSubmitted = "proposal.submitted",
        ProposalStateChanged = "proposal.state_changed",
        ReleasePublished = "release.published",
        RegistrationConfirmed = "registration.confirmed",
        RegistrationCancelled = "registration.cancelled",
        WaitlistOffered = "waitlist.offered",
        CheckinCreated = "checkin.created",
    }
);

/// Written as the type's word, as payloads and forms say it.
impl Serialize for EventType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The type of the event an organiser sends to try an endpoint; nobody subscribes to it.
pub const TEST_EVENT: &str = "webhook.test";

/// The body of a delivery, as the Standard Webhooks specification shapes it.
fn payload(event: &str, edition: &Edition, data: serde_json::Value) -> String {
    let mut data = match data {
        serde_json::Value::Object(map) => map,
        other => serde_json::Map::from_iter([("value".to_owned(), other)]),
    };
    data.insert("edition".to_owned(), edition.slug.clone().into());
    serde_json::json!({
        "type": event,
        "timestamp": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "data": data,
    })
    .to_string()
}

fn message_id() -> String {
    format!("msg_{}", uuid::Uuid::new_v4().simple())
}

/// Writes `event` for every endpoint of the edition that subscribed to it (a paused one
/// keeps it until it is active again): one statement, whatever the number of endpoints
/// (none, usually). Call it inside the transaction of the change.
pub fn emit(
    conn: &mut DbConn,
    edition: &Edition,
    event: EventType,
    data: serde_json::Value,
) -> QueryResult<()> {
    let body = payload(event.as_str(), edition, data);
    let at = now();
    let subscribed = e::webhook_endpoints
        .filter(e::edition_id.eq(&edition.id))
        .filter(e::events.like(format!("%,{event},%")))
        .select((
            message_id().into_sql::<Text>(),
            e::id,
            event.as_str().into_sql::<Text>(),
            body.into_sql::<Text>(),
            at.into_sql::<Timestamp>(),
            sql::<Integer>("0"),
            at.into_sql::<Timestamp>(),
        ));
    diesel::insert_into(d::webhook_deliveries)
        .values(subscribed)
        .into_columns((
            d::message_id,
            d::endpoint_id,
            d::event_type,
            d::payload,
            d::created_at,
            d::attempts,
            d::next_attempt_at,
        ))
        .execute(conn)
        .map(drop)
}

/// Queues a test event for one endpoint, whatever it subscribed to.
pub fn send_test(conn: &mut DbConn, edition: &Edition, endpoint_id: &str) -> QueryResult<()> {
    let at = now();
    let body = payload(
        TEST_EVENT,
        edition,
        serde_json::json!({ "endpoint": endpoint_id }),
    );
    diesel::insert_into(d::webhook_deliveries)
        .values((
            d::message_id.eq(message_id()),
            d::endpoint_id.eq(endpoint_id),
            d::event_type.eq(TEST_EVENT),
            d::payload.eq(body),
            d::created_at.eq(at),
            d::attempts.eq(0),
            d::next_attempt_at.eq(at),
        ))
        .execute(conn)
        .map(drop)
}
