//! Ceilings per network address (or other key) over a time window: new
//! anonymous device identities (so one script cannot mint thousands of "phones"
//! and inflate a gathering's figures, while a whole venue behind one router
//! still joins), and facilitator password attempts (so a password cannot be
//! guessed quickly), per address and per known browser.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Counts events per key (by default a network address); at most `per_window`
/// in each `window`.
pub struct AddressLimiter<K = IpAddr> {
    per_window: u32,
    window: Duration,
    seen: Mutex<HashMap<K, (Instant, u32)>>,
}

impl<K: Hash + Eq> AddressLimiter<K> {
    pub fn new(per_window: u32, window: Duration) -> Self {
        AddressLimiter {
            per_window,
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one event from `ip`; false (and not counted) once the ceiling is
    /// reached. Check and count are one step under the lock, so parallel
    /// requests cannot all pass a check made before any of them is counted.
    pub fn allow(&self, ip: Option<K>) -> bool {
        let Some(ip) = ip else { return true };
        let now = Instant::now();
        // unwrap: the lock is never held across a panic-prone call.
        let mut seen = self.seen.lock().unwrap();
        if seen.len() > 100_000 {
            let window = self.window;
            seen.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = seen.entry(ip).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.per_window {
            return false;
        }
        entry.1 += 1;
        true
    }

    /// Whether `ip` has reached the ceiling, counting nothing: for a check
    /// before work that is counted only when it fails (an unknown join code),
    /// so that many requests at once that succeed are never held back.
    pub fn blocked(&self, ip: Option<&K>) -> bool {
        let Some(ip) = ip else { return false };
        // unwrap: the lock is never held across a panic-prone call.
        let seen = self.seen.lock().unwrap();
        seen.get(ip).is_some_and(|(start, count)| {
            start.elapsed() < self.window && *count >= self.per_window
        })
    }

    /// Gives back one event counted by [`allow`](Self::allow) (a login that
    /// turned out right, or a guess that was never checked).
    pub fn refund(&self, ip: Option<K>) {
        let Some(ip) = ip else { return };
        // unwrap: the lock is never held across a panic-prone call.
        let mut seen = self.seen.lock().unwrap();
        if let Some(entry) = seen.get_mut(&ip) {
            entry.1 = entry.1.saturating_sub(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_has_its_own_ceiling() {
        let limiter = AddressLimiter::new(3, Duration::from_secs(600));
        let venue: IpAddr = "192.168.1.1".parse().unwrap();
        let other: IpAddr = "10.0.0.7".parse().unwrap();
        assert!((0..3).all(|_| limiter.allow(Some(venue))));
        assert!(!limiter.allow(Some(venue)));
        assert!(limiter.allow(Some(other)));
        assert!(limiter.allow(None), "no address known: not limited");
        assert!(limiter.blocked(Some(&venue)));
        assert!(!limiter.blocked(Some(&other)) && !limiter.blocked(None));
        limiter.refund(Some(venue));
        assert!(limiter.allow(Some(venue)), "a refund frees one place");
        assert!(!limiter.allow(Some(venue)));
    }
}
