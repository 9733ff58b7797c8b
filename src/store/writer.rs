//! The group-commit writer: the one task that writes live data.
//!
//! Rooms hand it jobs (taps, attendances, live-state and per-topic figures)
//! without waiting. It takes everything queued, up to [`MAX_BATCH`], writes it in
//! one transaction, commits, and only then calls each job's `done` callback with
//! [`Outcome::Committed`] (which is how a phone's tap gets acknowledged).
//!
//! Failures come in two kinds, and telling them apart is what keeps one bad job
//! from jamming every gathering on the server:
//! - **transient** (the database is busy, the disk is full, the file was removed,
//!   the connection broke, PostgreSQL is out of reach or aborted the transaction
//!   in a deadlock): nothing is acknowledged, the writer waits and tries again,
//!   and [`Writer::health`] reports the failure until a commit succeeds;
//! - **permanent** (a constraint that can never be met, such as a tap on a topic
//!   deleted a moment ago): the batch is retried job by job, every job that can
//!   commit does, and each job that never can is dropped, logged, and reported
//!   to its owner as [`Outcome::Dropped`].
//!
//! Every failed attempt throws its connection away rather than returning it to
//! the pool, so a transaction left open by a failed `COMMIT` (SQLite keeps it
//! open after "database or disk is full") cannot poison the next attempt.

use super::{LiveRecord, Store, TopicStat, now_ms};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

/// Most jobs in one transaction.
pub const MAX_BATCH: usize = 2048;
/// Jobs that may wait for the writer before new ones are refused as busy.
pub const QUEUE_CAPACITY: usize = 65_536;
/// First pause before retrying a transient failure; doubles up to [`MAX_RETRY_PAUSE`].
const RETRY_PAUSE: Duration = Duration::from_millis(100);
const MAX_RETRY_PAUSE: Duration = Duration::from_secs(2);
/// A transaction still running after this long counts as stuck for `/healthz`
/// (SQLite's busy timeout is 10 s, so a merely busy database stays below it).
pub const STUCK_AFTER: Duration = Duration::from_secs(15);

/// Something to write.
#[derive(Debug, Clone)]
pub enum WriteOp {
    Tap {
        gathering_id: i64,
        topic_id: i64,
        device_id: Arc<str>,
        op_id: String,
        at: i64,
    },
    Attendance {
        gathering_id: i64,
        device_id: Arc<str>,
        at: i64,
    },
    LiveState {
        gathering_id: i64,
        record: LiveRecord,
    },
    TopicStat {
        gathering_id: i64,
        stat: TopicStat,
    },
}

/// What became of a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// On disk.
    Committed,
    /// It can never be written (its gathering or topic is gone): dropped.
    Dropped,
}

/// Called once the job is committed or dropped.
pub type Done = Box<dyn FnOnce(Outcome) + Send + Sync>;

pub struct WriteJob {
    pub op: WriteOp,
    pub done: Option<Done>,
    /// Counts the job as waiting until it is finished.
    pending: Arc<Pending>,
}

impl WriteJob {
    fn finish(self, outcome: Outcome) {
        self.pending.finished(&self.op, outcome);
        if let Some(done) = self.done {
            done(outcome);
        }
    }
}

/// Jobs queued and not yet committed or dropped, by kind, and jobs dropped
/// since the start: what a stop can say truthfully about what it leaves.
#[derive(Default)]
struct Pending {
    by_kind: [AtomicU64; 4],
    dropped: AtomicU64,
}

impl Pending {
    fn kind(op: &WriteOp) -> usize {
        match op {
            WriteOp::Tap { .. } => 0,
            WriteOp::Attendance { .. } => 1,
            WriteOp::LiveState { .. } => 2,
            WriteOp::TopicStat { .. } => 3,
        }
    }

    fn queued(&self, op: &WriteOp) {
        self.by_kind[Self::kind(op)].fetch_add(1, Ordering::Relaxed);
    }

    fn unqueued(&self, op: &WriteOp) {
        self.by_kind[Self::kind(op)].fetch_sub(1, Ordering::Relaxed);
    }

