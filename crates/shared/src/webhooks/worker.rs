//! The background thread that posts due deliveries, one at a time, each signed for its
//! attempt; a database connection is held only to claim and to record, never while posting.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use devday_db::Pool;
use reqwest::blocking::Client;

use super::deliveries::{self, Attempt, Due, Failure};
use super::{guard, signing};
use crate::background::{Background, StopFlag};
use crate::config::WebhookSettings;
use crate::mail::Wakeup;

/// How many deliveries one claim takes.
const BATCH: i64 = 8;
/// The most of a receiver's answer kept in the log when it refuses.
const KEEP_ANSWER: usize = 200;

/// The background thread that posts due deliveries.
pub struct WebhookWorker(Background);

impl WebhookWorker {
    pub fn spawn(pool: Pool, settings: &WebhookSettings) -> anyhow::Result<Self> {
        let mut client = Client::builder()
            .timeout(Duration::from_secs(settings.timeout_seconds))
            .connect_timeout(Duration::from_secs(settings.timeout_seconds))
            // A redirect or a proxy from the environment could lead anywhere, the server's
            // own network included, past the resolver that keeps it out.
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .user_agent(concat!("devday-webhooks/", env!("CARGO_PKG_VERSION")));
        if !settings.allow_private_networks {
            client = client.dns_resolver(Arc::new(guard::PublicOnly));
        }
        // One post takes at most the timeout to answer and again to read the answer.
        let lease = chrono::Duration::seconds((2 * settings.timeout_seconds + 10) as i64);
        let rules = Rules {
            poll: Duration::from_millis(settings.poll_interval_ms.max(10)),
            max_attempts: settings.max_attempts,
            claim: lease * BATCH as i32,
            lease,
            allow_private: settings.allow_private_networks,
        };
        // The blocking client runs its own runtime, which may not be built inside the
        // server's: build it on the worker's thread.
        let worker =
            Background::spawn(
                "webhooks",
                Wakeup::default(),
                move |stop, wakeup| match client.build() {
                    Ok(client) => run(&pool, &client, &stop, &wakeup, rules),
                    Err(e) => tracing::error!(error = %e, "webhooks: no HTTP client"),
                },
            )?;
        Ok(Self(worker))
    }

    /// Lets the worker finish the delivery it is posting, then stops it.
    pub fn shutdown(self) {
        self.0.shutdown();
    }
}

#[derive(Clone, Copy)]
struct Rules {
    poll: Duration,
    max_attempts: i32,
    /// How long a claim reserves its batch, and how long one post renews its delivery for.
    claim: chrono::Duration,
    lease: chrono::Duration,
    allow_private: bool,
}

fn run(pool: &Pool, client: &Client, stop: &StopFlag, wakeup: &Wakeup, rules: Rules) {
    while !stop.is_set() {
        let claimed = with_conn(pool, |c| deliveries::claim(c, BATCH, rules.claim));
        let (token, due) = match claimed {
            Ok(batch) if !batch.1.is_empty() => batch,
            Ok(_) => {
                wakeup.wait(rules.poll);
                continue;
            }
            Err(e) => {
                tracing::warn!(error = %e, "webhooks: could not read the queue");
                wakeup.wait(rules.poll);
                continue;
            }
        };
        // A receiver that did not answer is not tried again in this batch: its other
        // events count the same failure, so one dead endpoint cannot hold up the others.
        let mut unanswered: HashMap<&str, Attempt> = HashMap::new();
        for (done, delivery) in due.iter().enumerate() {
            if stop.is_set() {
                // Stopping: hand the rest back instead of leaving it locked for minutes.
                let rest = &due[done..];
                if let Err(e) = with_conn(pool, |c| deliveries::release(c, rest, &token)) {
                    tracing::warn!(error = %e, "webhooks: could not release claims; they expire");
                }
                break;
            }
            let attempt = match unanswered.get(delivery.endpoint_id.as_str()) {
                Some(earlier) => earlier.clone(),
                None => {
                    match with_conn(pool, |c| {
                        deliveries::renew(c, delivery, &token, rules.lease)
                    }) {
                        Ok(true) => {}
                        Ok(false) => {
                            tracing::info!(id = %delivery.message_id, "webhooks: taken over by another claim");
                            continue;
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, "webhooks: could not renew the claim");
                            wakeup.wait(rules.poll);
                            continue;
                        }
                    }
                    let attempt = post(client, delivery, rules.allow_private);
                    if attempt.unanswered() {
                        unanswered.insert(&delivery.endpoint_id, attempt.clone());
                    }
                    attempt
                }
            };
            let recorded = with_conn(pool, |c| {
                deliveries::record(c, delivery, &token, &attempt, rules.max_attempts)
            });
            match recorded {
                Ok(true) => {}
                Ok(false) => {
                    tracing::info!(id = %delivery.message_id, "webhooks: another claim records this delivery")
                }
                Err(e) => {
                    tracing::error!(id = %delivery.message_id, error = %e, "webhooks: could not record the attempt")
                }
            }
        }
    }
    tracing::info!("webhook worker stopped");
}

fn with_conn<T>(
    pool: &Pool,
    f: impl FnOnce(&mut devday_db::DbConn) -> diesel::QueryResult<T>,
) -> Result<T, String> {
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    f(&mut conn).map_err(|e| e.to_string())
}

/// Posts one delivery, signed with this attempt's time.
fn post(client: &Client, due: &Due, allow_private: bool) -> Attempt {
    let url = match guard::check_url(&due.url) {
        Ok(url) => url,
        Err(problem) => return failed(None, Failure::Invalid, problem),
    };
    if !allow_private {
        if let Err(refused) = guard::check_literal(&url) {
            return failed(None, Failure::Address, &refused);
        }
    }
    let timestamp = chrono::Utc::now().timestamp();
    let answer = client
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", &due.message_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header(
            "webhook-signature",
            signing::signature(&due.secret, &due.message_id, timestamp, &due.payload),
        )
        .body(due.payload.clone())
        .send();
    match answer {
        Ok(response) if response.status().is_success() => {
            tracing::info!(id = %due.message_id, endpoint = %due.endpoint_id, "webhooks: delivered");
            Attempt::Delivered {
                status: response.status().as_u16(),
            }
        }
        Ok(response) => {
            let status = response.status();
            // Only the start of the answer: a receiver could send gigabytes.
            let mut start = Vec::new();
            let _ = std::io::Read::read_to_end(
                &mut std::io::Read::take(response, KEEP_ANSWER as u64 * 4),
                &mut start,
            );
            let text: String = String::from_utf8_lossy(&start)
                .chars()
                .take(KEEP_ANSWER)
                .collect();
            let detail = format!("HTTP {status} {}", text.trim());
            failed(Some(status.as_u16()), Failure::Status, &detail)
        }
        Err(e) => {
            let kind = if e.is_timeout() {
                Failure::Timeout
            } else if e.is_connect() {
                Failure::Connect
            } else {
                Failure::Other
            };
            failed(None, kind, &innermost(&e))
        }
    }
}

fn failed(status: Option<u16>, kind: Failure, detail: &str) -> Attempt {
    tracing::warn!(?status, kind = kind.as_str(), %detail, "webhooks: delivery failed");
    Attempt::Failed {
        status,
        error: format!("{}: {detail}", kind.as_str()),
    }
}

/// The last cause of an error, which says what went wrong ("Connection refused"); the
/// outer ones only repeat the address.
fn innermost(e: &dyn std::error::Error) -> String {
    let mut cause = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string().chars().take(KEEP_ANSWER).collect()
}
