//! Per-client limits where abuse is cheap (guessing passwords, signing up many accounts).
//!
//! Every instance must count the same attempts, or N instances would allow N times the
//! limit. On PostgreSQL, the database that several instances share, the counters live in
//! the table `rate_limits` (UNLOGGED: a counter lost in a crash only forgives a minute of
//! attempts, and no attempt waits for a disk flush); on SQLite, which one instance owns,
//! they stay in memory.
//!
//! Both use the generic cell rate algorithm: each key keeps one instant, its "theoretical
//! arrival time" (tat). An attempt is allowed if pushing the tat one interval further
//! keeps it within the burst window ahead of now, which is one atomic statement.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};

use devday_db::{DbConn, Pool};
use diesel::sql_types::{BigInt, Text};
use diesel::{QueryableByName, RunQueryDsl};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::SecuritySettings;
use crate::error::{AppError, AppResult};

/// Which limit: its name keys the shared counters.
#[derive(Debug, Clone, Copy)]
enum Limit {
    Login,
    Signup,
    Registration,
    Feedback,
}

impl Limit {
    const ALL: [Limit; 4] = [
        Limit::Login,
        Limit::Signup,
        Limit::Registration,
        Limit::Feedback,
    ];

    fn name(self) -> &'static str {
        match self {
            Limit::Login => "login",
            Limit::Signup => "signup",
            Limit::Registration => "registration",
            Limit::Feedback => "feedback",
        }
    }

    fn per_minute(self, settings: &SecuritySettings) -> u32 {
        match self {
            Limit::Login => settings.login_per_minute,
            Limit::Signup => settings.signup_per_minute,
            Limit::Registration => settings.registration_per_minute,
            Limit::Feedback => settings.feedback_per_minute,
        }
        .max(1)
    }
}

pub struct RateLimits {
    per_minute: [u32; 4],
    store: Store,
}

enum Store {
    Memory {
        limiters: Box<[DefaultKeyedRateLimiter<String>; 4]>,
        checks: AtomicU64,
    },
    Shared(Pool),
}

/// Every this many checks, forget keys whose limit has fully recovered, so that invented
/// keys cannot grow the tables without bound (the shared table is swept by [`sweep`]).
const SWEEP_EVERY: u64 = 10_000;

const MINUTE_US: i64 = 60_000_000;

