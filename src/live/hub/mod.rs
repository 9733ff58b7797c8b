//! The hub: the registry of open rooms, one per live gathering. Telling rooms
//! of changes (here and on other instances) is in [`notices`], the sockets of
//! sessions and moderator links in [`sessions`], stopping in [`stop`].
//!
//! A room opens the first time anyone asks for its gathering (a page, a socket)
//! and loads what the store holds, so a restarted server resumes each gathering
//! where it was. The registry lock is held only to find or insert a handle,
//! never on the live path.

mod notices;
mod sessions;
mod stop;

use super::outbox::OutboxStats;
use super::revocations::Signals;
use super::room::{self, RoomHandle};
use crate::domain::JoinCode;
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
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

    fn open_room(&self, gathering_id: i64) -> Option<RoomHandle> {
        // unwrap: see above.
        let rooms = self.rooms.lock().unwrap();
        rooms.get(&gathering_id).filter(|r| !r.is_closed()).cloned()
    }

    /// The group-commit writer, to drain at a stop.
    pub fn writer(&self) -> &Writer {
        &self.writer
    }
}
