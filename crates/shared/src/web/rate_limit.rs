//! Per-client limits where abuse is cheap (guessing passwords, signing up many accounts).
//! Kept in memory per instance: behind several instances the limit applies to each.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::SecuritySettings;
use crate::error::{AppError, AppResult};

pub struct RateLimits {
    login: DefaultKeyedRateLimiter<String>,
    signup: DefaultKeyedRateLimiter<String>,
    registration: DefaultKeyedRateLimiter<String>,
    feedback: DefaultKeyedRateLimiter<String>,
    checks: AtomicU64,
}

/// Every this many checks, forget keys whose limit has fully recovered, so that invented
/// keys cannot grow the tables without bound.
const SWEEP_EVERY: u64 = 10_000;

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

impl RateLimits {
    pub fn new(settings: &SecuritySettings) -> Self {
        Self {
            login: RateLimiter::keyed(per_minute(settings.login_per_minute)),
            signup: RateLimiter::keyed(per_minute(settings.signup_per_minute)),
            registration: RateLimiter::keyed(per_minute(settings.registration_per_minute)),
            feedback: RateLimiter::keyed(per_minute(settings.feedback_per_minute)),
            checks: AtomicU64::new(0),
        }
    }

    /// Log-in attempts, per client address and per account.
    pub fn login(&self, key: &str) -> AppResult<()> {
        self.sweep();
        check(&self.login, key)
    }

    /// Sign-ups and password-reset mails, per client address.
    pub fn signup(&self, key: &str) -> AppResult<()> {
        self.sweep();
        check(&self.signup, key)
    }

    /// Registrations for an edition, per client address.
    pub fn registration(&self, key: &str) -> AppResult<()> {
        self.sweep();
        check(&self.registration, key)
    }

    /// Feedback on sessions, per client address.
    pub fn feedback(&self, key: &str) -> AppResult<()> {
        self.sweep();
        check(&self.feedback, key)
    }

    fn sweep(&self) {
        if self.checks.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            self.login.retain_recent();
            self.signup.retain_recent();
            self.registration.retain_recent();
            self.feedback.retain_recent();
        }
    }
}

fn check(limiter: &DefaultKeyedRateLimiter<String>, key: &str) -> AppResult<()> {
    limiter.check_key(&key.to_owned()).map_err(|not_until| {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        AppError::RateLimited {
            retry_after_secs: wait.as_secs().max(1),
        }
    })
}
