//! The hub: the registry of open rooms, one per live gathering.
//!
//! A room opens the first time anyone asks for its gathering (a page, a socket)
//! and loads what the store holds, so a restarted server resumes each gathering
//! where it was. The registry lock is held only to find or insert a handle,
//! never on the live path.

use super::outbox::OutboxStats;
use super::protocol::Revocation;
use super::revocations::{SessionEnd, Signals, Watching};
use super::room::{self, RoomCommand, RoomHandle};
use crate::domain::JoinCode;
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::store::notify::Notice;
use crate::store::writer::Writer;
use crate::store::{Gathering, Store};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;
use tokio_util::task::TaskTracker;

/// How often each instance checks that the sessions of its open console
/// sockets, and the links of its helpers' pages, are still valid (see
/// [`Hub::sweep_sessions_forever`]).
pub const SESSION_SWEEP_EVERY: Duration = Duration::from_secs(5);

/// Settings every live connection follows.
#[derive(Debug, Clone)]
pub struct LiveSettings {
    pub ping_interval: Duration,
    pub client_timeout: Duration,
    /// Largest websocket frame accepted.
    pub max_frame_bytes: usize,
    /// Messages a socket may send per second on average...
    pub messages_per_second: u32,
    /// ...and in one burst.
    pub message_burst: u32,
    /// A room nobody is connected to stops after this long.
    pub room_idle: Duration,
}

impl Default for LiveSettings {
    fn default() -> Self {
        LiveSettings {
            ping_interval: Duration::from_secs(15),
            client_timeout: Duration::from_secs(45),
            max_frame_bytes: 64 * 1024,
            messages_per_second: 10,
            message_burst: 40,
            room_idle: Duration::from_secs(10 * 60),
        }
    }
}

pub struct Hub {
    store: Store,
    writer: Writer,
    epoch: Arc<str>,
    rooms: Mutex<HashMap<i64, RoomHandle>>,
    /// Open rooms by join code (codes never change), so a phone joining an
    /// open room costs no database read.
    codes: Mutex<HashMap<String, (i64, RoomHandle)>>,
    /// Serialises room opening, so two first visitors do not open two rooms.
    opening: tokio::sync::Mutex<()>,
    shutdown: watch::Sender<bool>,
    /// Every room task, so shutdown can wait for each to save its figures.
    rooms_running: TaskTracker,
    /// Per facilitator session and moderator link: ended to close its sockets.
    signals: Signals,
    /// What every socket has queued, added up.
    outbox_stats: Arc<OutboxStats>,
    /// Frames serialised for the rooms' feeds, every room added up.
    frames_encoded: Arc<AtomicU64>,
    pub settings: LiveSettings,
}

impl Hub {
    pub fn new(store: Store, writer: Writer, settings: LiveSettings) -> Self {
        let epoch: u64 = rand::random();
        Hub {
            store,
            writer,
            epoch: Arc::from(format!("{epoch:016x}")),
            rooms: Mutex::new(HashMap::new()),
            codes: Mutex::new(HashMap::new()),
            opening: tokio::sync::Mutex::new(()),
            shutdown: watch::channel(false).0,
            rooms_running: TaskTracker::new(),
            signals: Signals::default(),
            outbox_stats: Arc::new(OutboxStats::default()),
            frames_encoded: Arc::new(AtomicU64::new(0)),
            settings,
        }
    }

