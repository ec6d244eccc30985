use std::time::{Duration, Instant};

use devday_db::Pool;

use super::outbox::{self, Claimed, QueuedMail};
use super::transport::{Sender, TransportError};
use super::Wakeup;
use crate::background::{Background, StopFlag};
use crate::config::{MailSettings, MAX_CLAIM_SECONDS};
use crate::maintenance;

/// The background thread that sends what the outbox holds.
pub struct OutboxWorker(Background);

impl OutboxWorker {
    pub fn spawn(
        pool: Pool,
        settings: &MailSettings,
        wakeup: Wakeup,
    ) -> Result<Self, TransportError> {
        let sender = Sender::from_settings(settings)?;
        let rules = Rules::from(settings);
        Background::spawn("outbox", wakeup, move |stop, wakeup| {
            run(pool, sender, stop, wakeup, rules)
        })
        .map(Self)
        .map_err(|e| TransportError::Send(e.to_string()))
    }

    /// Lets the worker finish the mail it is sending, then stops it.
    pub fn shutdown(self) {
        self.0.shutdown();
    }
}

/// How many mails one claim takes.
const BATCH: i64 = 32;

/// The worker's timing, from the mail settings.
#[derive(Clone, Copy)]
struct Rules {
    poll: Duration,
    max_attempts: i32,
    /// How long a claim reserves its mails; renewed for each mail just before its send.
    claim: chrono::Duration,
}

impl From<&MailSettings> for Rules {
    fn from(settings: &MailSettings) -> Self {
        Self {
            poll: Duration::from_millis(settings.poll_interval_ms.max(10)),
            max_attempts: settings.max_attempts,
            claim: chrono::Duration::seconds(settings.claim_seconds.min(MAX_CLAIM_SECONDS) as i64),
        }
    }
}

/// Sends one mail and records the result, renewing the claim first unless it was taken a
/// moment ago (within a tenth of its time: ours for long enough, with no round trip to say
/// so; a slow SMTP server soon makes every mail renew again). False if the
/// database could not be reached (the claim then runs out and the mail is retried later,
/// never lost).
fn send_one(
    pool: &Pool,
    sender: &Sender,
    mail: &QueuedMail,
    claim: (&str, Instant),
    rules: Rules,
) -> bool {
    let (token, claimed_at) = claim;
    let fresh = rules
        .claim
        .to_std()
        .is_ok_and(|whole| claimed_at.elapsed() < whole / 10);
    let still_ours = if fresh {
        Ok(true)
    } else {
        pool.get().map_err(|e| e.to_string()).and_then(|mut c| {
            outbox::renew(&mut c, &mail.id, token, rules.claim).map_err(|e| e.to_string())
        })
    };
    match still_ours {
        Ok(true) => {}
        Ok(false) => {
            // The claim ran out while earlier mails were slow, and another instance took
            // this one over (or sent it): sending it here too would be a repeat.
            tracing::info!(id = %mail.id, "outbox: mail taken over by another claim");
            return true;
        }
        Err(e) => {
            tracing::warn!(id = %mail.id, error = %e, "outbox: could not renew the claim");
            return false;
        }
    }
    let result = sender.send(mail);
    let recorded = pool.get().map_err(|e| e.to_string()).and_then(|mut conn| {
        match &result {
            Ok(()) => {
                tracing::info!(id = %mail.id, "outbox: mail sent");
                outbox::mark_sent(&mut conn, &mail.id)
            }
            Err(e) => {
                tracing::warn!(id = %mail.id, attempt = mail.attempts, error = %e, "outbox: sending failed");
                outbox::mark_failed(&mut conn, mail, token, &e.to_string(), rules.max_attempts)
            }
        }
        .map_err(|e| e.to_string())
    });
    if let Err(e) = &recorded {
        tracing::error!(id = %mail.id, error = %e, "outbox: could not record the result");
    }
    recorded.is_ok()
}

/// Claims a batch of mails, then sends and records them one at a time. A database
/// connection is held only for the short claim and record steps, never while waiting or
/// talking to the SMTP server.
fn run(pool: Pool, sender: Sender, stop: StopFlag, wakeup: Wakeup, rules: Rules) {
    let poll = rules.poll;
    let mut last_housekeeping: Option<Instant> = None;
    while !stop.is_set() {
        if last_housekeeping.is_none_or(|t| t.elapsed() > Duration::from_secs(3600)) {
            match pool.get().map(|mut c| maintenance::purge(&mut c)) {
                Ok(Ok(n)) if n > 0 => tracing::info!(deleted = n, "housekeeping: purged old rows"),
                Ok(Ok(_)) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "housekeeping failed"),
                Err(e) => tracing::warn!(error = %e, "housekeeping: no database connection"),
            }
            last_housekeeping = Some(Instant::now());
        }
        let claimed_at = Instant::now();
        let claimed = match pool.get() {
            Ok(mut conn) => outbox::claim_batch(&mut conn, BATCH, rules.claim),
            Err(e) => {
                tracing::warn!(error = %e, "outbox: no database connection, retrying");
                wakeup.wait(poll);
                continue;
            }
        };
        let Claimed { token, mails } = match claimed {
            Ok(batch) if !batch.mails.is_empty() => batch,
            Ok(_) => {
                wakeup.wait(poll);
                continue;
            }
            Err(e) => {
                tracing::warn!(error = %e, "outbox: could not read the queue");
                wakeup.wait(poll);
                continue;
            }
        };
        for (done, mail) in mails.iter().enumerate() {
            if stop.is_set() {
                // Stopping: hand the rest back instead of leaving it locked for minutes.
                let rest: Vec<String> = mails[done..].iter().map(|m| m.id.clone()).collect();
                if let Err(e) = pool.get().map_err(|e| e.to_string()).and_then(|mut c| {
                    outbox::release(&mut c, &rest, &token).map_err(|e| e.to_string())
                }) {
                    tracing::warn!(error = %e, "outbox: could not release claims; they expire");
                }
                break;
            }
            if !send_one(&pool, &sender, mail, (&token, claimed_at), rules) {
                wakeup.wait(poll);
            }
        }
    }
    tracing::info!("outbox worker stopped");
}
