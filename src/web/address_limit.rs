//! Ceilings per network address over a time window: new anonymous device
//! identities (so one script cannot mint thousands of "phones" and inflate a
//! gathering's figures, while a whole venue behind one router still joins), and
//! wrong facilitator passwords (so a password cannot be guessed quickly).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Counts events per address; at most `per_window` in each `window`.
pub struct AddressLimiter {
    per_window: u32,
    window: Duration,
    seen: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl AddressLimiter {
    pub fn new(per_window: u32, window: Duration) -> Self {
        AddressLimiter {
            per_window,
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one event from `ip`; false (and not counted) once the ceiling is reached.
    pub fn allow(&self, ip: Option<IpAddr>) -> bool {
        self.update(ip, true)
    }

    /// Whether `ip` has reached the ceiling, without counting anything.
    pub fn blocked(&self, ip: Option<IpAddr>) -> bool {
        !self.update(ip, false)
    }

    fn update(&self, ip: Option<IpAddr>, count: bool) -> bool {
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
        if count {
            entry.1 += 1;
        }
        true
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
        assert!(limiter.blocked(Some(venue)));
        assert!(!limiter.allow(Some(venue)));
        assert!(limiter.allow(Some(other)));
        assert!(limiter.allow(None), "no address known: not limited");
    }
}
