//! The group-commit writer: the one task that writes live data.
//!
//! Rooms hand it jobs (taps, attendances, live-state and per-topic figures)
//! without waiting. It takes everything queued, up to [`MAX_BATCH`], writes it in
//! one transaction, commits, and only then calls each job's `done` callback (which
//! is how a phone's tap gets acknowledged). A failed commit is retried, so a job
//! is never reported done unless it is on disk.

use super::live::{insert_attendance, insert_tap, save_live_state, save_topic_stat};
use super::{LiveRecord, Store, TopicStat, now_ms};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

/// Most jobs in one transaction.
pub const MAX_BATCH: usize = 2048;
/// Jobs that may wait for the writer before new ones are refused as busy.
pub const QUEUE_CAPACITY: usize = 65_536;
/// Pause before retrying a failed transaction.
const RETRY_PAUSE: Duration = Duration::from_millis(200);

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

/// Called once the job's transaction is committed.
pub type Done = Box<dyn FnOnce() + Send + Sync>;

pub struct WriteJob {
    pub op: WriteOp,
    pub done: Option<Done>,
}

enum Message {
    Job(WriteJob),
    Flush(oneshot::Sender<()>),
}

/// The writer's queue is full: the caller should ask the client to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// A cheap handle to the writer task.
#[derive(Clone)]
pub struct Writer {
    tx: mpsc::Sender<Message>,
}

impl Writer {
    /// Starts the writer task on the current runtime.
    pub fn start(store: Store) -> (Writer, JoinHandle<()>) {
        let (tx, rx) = mpsc::channel(QUEUE_CAPACITY);
        let task = tokio::spawn(run(store, rx));
        (Writer { tx }, task)
    }

    /// Queues a job without waiting.
    pub fn submit(&self, op: WriteOp, done: Option<Done>) -> Result<(), Busy> {
        self.tx
            .try_send(Message::Job(WriteJob { op, done }))
            .map_err(|_| Busy)
    }

    /// Waits until every job queued before this call is committed.
    pub async fn flush(&self) {
        let (reply, done) = oneshot::channel();
        if self.tx.send(Message::Flush(reply)).await.is_ok() {
            let _ = done.await;
        }
    }
}

async fn run(store: Store, mut rx: mpsc::Receiver<Message>) {
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
            commit_with_retry(&store, &batch).await;
            for job in batch.drain(..) {
                if let Some(done) = job.done {
                    done();
                }
            }
        }
        // Jobs queued before a flush request were all in this batch or an earlier one.
        for reply in flushes.drain(..) {
            let _ = reply.send(());
        }
    }
    tracing::debug!("group-commit writer stopped");
}

async fn commit_with_retry(store: &Store, batch: &[WriteJob]) {
    let mut attempt: u32 = 0;
    loop {
        match commit(store, batch).await {
            Ok(()) => return,
            Err(error) => {
                attempt += 1;
                tracing::error!(%error, attempt, jobs = batch.len(), "batch write failed; retrying");
                tokio::time::sleep(RETRY_PAUSE * attempt.min(25)).await;
            }
        }
    }
}

async fn commit(store: &Store, batch: &[WriteJob]) -> Result<(), sqlx::Error> {
    let mut tx = store.begin_write().await?;
    let at = now_ms();
    for job in batch {
        match &job.op {
            WriteOp::Tap {
                gathering_id,
                topic_id,
                device_id,
                op_id,
                at,
            } => insert_tap(&mut tx, *gathering_id, *topic_id, device_id, op_id, *at).await?,
            WriteOp::Attendance {
                gathering_id,
                device_id,
                at,
            } => insert_attendance(&mut tx, *gathering_id, device_id, *at).await?,
            WriteOp::LiveState {
                gathering_id,
                record,
            } => save_live_state(&mut tx, *gathering_id, record, at).await?,
            WriteOp::TopicStat { gathering_id, stat } => {
                save_topic_stat(&mut tx, *gathering_id, stat).await?
            }
        }
    }
    tx.commit().await
}
