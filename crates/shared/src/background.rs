//! A thread that works in the background until the server stops it: the mail outbox and
//! the webhook deliveries. It sleeps on a [`Wakeup`] between rounds, so stopping it (or
//! new work) wakes it at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::mail::Wakeup;

/// Whether the thread has been told to stop; checked between units of work.
#[derive(Clone, Default)]
pub struct StopFlag(Arc<AtomicBool>);

impl StopFlag {
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

pub struct Background {
    name: &'static str,
    stop: StopFlag,
    wakeup: Wakeup,
    handle: Option<JoinHandle<()>>,
}

impl Background {
    /// Runs `work` on a thread called `name`, with the flag that says stop and the wakeup
    /// it waits on.
    pub fn spawn(
        name: &'static str,
        wakeup: Wakeup,
        work: impl FnOnce(StopFlag, Wakeup) + Send + 'static,
    ) -> std::io::Result<Self> {
        let stop = StopFlag::default();
        let handle = {
            let (stop, wakeup) = (stop.clone(), wakeup.clone());
            std::thread::Builder::new()
                .name(name.into())
                .spawn(move || work(stop, wakeup))?
        };
        Ok(Self {
            name,
            stop,
            wakeup,
            handle: Some(handle),
        })
    }

    /// Lets the thread finish what it is doing, then stops it.
    pub fn shutdown(mut self) {
        self.stop.0.store(true, Ordering::SeqCst);
        self.wakeup.notify();
        if let Some(handle) = self.handle.take() {
            if handle.join().is_err() {
                tracing::error!(thread = self.name, "a background thread panicked");
            }
        }
    }
}