    pub fn epoch(&self) -> &str {
        &self.epoch
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// What every live socket has queued and not yet handed to the network.
    pub fn outbox_stats(&self) -> Arc<OutboxStats> {
        self.outbox_stats.clone()
    }

    /// How many frames the rooms have serialised for their feeds so far:
    /// once per role and language in use for each change, however many
    /// sockets share it.
    pub fn frames_encoded(&self) -> u64 {
        self.frames_encoded.load(Ordering::Relaxed)
    }

    /// Whether the group-commit writer is getting writes onto the disk.
    pub fn writer_health(&self) -> crate::store::writer::WriterHealth {
        self.writer.health()
    }

    /// The gathering with this code, or a friendly not-found error.
    pub async fn gathering(&self, code: &str) -> AppResult<Gathering> {
        let not_found =
            || AppError::NotFound(Message::new("error-no-gathering-code").text("code", code));
        let code = JoinCode::parse(code).map_err(|_| not_found())?;
        self.store
            .find_gathering(&code)
            .await?
            .ok_or_else(not_found)
    }

    /// The gathering with this code and its room, or a friendly not-found error.
    pub async fn find(&self, code: &str) -> AppResult<(Gathering, RoomHandle)> {
        let gathering = self.gathering(code).await?;
        let room = self.room(&gathering).await?;
        Ok((gathering, room))
    }

    /// The gathering's room, opened if need be; refused once the server is
    /// stopping (the phone comes back to the next process).
    pub async fn room(&self, gathering: &Gathering) -> AppResult<RoomHandle> {
        if self.stopping() {
            return Err(AppError::Restarting);
        }
        if let Some(room) = self.open_room(gathering.id) {
            return Ok(room);
        }
        let _opening = self.opening.lock().await;
        // Checked under the lock the stop takes too: no room opens after it.
        if self.stopping() {
            return Err(AppError::Restarting);
        }
        if let Some(room) = self.open_room(gathering.id) {
            return Ok(room);
        }
        let seed = self.store.load_room_seed(gathering).await?;
        // The room runs on the runtime of whoever opened it: an HTTP worker,
        // whose sockets it then wakes with no cross-thread hand-off per frame
        // (with one worker, every socket is there).
        let room = room::spawn(
            seed,
            self.epoch.clone(),
            self.writer.clone(),
            self.store.clone(),
            room::RoomOptions {
                idle: self.settings.room_idle,
                encoded: self.frames_encoded.clone(),
                stop: self.shutdown.subscribe(),
            },
            &self.rooms_running,
            &tokio::runtime::Handle::current(),
        );
        // unwrap: the lock is never held across a panic-prone call.
        self.rooms
            .lock()
            .unwrap()
            .insert(gathering.id, room.clone());
        // unwrap: see above.
        self.codes
            .lock()
            .unwrap()
            .insert(gathering.code.clone(), (gathering.id, room.clone()));
        Ok(room)
    }

    /// The open room of a join code and the code as stored, without reading
    /// the database; `None` when no room is open for it (ask [`Hub::find`]).
    pub fn open_room_by_code(&self, code: &str) -> Option<(String, RoomHandle)> {
        let code = JoinCode::parse(code).ok()?;
        // unwrap: the lock is never held across a panic-prone call.
        let codes = self.codes.lock().unwrap();
        let (id, room) = codes.get(code.as_str())?;
        (!room.is_closed() && self.open_room(*id).is_some())
            .then(|| (code.as_str().to_string(), room.clone()))
    }

    /// The live state for a page. A room that stopped for being idle between
    /// finding it and asking it is opened again.
    pub async fn view(
        &self,
        gathering: &Gathering,
        role: super::protocol::Role,
        device: Option<super::room::DeviceId>,
        language: super::room::Language,
    ) -> AppResult<super::protocol::Snapshot> {
        for _ in 0..3 {
            let room = self.room(gathering).await?;
            if let Ok(view) = room.view(role, device.clone(), language).await {
                return Ok(view);
            }
        }
        Err(AppError::internal(
            "the gathering's room could not be opened",
        ))
    }

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
                super::room::Stale::Prayers
            } else {
                super::room::Stale::Requests
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
    async fn tell_others(&self, notice: Notice) {
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

    /// Whether a topic is on screen right now (the room knows before the disk does).
    pub async fn is_showing_topic(&self, gathering: &Gathering) -> bool {
        if gathering.status == "live" {
            return true;
        }
        match self.open_room(gathering.id) {
            Some(room) => room
                .view(super::protocol::Role::Console, None, "")
                .await
                .is_ok_and(|view| view.live.phase == super::protocol::Phase::Topic),
            None => false,
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

    fn open_room(&self, gathering_id: i64) -> Option<RoomHandle> {
        // unwrap: see above.
        let rooms = self.rooms.lock().unwrap();
        rooms.get(&gathering_id).filter(|r| !r.is_closed()).cloned()
    }

    /// A console's or helper's socket watches this to close when its session
    /// (by token hash) or moderator link ([`super::revocations::link_key`])
    /// ends; `account` is a console's.
    pub fn session_signal(
        &self,
        key: &str,
        account: Option<i64>,
    ) -> watch::Receiver<Option<SessionEnd>> {
        self.signals.subscribe(key, account)
    }

    /// Closes every socket of a session or link, on every instance sharing
    /// the database, telling them why.
    pub async fn revoke_session(&self, key: &str, end: SessionEnd) {
        self.signals.end(key, end);
        self.tell_others(Notice::Logout {
            session: key.to_string(),
            from: self.epoch.to_string(),
            end,
        })
        .await;
    }

    /// The sessions and links whose sockets are open on this instance.
    pub fn watching(&self) -> Watching {
        self.signals.watching()
    }

    /// Every [`SESSION_SWEEP_EVERY`], closes the sockets of sessions and
    /// moderator links that are no longer valid: ended elsewhere (an account
    /// disabled from the command line, or by another instance), revoked, or
    /// expired. Runs until the task is aborted at shutdown; a failed look-up
    /// is logged and tried again.
    pub async fn sweep_sessions_forever(self: Arc<Self>) {
        let mut every = tokio::time::interval(SESSION_SWEEP_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            if let Err(error) = self.sweep_once().await {
                tracing::warn!(%error, "could not check the open sessions");
            }
        }
    }

    async fn sweep_once(&self) -> Result<(), sqlx::Error> {
        let Watching { sessions, links } = self.signals.watching();
        let mut closed = 0;
        if !sessions.is_empty() {
            let hashes: Vec<String> = sessions.iter().map(|(hash, _)| hash.clone()).collect();
            let live = self.store.live_sessions(&hashes).await?;
            for (hash, account) in sessions.iter().filter(|(hash, _)| !live.contains(hash)) {
                // A session ends with its account when that is disabled.
                let reason = match account {
                    Some(id) if self.store.enabled_account(*id).await?.is_none() => {
                        Revocation::AccountDisabled
                    }
                    _ => Revocation::SignedOut,
                };
                self.signals.end(hash, SessionEnd::Revoked(reason));
                closed += 1;
            }
        }
        if !links.is_empty() {
            let live = self.store.live_moderator_links(&links).await?;
            for hash in links.iter().filter(|hash| !live.contains(hash)) {
                self.signals.end(
                    &super::revocations::link_key(hash),
                    SessionEnd::Revoked(Revocation::LinkRevoked),
                );
                closed += 1;
            }
        }
        if closed > 0 {
            tracing::info!(
                sockets = closed,
                "sockets of ended sessions and revoked links closed"
            );
        }
        Ok(())
    }

    /// Connections watch this to close with "going away" at shutdown. It may
    /// already be set: wait with `wait_for`, which sees that, not `changed`.
    pub fn shutdown_signal(&self) -> watch::Receiver<bool> {
        self.shutdown.subscribe()
    }

    /// Whether the server is stopping: nothing new is taken on.
    pub fn stopping(&self) -> bool {
        *self.shutdown.borrow()
    }

    /// Stops the live side: no room opens from now on, every socket closes
    /// with "going away" (its phone comes back to the next process), and every
    /// room stops at once, queueing its last figures for the writer, whatever
    /// is still arriving. Waits for the rooms until `deadline`; returns how
    /// many had not stopped by then (their last figures are not queued).
    pub async fn stop_rooms(&self, deadline: tokio::time::Instant) -> usize {
        {
            // Under the opening lock: a room being opened now is opened
            // before the signal (and sees it), or not at all.
            let _opening = self.opening.lock().await;
            let _ = self.shutdown.send(true);
        }
        // unwrap: see above.
        self.rooms.lock().unwrap().clear();
        // unwrap: see above.
        self.codes.lock().unwrap().clear();
        self.rooms_running.close();
        if tokio::time::timeout_at(deadline, self.rooms_running.wait())
            .await
            .is_err()
        {
            let open = self.rooms_running.len();
            tracing::warn!(rooms = open, "rooms still open at the shutdown deadline");
            return open;
        }
        0
    }

    /// The group-commit writer, to drain at a stop.
    pub fn writer(&self) -> &Writer {
        &self.writer
    }
}