impl RateLimits {
    /// Counters in memory: for SQLite, and for tests of one process.
    pub fn in_memory(settings: &SecuritySettings) -> Self {
        let per_minute = Limit::ALL.map(|l| l.per_minute(settings));
        let limiter = |n: u32| {
            RateLimiter::keyed(Quota::per_minute(
                NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN),
            ))
        };
        Self {
            per_minute,
            store: Store::Memory {
                limiters: Box::new(per_minute.map(limiter)),
                checks: AtomicU64::new(0),
            },
        }
    }

    /// Counters in the database every instance shares.
    pub fn shared(settings: &SecuritySettings, pool: Pool) -> Self {
        Self {
            per_minute: Limit::ALL.map(|l| l.per_minute(settings)),
            store: Store::Shared(pool),
        }
    }

    /// Log-in attempts, per client address and per account.
    pub async fn login(&self, key: &str) -> AppResult<()> {
        self.check(Limit::Login, key).await
    }

    /// Sign-ups and password-reset mails, per client address.
    pub async fn signup(&self, key: &str) -> AppResult<()> {
        self.check(Limit::Signup, key).await
    }

    /// Registrations for an edition, per client address.
    pub async fn registration(&self, key: &str) -> AppResult<()> {
        self.check(Limit::Registration, key).await
    }

    /// Like [`RateLimits::registration`], on a connection the caller holds anyway: the
    /// registration rush saves a pool checkout and a thread hop per request.
    pub fn registration_on(&self, conn: &mut DbConn, key: &str) -> AppResult<()> {
        let limit = Limit::Registration;
        match &self.store {
            Store::Memory { limiters, checks } => {
                Self::in_memory_check(limiters, checks, limit, key)
            }
            Store::Shared(_) => {
                let now = chrono::Utc::now().timestamp_micros();
                let key = format!("{}:{key}", limit.name());
                match attempt(conn, &key, now, self.per_minute[limit as usize])? {
                    Some(wait) => Err(refused(wait)),
                    None => Ok(()),
                }
            }
        }
    }

    fn in_memory_check(
        limiters: &[DefaultKeyedRateLimiter<String>; 4],
        checks: &AtomicU64,
        limit: Limit,
        key: &str,
    ) -> AppResult<()> {
        if checks.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            limiters.iter().for_each(|l| l.retain_recent());
        }
        limiters[limit as usize]
            .check_key(&key.to_owned())
            .map_err(|not_until| {
                let wait = not_until.wait_time_from(DefaultClock::default().now());
                refused(wait.as_micros().try_into().unwrap_or(i64::MAX))
            })
    }

    /// Feedback on sessions, per client address.
    pub async fn feedback(&self, key: &str) -> AppResult<()> {
        self.check(Limit::Feedback, key).await
    }

    async fn check(&self, limit: Limit, key: &str) -> AppResult<()> {
        let per_minute = self.per_minute[limit as usize];
        match &self.store {
            Store::Memory { limiters, checks } => {
                Self::in_memory_check(limiters, checks, limit, key)
            }
            Store::Shared(pool) => {
                let (pool, key) = (pool.clone(), format!("{}:{key}", limit.name()));
                let now = chrono::Utc::now().timestamp_micros();
                let wait = actix_web::web::block(move || {
                    let mut conn = pool.get()?;
                    attempt(&mut conn, &key, now, per_minute).map_err(AppError::from)
                })
                .await??;
                wait.map_or(Ok(()), |wait| Err(refused(wait)))
            }
        }
    }
}

fn refused(wait_us: i64) -> AppError {
    AppError::RateLimited {
        retry_after_secs: u64::try_from((wait_us + 999_999) / 1_000_000)
            .unwrap_or(1)
            .max(1),
    }
}

#[derive(QueryableByName)]
struct Tat {
    #[diesel(sql_type = BigInt)]
    tat: i64,
}

/// One attempt against the shared counter: `None` if allowed, else the microseconds until
/// the next attempt would be. `per_minute` attempts at once are allowed (the burst), then
/// one every minute / `per_minute`.
fn attempt(
    conn: &mut DbConn,
    key: &str,
    now: i64,
    per_minute: u32,
) -> diesel::QueryResult<Option<i64>> {
    let interval = MINUTE_US / i64::from(per_minute);
    let DbConn::Postgres(pg) = conn else {
        return Ok(None);
    };
    let allowed: Vec<Tat> = diesel::sql_query(
        "INSERT INTO rate_limits (key, tat) VALUES ($1, $2 + $3) \
         ON CONFLICT (key) DO UPDATE SET tat = GREATEST(rate_limits.tat, $2) + $3 \
         WHERE GREATEST(rate_limits.tat, $2) + $3 - $4 <= $2 \
         RETURNING tat",
    )
    .bind::<Text, _>(key)
    .bind::<BigInt, _>(now)
    .bind::<BigInt, _>(interval)
    .bind::<BigInt, _>(MINUTE_US)
    .load(pg)?;
    if !allowed.is_empty() {
        return Ok(None);
    }
    let current: Vec<Tat> = diesel::sql_query("SELECT tat FROM rate_limits WHERE key = $1")
        .bind::<Text, _>(key)
        .load(pg)?;
    let tat = current.first().map_or(now, |t| t.tat);
    Ok(Some((tat + interval - MINUTE_US - now).max(1)))
}

/// Forgets counters that have fully recovered (their tat has passed).
pub fn sweep(conn: &mut DbConn) -> diesel::QueryResult<usize> {
    let DbConn::Postgres(pg) = conn else {
        return Ok(0);
    };
    diesel::sql_query("DELETE FROM rate_limits WHERE tat < $1")
        .bind::<BigInt, _>(chrono::Utc::now().timestamp_micros())
        .execute(pg)
}
