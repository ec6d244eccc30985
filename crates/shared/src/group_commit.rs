//! Group commit: small hot writes (a door scan) go to one writer thread, which runs
//! whatever has queued up meanwhile in one transaction, each in its own savepoint, and
//! answers each caller after the commit.
//!
//! Compared with one blocking task and one transaction per request, a burst costs one
//! commit instead of dozens, and no thread waits on another's lock: at 1,000 scans a second
//! the context switches between blocking threads, not the queries, were most of the work.
//! A caller hears `Ok` only once its writes are committed; a failed commit fails every
//! job of the batch, and nothing of them stays written.
//!
//! SQLite only: it has one writer at a time anyway. PostgreSQL writes in parallel, and one
//! thread's round trips would cap it (563 scans/s measured; grouping registrations, whose
//! savepoints pile up as subtransactions, ran at 167/s), so there each job runs at once on
//! the blocking pool and commits in its own `write_transaction`: a job keeps what belongs
//! together in one (on SQLite that is a savepoint of the batch). Its reads before then take
//! no transaction, and its transaction is no savepoint of an outer one.

use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};

use devday_db::{write_transaction, Backend, DbConn, Pool};
use diesel::Connection;

use crate::error::{AppError, AppResult};

/// How many jobs one transaction takes at most, and how many may wait.
const BATCH: usize = 128;
const QUEUE: usize = 4096;

/// Runs a job on the writer's connection; returns what to tell the caller after the commit.
type Job = Box<dyn FnOnce(&mut DbConn) -> Reply + Send>;
type Reply = Box<dyn FnOnce() + Send>;

#[derive(Clone)]
pub struct GroupCommit {
    pool: Pool,
    /// The writer thread's queue; `None` on PostgreSQL.
    jobs: Option<SyncSender<Job>>,
}

impl GroupCommit {
    /// Starts the writer thread on a connection of `pool` (SQLite).
    pub fn spawn(pool: Pool, backend: Backend) -> std::io::Result<GroupCommit> {
        if backend == Backend::Postgres {
            return Ok(GroupCommit { pool, jobs: None });
        }
        let (jobs, queue) = mpsc::sync_channel(QUEUE);
        let writer = pool.clone();
        std::thread::Builder::new()
            .name("group-commit".into())
            .spawn(move || run(&writer, &queue))?;
        Ok(GroupCommit {
            pool,
            jobs: Some(jobs),
        })
    }

    /// Runs `f` in the next batch, inside a savepoint: its error undoes only its own writes.
    /// A full queue is answered at once with "busy" rather than waiting without end.
    /// On PostgreSQL it runs at once.
    pub async fn run<T, F>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConn) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let Some(jobs) = &self.jobs else {
            let pool = self.pool.clone();
            return actix_web::web::block(move || f(&mut *pool.get()?)).await?;
        };
        let (tell, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |conn| {
            let result = conn.transaction(f);
            Box::new(move || {
                let _ = tell.send(result);
            })
        });
        match jobs.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => return Err(AppError::Unavailable),
            Err(TrySendError::Disconnected(_)) => {
                return Err(AppError::internal(anyhow::anyhow!("group commit stopped")))
            }
        }
        // A dropped sender means the batch's commit failed: nothing of it was written.
        answer.await.map_err(|_| AppError::Unavailable)?
    }
}

fn run(pool: &Pool, queue: &Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let mut conn = match pool.get() {
            Ok(conn) => conn,
            Err(err) => {
                tracing::warn!(error = %err, "group commit: no database connection");
                continue;
            }
        };
        let committed = write_transaction(&mut conn, |c| {
            Ok::<_, diesel::result::Error>(batch.into_iter().map(|job| job(c)).collect::<Vec<_>>())
        });
        match committed {
            Ok(replies) => replies.into_iter().for_each(|reply| reply()),
            Err(err) => tracing::warn!(error = %err, "group commit: the batch was rolled back"),
        }
    }
}
