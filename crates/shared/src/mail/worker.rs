use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use devday_db::Pool;

use super::outbox;
use super::transport::{Sender, TransportError};
use super::Wakeup;
use crate::config::MailSettings;

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
        let poll = Duration::from_millis(settings.poll_interval_ms.max(10));
        let max_attempts = settings.max_attempts;
        let handle = {
            let (stop, wakeup) = (stop.clone(), wakeup.clone());
            std::thread::Builder::new()
                .name("outbox".into())
                .spawn(move || run(pool, sender, stop, wakeup, poll, max_attempts))
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

fn run(
    pool: Pool,
    sender: Sender,
    stop: Arc<AtomicBool>,
    wakeup: Wakeup,
    poll: Duration,
    max_attempts: i32,
) {
    let mut last_purge: Option<Instant> = None;
    while !stop.load(Ordering::SeqCst) {
        let Ok(mut conn) = pool.get() else {
            tracing::warn!("outbox: no database connection, retrying");
            wakeup.wait(poll);
            continue;
        };
        if last_purge.is_none_or(|t| t.elapsed() > Duration::from_secs(3600)) {
            match outbox::purge_sent(&mut conn) {
                Ok(n) if n > 0 => tracing::info!(deleted = n, "outbox: purged old sent mail"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "outbox: purge failed"),
            }
            last_purge = Some(Instant::now());
        }
        match outbox::claim_next(&mut conn) {
            Ok(Some(mail)) => {
                let result = sender.send(&mail);
                let recorded = match &result {
                    Ok(()) => {
                        tracing::info!(id = %mail.id, "outbox: mail sent");
                        outbox::mark_sent(&mut conn, &mail.id)
                    }
                    Err(e) => {
                        tracing::warn!(id = %mail.id, attempt = mail.attempts, error = %e, "outbox: sending failed");
                        outbox::mark_failed(&mut conn, &mail, &e.to_string(), max_attempts)
                    }
                };
                if let Err(e) = recorded {
                    tracing::error!(id = %mail.id, error = %e, "outbox: could not record the result");
                    wakeup.wait(poll);
                }
            }
            Ok(None) => wakeup.wait(poll),
            Err(e) => {
                tracing::warn!(error = %e, "outbox: could not read the queue");
                wakeup.wait(poll);
            }
        }
    }
    tracing::info!("outbox worker stopped");
}
