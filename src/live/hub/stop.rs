//! Stopping the live side: nothing new is taken on, sockets close, rooms
//! stop and queue their last figures.

use super::Hub;
use tokio::sync::watch;

impl Hub {
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
}
