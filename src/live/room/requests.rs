//! A room's prayer requests, as last read from the store: what the room may
//! see (approved, for everyone), what the console sees (every request), and
//! which phones prayed for which. Pure: the room task reads the store and
//! hands the rows in; [`RequestBoard::update`] says which frames must go out.
//!
//! Requests are written straight to the store by the socket that received
//! them (they are rare, and each is acknowledged once committed); the room
//! only follows, re-reading the rows when told something changed, so every
//! instance sharing the database shows the same requests.

use crate::domain::prayer_request::{Audience, RequestStatus};
use crate::live::protocol::{PublicRequest, QueuedRequest, RequestCount};
use crate::store::StoredRequest;
use std::collections::{BTreeSet, HashMap};

use super::DeviceId;

/// The most approved requests phones and the projector are sent (the
/// newest): a frame stays small however many the evening brings.
pub const MAX_PUBLIC_REQUESTS: usize = 100;
/// Shortest time between two re-reads for prayers alone (ms): a request's
/// count need not move more than about once a second.
pub const PRAYERS_READ_EVERY_MS: i64 = 1_000;

/// Which frames a new reading calls for.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    /// The approved list (words, names, which requests).
    pub public: bool,
    /// Only how many pray for the approved requests.
    pub counts: bool,
    /// Anything the console sees.
    pub queue: bool,
}

/// Why the room should read the requests again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stale {
    /// Someone prayed: read within about a second.
    Prayers,
    /// A request arrived or was moderated: read at the next tick.
    Requests,
}

#[derive(Debug, Default)]
pub struct RequestBoard {
    public: Vec<PublicRequest>,
    queue: Vec<QueuedRequest>,
    /// Requests each phone prayed for, as acknowledged through this room.
    prayed: HashMap<DeviceId, BTreeSet<i64>>,
    stale: Option<Stale>,
    reading: bool,
    read_at: i64,
    /// The facilitator chose to keep approved requests on the phones'
    /// keep-praying page after the end.
    keep_after_end: bool,
}

impl RequestBoard {
    /// A board that reads the store at the first chance.
    pub fn new() -> Self {
        RequestBoard {
            stale: Some(Stale::Requests),
            read_at: i64::MIN / 2,
            ..RequestBoard::default()
        }
    }

    pub fn public(&self) -> &[PublicRequest] {
        &self.public
    }

    /// The approved requests phones may see once the gathering has ended:
    /// all of them if the facilitator chose so, else none.
    pub fn after_end(&self) -> &[PublicRequest] {
        match self.keep_after_end {
            true => &self.public,
            false => &[],
        }
    }

    pub fn queue(&self) -> &[QueuedRequest] {
        &self.queue
    }

    /// How many pray for each approved request.
    pub fn counts(&self) -> Vec<RequestCount> {
        self.public
            .iter()
            .map(|r| RequestCount {
                id: r.id,
                praying: r.praying,
            })
            .collect()
    }

    pub fn prayed_by(&self, device: &DeviceId) -> Vec<i64> {
        self.prayed
            .get(device)
            .map(|ids| ids.iter().copied().collect())
            .unwrap_or_default()
    }

    /// Something changed in the store.
    pub fn mark(&mut self, why: Stale) {
        self.stale = self.stale.max(Some(why));
    }

    /// A prayer committed for this phone.
    pub fn prayed(&mut self, device: DeviceId, request: i64) {
        self.prayed.entry(device).or_default().insert(request);
        self.mark(Stale::Prayers);
    }

    /// Whether to start a read at `now` (ms); if so, one is in flight until
    /// [`RequestBoard::update`] or [`RequestBoard::read_failed`].
    pub fn should_read(&mut self, now: i64) -> bool {
        let due = match self.stale {
            None => false,
            Some(Stale::Requests) => true,
            Some(Stale::Prayers) => now - self.read_at >= PRAYERS_READ_EVERY_MS,
        };
        if !due || self.reading {
            return false;
        }
        self.reading = true;
        self.stale = None;
        self.read_at = now;
        true
    }

    /// The read failed: try again at a later tick.
    pub fn read_failed(&mut self) {
        self.reading = false;
        self.mark(Stale::Requests);
    }