    fn finished(&self, op: &WriteOp, outcome: Outcome) {
        self.unqueued(op);
        if outcome == Outcome::Dropped {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn counts(&self) -> Waiting {
        let [taps, attendances, live_states, topic_figures] =
            self.by_kind.each_ref().map(|n| n.load(Ordering::Relaxed));
        Waiting {
            taps,
            attendances,
            live_states,
            topic_figures,
        }
    }
}

/// Writes waiting for the disk, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Waiting {
    pub taps: u64,
    pub attendances: u64,
    pub live_states: u64,
    pub topic_figures: u64,
}

impl Waiting {
    pub fn total(&self) -> u64 {
        self.taps + self.attendances + self.live_states + self.topic_figures
    }
}

/// What became of the queued writes when the writer was drained at a stop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drained {
    /// Every one is on disk, but for `dropped` that could never be written
    /// (each logged when it was dropped).
    Committed { dropped: u64 },
    /// Writes kept failing for longer than the stop could wait: these were not
    /// committed, and none of them was acknowledged.
    NotCommitted { waiting: Waiting, reason: String },
}

enum Message {
    Job(WriteJob),
    Flush(oneshot::Sender<()>),
}

/// The writer's queue is full: the caller should ask the client to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// How the writer is doing, for `/healthz`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriterHealth {
    Ok,
    /// Commits are failing; nothing is being acknowledged.
    Failing {
        reason: String,
        for_ms: u64,
    },
    /// One transaction has been running for too long.
    Stuck {
        for_ms: u64,
    },
}

#[derive(Default)]
struct HealthState {
    /// Since when, and why, commits have been failing.
    failing: Option<(Instant, String)>,
    /// When the transaction in progress began.
    busy_since: Option<Instant>,
}

/// A cheap handle to the writer task.
#[derive(Clone)]
pub struct Writer {
    tx: mpsc::Sender<Message>,
    health: Arc<Mutex<HealthState>>,
    pending: Arc<Pending>,
}

impl Writer {
    /// Starts the writer task on the current runtime.
    pub fn start(store: Store) -> (Writer, JoinHandle<()>) {
        let (tx, rx) = mpsc::channel(QUEUE_CAPACITY);
        let health = Arc::new(Mutex::new(HealthState::default()));
        let task = tokio::spawn(run(
            Committer {
                store,
                health: health.clone(),
            },
            rx,
        ));
        let pending = Arc::default();
        (
            Writer {
                tx,
                health,
                pending,
            },
            task,
        )
    }

    /// Queues a job without waiting.
    pub fn submit(&self, op: WriteOp, done: Option<Done>) -> Result<(), Busy> {
        self.pending.queued(&op);
        let job = WriteJob {
            op,
            done,
            pending: self.pending.clone(),
        };
        self.tx.try_send(Message::Job(job)).map_err(|refused| {
            // Never queued: not waiting either.
            if let Message::Job(job) = refused.into_inner() {
                job.pending.unqueued(&job.op);
            }
            Busy
        })
    }

    /// Writes queued and not yet committed or dropped, by kind.
    pub fn waiting(&self) -> Waiting {
        self.pending.counts()
    }

    /// At a stop: waits until every write queued so far is committed (or
    /// dropped as one that can never be). Gives up only when writes have been
    /// failing, or one transaction has been stuck, for `patience`, and then
    /// says what was left and why: a healthy database loses nothing.
    pub async fn drain(&self, patience: Duration) -> Drained {
        let dropped_before = self.pending.dropped.load(Ordering::Relaxed);
        let flushed = self.flush();
        tokio::pin!(flushed);
        let mut check = tokio::time::interval(Duration::from_millis(250));
        loop {
            tokio::select! {
                () = &mut flushed => {
                    let dropped = self.pending.dropped.load(Ordering::Relaxed) - dropped_before;
                    return Drained::Committed { dropped };
                }
                _ = check.tick() => {
                    let reason = match self.health() {
                        WriterHealth::Failing { reason, for_ms } if for_ms >= patience.as_millis() as u64 => reason,
                        WriterHealth::Stuck { for_ms } if for_ms >= patience.as_millis() as u64 => {
                            format!("one transaction has been running for {} s", for_ms / 1000)
                        }
                        _ => continue,
                    };
                    return Drained::NotCommitted { waiting: self.waiting(), reason };
                }
            }
        }
    }

