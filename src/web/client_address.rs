//! The network address that per-address limits count (new phones, unknown
//! join codes, wrong passwords): the connection's peer, or, when the peer is
//! a proxy named with `--trusted-proxy`, the client address that proxy added
//! to `X-Forwarded-For`.
//!
//! Anyone can send `X-Forwarded-For`, so it is read only from a trusted
//! proxy, and from the right: a proxy appends the address it saw, so the
//! rightmost entry that is not itself a trusted proxy is the client's, and
//! whatever the client wrote further left is never believed. A header that
//! cannot be read counts as the proxy itself, never as someone else.

use actix_web::HttpRequest;
use std::net::{IpAddr, SocketAddr};

/// The address to count `req` against, if known.
pub fn client_ip(req: &HttpRequest, trusted: &[IpAddr]) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip().to_canonical();
    if !trusted.contains(&peer) {
        return Some(peer);
    }
    let values: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect();
    Some(forwarded_client(&values, trusted).unwrap_or(peer))
}

/// The rightmost address in these `X-Forwarded-For` values that is not a
/// trusted proxy; `None` when there is none, or an entry on the way to it
/// is not an address.
fn forwarded_client(values: &[&str], trusted: &[IpAddr]) -> Option<IpAddr> {
    for entry in values.iter().flat_map(|v| v.split(',')).rev() {
        let ip = parse_entry(entry.trim())?;
        if !trusted.contains(&ip) {
            return Some(ip);
        }
    }
    None
}

/// `192.0.2.1`, `2001:db8::1`, or either with a port (`192.0.2.1:5000`,
/// `[2001:db8::1]:5000`).
fn parse_entry(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .or_else(|_| entry.parse::<SocketAddr>().map(|a| a.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn only_a_trusted_proxys_forwarded_address_is_believed() {
        let proxy = ip("10.0.0.2");
        let trusted = [proxy];
        let request = |peer: &str, forwarded: Option<&str>| {
            let mut req = TestRequest::default().peer_addr(SocketAddr::new(ip(peer), 40000));
            if let Some(forwarded) = forwarded {
                req = req.insert_header(("X-Forwarded-For", forwarded));
            }
            req.to_http_request()
        };
        let cases = [
            // (peer, X-Forwarded-For, counted as)
            ("10.0.0.2", Some("203.0.113.7"), "203.0.113.7"),
            ("10.0.0.2", Some("1.1.1.1, 203.0.113.7"), "203.0.113.7"),
            ("10.0.0.2", Some("203.0.113.7, 10.0.0.2"), "203.0.113.7"),
            ("10.0.0.2", Some("203.0.113.7:5123"), "203.0.113.7"),
            ("10.0.0.2", Some("[2001:db8::7]:5123"), "2001:db8::7"),
            ("10.0.0.2", Some("1.1.1.1, not-an-address"), "10.0.0.2"),
            ("10.0.0.2", None, "10.0.0.2"),
            ("198.51.100.9", Some("203.0.113.7"), "198.51.100.9"),
            ("::ffff:10.0.0.2", Some("203.0.113.7"), "203.0.113.7"),
        ];
        for (peer, forwarded, expected) in cases {
            assert_eq!(
                client_ip(&request(peer, forwarded), &trusted),
                Some(ip(expected)),
                "{peer} / {forwarded:?}"
            );
        }
        let untrusting = client_ip(&request("10.0.0.2", Some("203.0.113.7")), &[]);
        assert_eq!(untrusting, Some(proxy), "no trusted proxy: the peer counts");
    }
}