    /// The rows as read, with the facilitator's keep-list choice; returns
    /// which frames must go out.
    pub fn update(&mut self, rows: &[StoredRequest], keep_after_end: bool) -> Changed {
        self.reading = false;
        let keep_changed = keep_after_end != self.keep_after_end;
        self.keep_after_end = keep_after_end;
        let mut public: Vec<PublicRequest> = rows
            .iter()
            .rev()
            .filter(|r| r.status == RequestStatus::Approved && r.audience == Audience::Everyone)
            .filter_map(|r| {
                Some(PublicRequest {
                    id: r.id,
                    text: r.body.clone()?,
                    name: r.first_name.clone().unwrap_or_default(),
                    praying: r.praying,
                })
            })
            .collect();
        public.truncate(MAX_PUBLIC_REQUESTS);
        // The queue first, then the approved, then the hidden; oldest first in each.
        let mut queue: Vec<QueuedRequest> = rows
            .iter()
            .map(|r| QueuedRequest {
                id: r.id,
                text: r.body.clone().unwrap_or_default(),
                name: r.first_name.clone().unwrap_or_default(),
                audience: r.audience.as_str().to_string(),
                status: r.status.as_str().to_string(),
                prayed_for: r.prayed_for,
                praying: r.praying,
            })
            .collect();
        queue.sort_by_key(|r| {
            let order = match r.status.as_str() {
                "new" => 0,
                "approved" => 1,
                _ => 2,
            };
            (order, r.id)
        });
        let words = |list: &[PublicRequest]| -> Vec<(i64, String, String)> {
            list.iter()
                .map(|r| (r.id, r.text.clone(), r.name.clone()))
                .collect()
        };
        let changed = Changed {
            public: keep_changed || words(&public) != words(&self.public),
            counts: public != self.public,
            queue: queue != self.queue,
        };
        self.public = public;
        self.queue = queue;
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn row(id: i64, status: RequestStatus, audience: Audience, praying: i64) -> StoredRequest {
        StoredRequest {
            id,
            body: Some(format!("request {id}")),
            first_name: None,
            audience,
            status,
            prayed_for: false,
            edited: false,
            submitted_at: id,
            praying,
        }
    }

    #[test]
    fn the_room_sees_only_approved_requests_for_everyone_newest_first() {
        let mut board = RequestBoard::new();
        let changed = board.update(
            &[
                row(1, RequestStatus::Approved, Audience::Everyone, 0),
                row(2, RequestStatus::New, Audience::Everyone, 0),
                row(3, RequestStatus::Approved, Audience::Team, 0),
                row(4, RequestStatus::Hidden, Audience::Everyone, 0),
                row(5, RequestStatus::Approved, Audience::Everyone, 2),
            ],
            false,
        );
        assert!(changed.public && changed.queue);
        let ids: Vec<i64> = board.public().iter().map(|r| r.id).collect();
        assert_eq!(ids, vec![5, 1]);
        let queue: Vec<(i64, &str)> = board
            .queue()
            .iter()
            .map(|r| (r.id, r.status.as_str()))
            .collect();
        assert_eq!(
            queue,
            vec![
                (2, "new"),
                (1, "approved"),
                (3, "approved"),
                (5, "approved"),
                (4, "hidden")
            ]
        );
    }

    #[test]
    fn a_prayer_alone_changes_only_the_counts() {
        let mut board = RequestBoard::new();
        board.update(
            &[row(1, RequestStatus::Approved, Audience::Everyone, 0)],
            false,
        );
        let changed = board.update(
            &[row(1, RequestStatus::Approved, Audience::Everyone, 1)],
            false,
        );
        assert_eq!(
            changed,
            Changed {
                public: false,
                counts: true,
                queue: true
            }
        );
        assert_eq!(board.counts(), vec![RequestCount { id: 1, praying: 1 }]);
        let same = board.update(
            &[row(1, RequestStatus::Approved, Audience::Everyone, 1)],
            false,
        );
        assert_eq!(same, Changed::default());
    }

    #[test]
    fn prayers_are_read_at_most_once_a_second_and_requests_at_once() {
        let mut board = RequestBoard::new();
        assert!(board.should_read(0), "a new board reads");
        assert!(!board.should_read(10), "one read at a time");
        board.update(&[], false);
        board.prayed(Arc::from("phone"), 7);
        assert!(!board.should_read(500));
        assert!(board.should_read(1_000));
        board.update(&[], false);
        board.mark(Stale::Requests);
        assert!(board.should_read(1_001), "a new request is read at once");
        board.read_failed();
        assert!(board.should_read(1_002), "a failed read is tried again");
        assert_eq!(board.prayed_by(&Arc::from("phone")), vec![7]);
    }

    #[test]
    fn words_deleted_by_the_retention_leave_the_room() {
        let mut board = RequestBoard::new();
        let mut forgotten = row(1, RequestStatus::Approved, Audience::Everyone, 3);
        forgotten.body = None;
        board.update(&[forgotten], false);
        assert!(board.public().is_empty());
        assert_eq!(board.queue()[0].text, "");
    }
}