    /// Waits until every job queued before this call is committed or dropped.
    pub async fn flush(&self) {
        let (reply, done) = oneshot::channel();
        if self.tx.send(Message::Flush(reply)).await.is_ok() {
            let _ = done.await;
        }
    }

    /// Whether writes are going through.
    pub fn health(&self) -> WriterHealth {
        // unwrap: the lock is never held across a panic-prone call.
        let state = self.health.lock().unwrap();
        if let Some((since, reason)) = &state.failing {
            return WriterHealth::Failing {
                reason: reason.clone(),
                for_ms: since.elapsed().as_millis() as u64,
            };
        }
        match state.busy_since {
            Some(since) if since.elapsed() >= STUCK_AFTER => WriterHealth::Stuck {
                for_ms: since.elapsed().as_millis() as u64,
            },
            _ => WriterHealth::Ok,
        }
    }

    /// Jobs waiting in the queue (not counting the batch being written).
    pub fn queued(&self) -> usize {
        QUEUE_CAPACITY - self.tx.capacity()
    }
}

async fn run(committer: Committer, mut rx: mpsc::Receiver<Message>) {
    let mut batch: Vec<WriteJob> = Vec::with_capacity(MAX_BATCH);
    let mut flushes: Vec<oneshot::Sender<()>> = Vec::new();
    while let Some(first) = rx.recv().await {
        let mut next = Some(first);
        while let Some(message) = next.take() {
            match message {
                Message::Job(job) => batch.push(job),
                Message::Flush(reply) => flushes.push(reply),
            }
            if batch.len() >= MAX_BATCH {
                break;
            }
            next = rx.try_recv().ok();
        }
        if !batch.is_empty() {
            committer.write(&mut batch).await;
        }
        // Jobs queued before a flush request were all in this batch or an earlier one.
        for reply in flushes.drain(..) {
            let _ = reply.send(());
        }
    }
    tracing::debug!("group-commit writer stopped");
}

/// Why a transaction failed, sorted by what to do about it.
#[derive(Debug)]
enum Failure {
    /// Try again later: nothing about the jobs is wrong.
    Transient(String),
    /// The jobs (or one of them) can never be written.
    Permanent(String),
}

struct Committer {
    store: Store,
    health: Arc<Mutex<HealthState>>,
}

impl Committer {
    /// Writes the batch, then finishes every job in it: as one transaction when
    /// it can, job by job when one of them can never commit.
    async fn write(&self, batch: &mut Vec<WriteJob>) {
        let Some(reason) = self.commit_retrying(batch).await else {
            for job in batch.drain(..) {
                job.finish(Outcome::Committed);
            }
            return;
        };
        tracing::warn!(
            jobs = batch.len(),
            %reason,
            "a batch cannot commit; writing its jobs one by one"
        );
        for job in batch.drain(..) {
            match self.commit_retrying(std::slice::from_ref(&job)).await {
                None => job.finish(Outcome::Committed),
                Some(reason) => {
                    tracing::error!(job = job_name(&job.op), %reason, "write dropped: it can never commit");
                    job.finish(Outcome::Dropped);
                }
            }
        }
    }

