//! What a change means for the rooms: an agenda edited, requests changed,
//! a gathering deleted. Applied to this instance's room, and told to the
//! other instances sharing the database, which apply it to theirs.

use super::Hub;
use crate::domain::JoinCode;
use crate::error::AppResult;
use crate::live::room::{RoomCommand, RoomHandle};
use crate::store::Gathering;
use crate::store::notify::Notice;
use std::sync::Arc;

impl Hub {
    /// After an edit: an open room shows the new agenda at once, on every
    /// instance sharing the database.
    pub async fn agenda_changed(&self, gathering: &Gathering) -> AppResult<()> {
        self.reload_agenda(gathering.id).await?;
        self.tell_others(Notice::Agenda {
            gathering: gathering.id,
            from: self.epoch.to_string(),
        })
        .await;
        Ok(())
    }

    /// A gathering's prayer requests changed (`prayers`: only prayers for
    /// them): its rooms read them again, on every instance.
    pub async fn requests_changed(&self, gathering_id: i64, prayers: bool) {
        self.requests_changed_here(gathering_id, prayers).await;
        self.tell_others(Notice::Requests {
            gathering: gathering_id,
            prayers,
        })
        .await;
    }

    async fn requests_changed_here(&self, gathering_id: i64, prayers: bool) {
        if let Some(room) = self.open_room(gathering_id) {
            let why = if prayers {
                crate::live::room::Stale::Prayers
            } else {
                crate::live::room::Stale::Requests
            };
            let _ = room.send(RoomCommand::RequestsChanged(why)).await;
        }
    }

    /// This instance's open room of the gathering (if any) reloads its agenda.
    async fn reload_agenda(&self, gathering_id: i64) -> AppResult<()> {
        if let Some(room) = self.open_room(gathering_id) {
            // unwrap: the lock is never held across a panic-prone call.
            let code = (self.codes.lock().unwrap().iter())
                .find(|(_, (id, _))| *id == gathering_id)
                .and_then(|(code, _)| JoinCode::parse(code).ok());
            let Some(code) = code else { return Ok(()) };
            let Some(gathering) = self.store.find_gathering(&code).await? else {
                return Ok(());
            };
            let agenda = self.store.load_agenda(&gathering).await?;
            let _ = room
                .send(RoomCommand::Reload {
                    agenda: Box::new(agenda),
                })
                .await;
        }
        Ok(())
    }

    /// Sends a notice to the other instances sharing the database. A notice
    /// that cannot be sent is logged: the others still catch up through
    /// their rooms' heartbeat (live state) or their next read.
    pub(super) async fn tell_others(&self, notice: Notice) {
        if let Err(error) = self.store.notify(&notice).await {
            tracing::warn!(%error, "could not tell the other instances");
        }
    }

    /// Listens for the other instances' notices (on a shared database) and
    /// hands each to the rooms it concerns, until shutdown.
    pub fn follow_other_instances(self: &Arc<Self>) {
        let (notices, mut received) = tokio::sync::mpsc::unbounded_channel();
        if self.store.listen(notices, self.shutdown_signal()).is_none() {
            return;
        }
        let hub = Arc::downgrade(self);
        tokio::spawn(async move {
            while let Some(notice) = received.recv().await {
                let Some(hub) = hub.upgrade() else { return };
                hub.notified(notice).await;
            }
        });
    }

    /// One notice from the database.
    async fn notified(&self, notice: Notice) {
        let me = &*self.epoch;
        match notice {
            Notice::Live { gathering, .. } | Notice::Counts { gathering } => {
                if let Some(room) = self.open_room(gathering) {
                    let _ = room.send(RoomCommand::Notified(notice)).await;
                }
            }
            Notice::Resync => {
                // unwrap: the lock is never held across a panic-prone call.
                let rooms: Vec<RoomHandle> = self.rooms.lock().unwrap().values().cloned().collect();
                for room in rooms {
                    let _ = room.send(RoomCommand::Notified(Notice::Resync)).await;
                }
            }
            Notice::Agenda { gathering, from } if from != me => {
                if let Err(error) = self.reload_agenda(gathering).await {
                    tracing::warn!(%error, "could not reload an agenda edited elsewhere");
                }
            }
            Notice::Deleted { gathering, from } if from != me => self.forget_here(gathering).await,
            Notice::Requests { gathering, prayers } => {
                self.requests_changed_here(gathering, prayers).await
            }
            Notice::Logout { session, from, end } if from != me => self.signals.end(&session, end),
            _ => {}
        }
    }

    /// Forgets a deleted gathering's room (its sockets close when it stops),
    /// on every instance sharing the database.
    pub async fn forget(&self, gathering_id: i64) {
        self.forget_here(gathering_id).await;
        self.tell_others(Notice::Deleted {
            gathering: gathering_id,
            from: self.epoch.to_string(),
        })
        .await;
    }

    async fn forget_here(&self, gathering_id: i64) {
        // unwrap: the lock is never held across a panic-prone call.
        let room = self.rooms.lock().unwrap().remove(&gathering_id);
        // unwrap: see above.
        self.codes
            .lock()
            .unwrap()
            .retain(|_, (id, _)| *id != gathering_id);
        if let Some(room) = room {
            let _ = room.send(RoomCommand::Deleted).await;
        }
    }
}
