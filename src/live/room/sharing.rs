//! A room on a database other instances share (PostgreSQL): commands go
//! through the store's one transaction, and the room follows what is stored,
//! told by the other instances' notices, its once-a-second presence
//! heartbeat, and the counts it reads when taps were committed anywhere
//! (see `docs/scale-out.md`). Every read runs beside the room, never in its
//! way; its answer comes back as a [`Synced`].

use super::{ControlError, ControlOutcome, Room, commands};
use crate::i18n::Message;
use crate::live::protocol::{Control, ErrorCode};
use crate::store::notify::Notice;
use crate::store::{LiveRecord, Milestone, Store, TopicStat, now_ms};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// A command that could not reach the database.
fn unavailable() -> ControlError {
    ControlError {
        code: ErrorCode::Busy,
        message: Message::new("control-error-busy"),
    }
}

/// What a room asked the database for, on behalf of instances sharing it.
pub(super) enum Synced {
    /// The live state after a command here (answer `reply` with the
    /// command's milestone) or elsewhere.
    Live {
        live: LiveRecord,
        stats: Vec<TopicStat>,
        reply: Option<(oneshot::Sender<ControlOutcome>, Option<Milestone>)>,
    },
    Counts(HashMap<i64, i64>),
    /// The other instances' phones, and the stored live `seq`.
    Presence {
        others: i64,
        seq: Option<i64>,
    },
    /// A read failed (the next heartbeat tries again).
    Failed(Reading),
}

/// The reads a room has in flight, one of each kind at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    Counts,
    Presence,
}

/// Ticks between two presence heartbeats (about a second).
const PRESENCE_TICKS: u32 = 4;

/// What a room of an instance that shares its database needs for that.
pub(super) struct Sharing {
    store: Store,
    /// This instance's name in presence rows.
    instance: Arc<str>,
    synced: mpsc::UnboundedSender<Synced>,
    /// Taps were committed somewhere since the counts were last read.
    counts_stale: bool,
    /// The room's own counted taps when the read in flight began.
    counts_read_from: u64,
    reading_counts: bool,
    reading_presence: bool,
    ticks: u32,
}

impl Sharing {
    pub(super) fn new(
        store: Store,
        instance: Arc<str>,
        synced: mpsc::UnboundedSender<Synced>,
    ) -> Self {
        Sharing {
            store,
            instance,
            synced,
            // Read once at the start too: taps committed elsewhere between
            // the room's loading and its first notice are counted.
            counts_stale: true,
            counts_read_from: 0,
            reading_counts: false,
            reading_presence: false,
            ticks: 0,
        }
    }
}

impl Room {
    /// On a shared database, each tick: read the counts if taps were
    /// committed anywhere, and about once a second write this instance's
    /// presence and read the others' (with the live `seq`, to notice a
    /// change whose notice was lost).
    pub(super) fn sync_tick(&mut self) {
        let here = self.state.here_locally();
        let counted_here = self.state.counted_here();
        let gathering = self.state.gathering.id;
        let Some(sharing) = &mut self.sharing else {
            return;
        };
        if sharing.counts_stale && !sharing.reading_counts {
            sharing.counts_stale = false;
            sharing.reading_counts = true;
            sharing.counts_read_from = counted_here;
            let (store, synced) = (sharing.store.clone(), sharing.synced.clone());
            tokio::spawn(async move {
                let read = match store.tap_counts(gathering).await {
                    Ok(counts) => Synced::Counts(counts),
                    Err(error) => {
                        tracing::debug!(%error, "could not read the counts");
                        Synced::Failed(Reading::Counts)
                    }
                };
                let _ = synced.send(read);
            });
        }
        sharing.ticks += 1;
        if sharing.ticks >= PRESENCE_TICKS && !sharing.reading_presence {
            sharing.ticks = 0;
            sharing.reading_presence = true;
            let (store, synced) = (sharing.store.clone(), sharing.synced.clone());
            let instance = sharing.instance.clone();
            tokio::spawn(async move {
                let read = match store.presence(&instance, gathering, here).await {
                    Ok((others, seq)) => Synced::Presence { others, seq },
                    Err(error) => {
                        tracing::debug!(%error, "could not record presence");
                        Synced::Failed(Reading::Presence)
                    }
                };
                let _ = synced.send(read);
            });
        }
    }