    /// Commits the jobs in one transaction, retrying transient failures for as
    /// long as they last. Returns the reason when the jobs can never commit.
    async fn commit_retrying(&self, jobs: &[WriteJob]) -> Option<String> {
        let mut pause = RETRY_PAUSE;
        let mut attempt: u32 = 0;
        loop {
            self.set_busy(true);
            let result = self.commit(jobs).await;
            self.set_busy(false);
            match result {
                Ok(()) => {
                    self.set_failing(None);
                    return None;
                }
                Err(Failure::Permanent(reason)) => {
                    // A permanent failure still proves the database answers.
                    self.set_failing(None);
                    return Some(reason);
                }
                Err(Failure::Transient(reason)) => {
                    attempt += 1;
                    if attempt == 1 || attempt.is_power_of_two() {
                        tracing::error!(%reason, attempt, jobs = jobs.len(), "write failed; retrying");
                    }
                    self.set_failing(Some(reason));
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(MAX_RETRY_PAUSE);
                }
            }
        }
    }

    async fn commit(&self, jobs: &[WriteJob]) -> Result<(), Failure> {
        self.store
            .check_file()
            .map_err(|e| Failure::Transient(e.to_string()))?;
        let ops: Vec<&WriteOp> = jobs.iter().map(|job| &job.op).collect();
        self.store
            .commit_batch(&ops, now_ms())
            .await
            .map_err(classify)
    }

    fn set_busy(&self, busy: bool) {
        // unwrap: the lock is never held across a panic-prone call.
        self.health.lock().unwrap().busy_since = busy.then(Instant::now);
    }

    fn set_failing(&self, reason: Option<String>) {
        // unwrap: as above.
        let mut state = self.health.lock().unwrap();
        match reason {
            None => {
                if state.failing.take().is_some() {
                    tracing::info!("writes are going through again");
                }
            }
            Some(reason) => {
                let since = state.failing.as_ref().map_or_else(Instant::now, |f| f.0);
                state.failing = Some((since, reason));
            }
        }
    }
}

/// The kind of job, for logs (never its contents: device ids stay out of logs).
fn job_name(op: &WriteOp) -> String {
    match op {
        WriteOp::Tap {
            gathering_id,
            topic_id,
            ..
        } => format!("tap (gathering {gathering_id}, topic {topic_id})"),
        WriteOp::Attendance { gathering_id, .. } => {
            format!("attendance (gathering {gathering_id})")
        }
        WriteOp::LiveState { gathering_id, .. } => format!("live state (gathering {gathering_id})"),
        WriteOp::TopicStat { gathering_id, stat } => format!(
            "topic figures (gathering {gathering_id}, topic {})",
            stat.topic_id
        ),
    }
}

/// SQLite's primary result codes that say the data itself can never be
/// written: a constraint (such as a foreign key to a deleted topic), a type
/// mismatch, a value too big, a bind out of range.
const PERMANENT_SQLITE_CODES: [i64; 4] = [18, 19, 20, 25];

/// PostgreSQL's SQLSTATE classes that say the same: 23, integrity constraint
/// violation (foreign key, unique, not null, check), and 22, data exception (a
/// value out of range or of the wrong form).
const PERMANENT_POSTGRES_CLASSES: [&str; 2] = ["23", "22"];

/// Sorts an error into "can never work" and "try again". Only errors known to
/// be about the data are permanent; anything else (busy, disk full, a broken
/// connection, a server shutting down, and whatever is not recognised) is
/// retried, because dropping a tap the phone believes is on its way would lose
/// it, while retrying is visible on `/healthz` and costs nothing but time.
fn classify(error: sqlx::Error) -> Failure {
    let reason = error.to_string();
    let permanent = match &error {
        sqlx::Error::Database(db) => about_the_data(db.as_ref()),
        _ => false,
    };
    if permanent {
        Failure::Permanent(reason)
    } else {
        Failure::Transient(reason)
    }
}

/// Whether a database's own error says the data can never be written.
fn about_the_data(db: &dyn sqlx::error::DatabaseError) -> bool {
    if let Some(pg) = db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
        return PERMANENT_POSTGRES_CLASSES
            .iter()
            .any(|class| pg.code().starts_with(class));
    }
    db.kind() != sqlx::error::ErrorKind::Other
        || db
            .code()
            .and_then(|code| code.parse::<i64>().ok())
            .is_some_and(|code| PERMANENT_SQLITE_CODES.contains(&(code & 0xff)))
}
