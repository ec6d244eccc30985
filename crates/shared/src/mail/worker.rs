use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use devday_db::Pool;

use super::outbox;
use super::transport::{Sender, TransportError};
use super::Wakeup;
use crate::config::MailSettings;
use crate::maintenance;

/// The background thread that sends what the outbox holds.
pub struct OutboxWorker {
    stop: Arc<AtomicBool>,
    wakeup: Wakeup,
    handle: Option<JoinHandle<()>>,
}

impl OutboxWorker {
    pub fn spawn(
        pool: Pool,
        settings: &MailSettings,
        wakeup: Wakeup,
    ) -> Result<Self, TransportError> {
        let sender = Sender::from_settings(settings)?;
        let stop = Arc::new(AtomicBool::new(false));
        let rules = Rules::from(settings);
        let handle = {
            let (stop, wakeup) = (stop.clone(), wakeup.clone());
            std::thread::Builder::new()
                .name("outbox".into())
                .spawn(move || run(pool, sender, stop, wakeup, rules))
                .map_err(|e| TransportError::Send(e.to_string()))?
        };
        Ok(Self {
            stop,
            wakeup,
            handle: Some(handle),
        })
    }

    /// Lets the worker finish the mail it is sending, then stops it.
    pub fn shutdown(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.wakeup.notify();
        if let Some(handle) = self.handle.take() {
            if handle.join().is_err() {
                tracing::error!("the outbox worker panicked");
            }
        }
    }
}

/// How many mails one claim takes.
const BATCH: i64 = 32;

/// The worker's timing, from the mail settings.
#[derive(Clone, Copy)]
struct Rules {
    poll: Duration,
    max_attempts: i32,
    /// How long a claim reserves its mails.
    claim: Duration,
    /// The longest one send may take; a mail is only started with this much claim left,
    /// so it is never still being sent when another instance may take it over.
    send: Duration,
}

impl From<&MailSettings> for Rules {
    fn from(settings: &MailSettings) -> Self {
        Self {
            poll: Duration::from_millis(settings.poll_interval_ms.max(10)),
            max_attempts: settings.max_attempts,
            claim: Duration::from_secs(settings.claim_seconds),
            send: Duration::from_secs(2 * settings.timeout_seconds),
        }
    }
}

/// Sends one claimed mail and records the result; false if the result could not be
/// recorded (the claim then expires and the mail is retried later, never lost).
fn send_one(pool: &Pool, sender: &Sender, mail: &outbox::QueuedMail, max_attempts: i32) -> bool {
    let result = sender.send(mail);
    let recorded = pool.get().map_err(|e| e.to_string()).and_then(|mut conn| {
        match &result {
            Ok(()) => {
                tracing::info!(id = %mail.id, "outbox: mail sent");
                outbox::mark_sent(&mut conn, &mail.id)
            }
            Err(e) => {
                tracing::warn!(id = %mail.id, attempt = mail.attempts, error = %e, "outbox: sending failed");
                outbox::mark_failed(&mut conn, mail, &e.to_string(), max_attempts)
            }
        }
        .map_err(|e| e.to_string())
    });
    if let Err(e) = &recorded {
        tracing::error!(id = %mail.id, error = %e, "outbox: could not record the result");
    }
    recorded.is_ok()
}

/// Claims a batch of mails, then sends and records them one at a time. A database connection is held only for
/// the short claim and record steps, never while waiting or talking to the SMTP server.
fn run(pool: Pool, sender: Sender, stop: Arc<AtomicBool>, wakeup: Wakeup, rules: Rules) {
    let Rules {
        poll, max_attempts, ..
    } = rules;
    let claim = chrono::Duration::from_std(rules.claim).unwrap_or(chrono::Duration::MAX);
    let mut last_housekeeping: Option<Instant> = None;
    while !stop.load(Ordering::SeqCst) {
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
            Ok(mut conn) => outbox::claim_batch(&mut conn, BATCH, claim),
            Err(e) => {
                tracing::warn!(error = %e, "outbox: no database connection, retrying");
                wakeup.wait(poll);
                continue;
            }
        };
        let batch = match claimed {
            Ok(batch) if !batch.is_empty() => batch,
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
        for (done, mail) in batch.iter().enumerate() {
            // The claim was taken after `claimed_at`, so this under-estimates what is left.
            let left = rules.claim.saturating_sub(claimed_at.elapsed());
            if stop.load(Ordering::SeqCst) || left < rules.send {
                // Stopping, or a slow server ate the claim: hand the rest back (claimed
                // anew next round) rather than risk another instance sending it too. Once
                // the claim has run out, the rows may be someone else's: leave them alone.
                if left > Duration::from_secs(1) {
                    let rest: Vec<String> = batch[done..].iter().map(|m| m.id.clone()).collect();
                    if let Err(e) = pool
                        .get()
                        .map_err(|e| e.to_string())
                        .and_then(|mut c| outbox::release(&mut c, &rest).map_err(|e| e.to_string()))
                    {
                        tracing::warn!(error = %e, "outbox: could not release claims; they expire");
                    }
                }
                break;
            }
            if !send_one(&pool, &sender, mail, max_attempts) {
                wakeup.wait(poll);
            }
        }
    }
    tracing::info!("outbox worker stopped");
}
