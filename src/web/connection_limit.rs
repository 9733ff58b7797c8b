//! Ceilings on open connections, so that nobody can take every file descriptor
//! and leave `/healthz`, the facilitator's login and new phones hanging.
//!
//! * **Per address**: actix-web cannot refuse a connection before its request
//!   arrives (`on_connect` only observes), so [`ConnectionLimits::on_connect`]
//!   counts each connection's peer address there and, over the ceiling, shuts
//!   the socket down at once: the client sees the connection closed, actix-http
//!   sees end of stream and drops it, and its descriptor is freed. Admitted
//!   connections carry a [`ConnectionTicket`] in their connection data, which
//!   gives the place back when the connection ends.
//! * **Descriptors in reserve**: past `open files - reserved` open connections,
//!   [`gate`] answers only `/healthz`, the login page and its assets; anything
//!   else gets a quick 503 that closes the connection. actix's own
//!   `max_connections` is set below the descriptor limit (see `startup`), so
//!   the process never runs out of descriptors in `accept`.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Extensions, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse};
use std::any::Any;
use std::collections::HashMap;
use std::net::{IpAddr, Shutdown};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Paths still served when descriptors run short: the health check, and what
/// the facilitator needs to log in.
const ESSENTIAL_PATHS: [&str; 3] = ["/healthz", "/login", "/static/"];

/// Counts open connections, in all and per peer address.
pub struct ConnectionLimits {
    per_address: usize,
    /// Open connections past which only essential paths are served.
    essential_only_above: usize,
    open: AtomicUsize,
    per_ip: Mutex<HashMap<IpAddr, usize>>,
    refused: AtomicU64,
    /// When a refusal was last logged, in seconds since `started` (so a flood
    /// of refusals is one log line every few seconds, not one per socket).
    last_logged: AtomicU64,
    started: std::time::Instant,
}

/// An admitted connection's place; dropped with the connection.
pub struct ConnectionTicket {
    limits: Arc<ConnectionLimits>,
    ip: Option<IpAddr>,
    /// Admitted while descriptors were short: essential paths only.
    essential_only: bool,
}

impl ConnectionLimits {
    pub fn new(per_address: usize, essential_only_above: usize) -> Arc<Self> {
        Arc::new(ConnectionLimits {
            per_address: per_address.max(1),
            essential_only_above,
            open: AtomicUsize::new(0),
            per_ip: Mutex::new(HashMap::new()),
            refused: AtomicU64::new(0),
            last_logged: AtomicU64::new(0),
            started: std::time::Instant::now(),
        })
    }

    /// Connections open now.
    pub fn open(&self) -> usize {
        self.open.load(Ordering::SeqCst)
    }

    /// A place for a connection from `ip`, or `None` when that address is at
    /// its ceiling.
    pub fn admit(self: &Arc<Self>, ip: Option<IpAddr>) -> Option<ConnectionTicket> {
        if let Some(ip) = ip {
            // unwrap: the lock is never held across a panic-prone call.
            let mut per_ip = self.per_ip.lock().unwrap();
            let count = per_ip.entry(ip).or_insert(0);
            if *count >= self.per_address {
                return None;
            }
            *count += 1;
        }
        let before = self.open.fetch_add(1, Ordering::SeqCst);
        Some(ConnectionTicket {
            limits: self.clone(),
            ip,
            essential_only: before >= self.essential_only_above,
        })
    }

    /// For `HttpServer::on_connect`: admits the connection (its ticket goes in
    /// the connection data) or shuts its socket down at once.
    pub fn on_connect(self: &Arc<Self>, connection: &dyn Any, data: &mut Extensions) {
        let Some(stream) = connection.downcast_ref::<actix_web::rt::net::TcpStream>() else {
            return;
        };
        let ip = stream.peer_addr().ok().map(|a| a.ip());
        match self.admit(ip) {
            Some(ticket) => {
                data.insert(ticket);
            }
            None => {
                let socket = socket2::SockRef::from(stream);
                // A reset rather than a graceful close: nothing lingers.
                let _ = socket.set_linger(Some(Duration::ZERO));
                let _ = socket.shutdown(Shutdown::Both);
                self.log_refusal(ip);
            }
        }
    }

    fn log_refusal(&self, ip: Option<IpAddr>) {
        let refused = self.refused.fetch_add(1, Ordering::SeqCst) + 1;
        let now = self.started.elapsed().as_secs() + 1;
        let last = self.last_logged.load(Ordering::SeqCst);
        if now >= last + 5
            && self
                .last_logged
                .compare_exchange(last, now, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
        {
            tracing::warn!(
                address = ?ip,
                refused_so_far = refused,
                "connection refused: too many open connections from one address"
            );
        }
    }
}

impl Drop for ConnectionTicket {
    fn drop(&mut self) {
        self.limits.open.fetch_sub(1, Ordering::SeqCst);
        if let Some(ip) = self.ip {
            // unwrap: the lock is never held across a panic-prone call.
            let mut per_ip = self.limits.per_ip.lock().unwrap();
            if let Some(count) = per_ip.get_mut(&ip) {
                *count -= 1;
                if *count == 0 {
                    per_ip.remove(&ip);
                }
            }
        }
    }
}

/// Middleware: on a connection admitted while descriptors were short, serves
/// only the essential paths and refuses the rest at once with 503.
pub async fn gate(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let essential_only = req
        .conn_data::<ConnectionTicket>()
        .is_some_and(|ticket| ticket.essential_only);
    let path = req.path();
    if essential_only && !ESSENTIAL_PATHS.iter().any(|p| path.starts_with(p)) {
        let refusal = HttpResponse::ServiceUnavailable()
            .force_close()
            .insert_header(("Retry-After", "10"))
            .content_type("text/plain; charset=utf-8")
            .body(super::language::for_request(req.request()).get("error-too-many-connections"));
        return Ok(req.into_response(refusal).map_into_right_body());
    }
    next.call(req)
        .await
        .map(ServiceResponse::map_into_left_body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_has_a_ceiling_and_places_come_back() {
        let limits = ConnectionLimits::new(2, 3);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        let first = limits.admit(Some(a)).unwrap();
        let second = limits.admit(Some(a)).unwrap();
        assert!(limits.admit(Some(a)).is_none());
        assert!(!first.essential_only && !second.essential_only);
        let third = limits.admit(Some(b)).unwrap();
        assert!(!third.essential_only);
        let fourth = limits.admit(Some(b)).unwrap();
        assert!(fourth.essential_only, "past 3 open: essential paths only");
        assert_eq!(limits.open(), 4);
        drop(first);
        assert_eq!(limits.open(), 3);
        assert!(limits.admit(Some(a)).is_some(), "a place came back");
    }
}