    /// Reads the live state as stored; `reply` answers the console whose
    /// command changed it.
    fn read_live(&self, reply: Option<oneshot::Sender<ControlOutcome>>) {
        let Some(sharing) = &self.sharing else {
            return;
        };
        let (store, synced) = (sharing.store.clone(), sharing.synced.clone());
        let gathering = self.state.gathering.id;
        tokio::spawn(async move {
            match store.read_live(gathering).await {
                Ok((live, stats)) => {
                    let reply = reply.map(|reply| (reply, None));
                    let _ = synced.send(Synced::Live { live, stats, reply });
                }
                Err(error) => {
                    tracing::debug!(%error, "could not read the live state");
                    if let Some(reply) = reply {
                        let _ = reply.send(Err(unavailable()));
                    }
                }
            }
        });
    }

    /// What the database answered.
    pub(super) fn synced(&mut self, read: Synced) {
        let now = now_ms();
        match read {
            Synced::Live { live, stats, reply } => {
                let effects = self.state.apply_stored(live, stats, now);
                self.perform(effects);
                if let Some((reply, milestone)) = reply {
                    let _ = reply.send(Ok(milestone));
                }
            }
            Synced::Counts(counts) => {
                if let Some(sharing) = &mut self.sharing {
                    sharing.reading_counts = false;
                    if !self.state.set_counts(counts, sharing.counts_read_from) {
                        // Older than a tap counted here: read again.
                        sharing.counts_stale = true;
                    }
                }
            }
            Synced::Presence { others, seq } => {
                if let Some(sharing) = &mut self.sharing {
                    sharing.reading_presence = false;
                }
                self.state.set_others_here(others);
                if seq.is_some_and(|seq| seq > self.state.live_seq()) {
                    self.read_live(None);
                }
            }
            Synced::Failed(reading) => {
                if let Some(sharing) = &mut self.sharing {
                    match reading {
                        Reading::Counts => {
                            sharing.reading_counts = false;
                            sharing.counts_stale = true;
                        }
                        Reading::Presence => sharing.reading_presence = false,
                    }
                }
            }
        }
    }

    /// A command on a shared database: one transaction orders it with every
    /// other instance's; the room shows the stored result, then answers.
    pub(super) fn control_shared(
        &self,
        sharing: &Sharing,
        control: Control,
        reply: oneshot::Sender<ControlOutcome>,
    ) {
        let (store, synced) = (sharing.store.clone(), sharing.synced.clone());
        let gathering = self.state.gathering.id;
        let topics = self.state.topic_ids();
        let here = self.state.here();
        tokio::spawn(async move {
            let now = now_ms();
            let changed = store
                .change_live(gathering, now, |stored| {
                    commands::plan(&topics, stored, control, now, here)
                })
                .await;
            match changed {
                Ok(Ok(Some((live, stats, milestone)))) => {
                    let reply = Some((reply, milestone));
                    let _ = synced.send(Synced::Live { live, stats, reply });
                }
                Ok(Ok(None)) => {
                    let _ = reply.send(Ok(None));
                }
                Ok(Err(refused)) => {
                    let _ = reply.send(Err(refused));
                }
                Err(error) => {
                    tracing::warn!(%error, "a facilitator command could not be stored");
                    let _ = reply.send(Err(unavailable()));
                }
            }
        });
    }

    /// A notice from another instance (or the listener's reconnection).
    pub(super) fn notified(&mut self, notice: Notice) {
        match notice {
            Notice::Live { seq, .. } if seq > self.state.live_seq() => self.read_live(None),
            Notice::Counts { .. } => {
                if let Some(sharing) = &mut self.sharing {
                    sharing.counts_stale = true;
                }
            }
            Notice::Resync => {
                if let Some(sharing) = &mut self.sharing {
                    sharing.counts_stale = true;
                }
                self.state.requests.mark(super::requests::Stale::Requests);
                self.read_live(None);
            }
            _ => {}
        }
    }

    /// The room is closing: its presence row goes (best effort: a row left
    /// behind stops counting within seconds).
    pub(super) fn leave_presence(&self) {
        if let Some(sharing) = &self.sharing {
            let (store, instance) = (sharing.store.clone(), sharing.instance.clone());
            let gathering = self.state.gathering.id;
            tokio::spawn(async move {
                let leave = store.leave_presence(&instance, gathering);
                let _ = tokio::time::timeout(Duration::from_secs(2), leave).await;
            });
        }
    }
}
