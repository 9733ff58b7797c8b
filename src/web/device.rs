//! A phone's anonymous identity: issued by this server and signed, so a script
//! cannot invent phones.
//!
//! The cookie holds `ID.TAG`: 128 random bits and a keyed BLAKE2s MAC of them
//! (128 bits) under a secret the server made once and keeps in its database.
//! Anything else in the cookie (an invented identity, a forged or truncated
//! tag, a cookie from another server) counts as no cookie at all: the phone is
//! issued a new identity, which the per-address ceiling on new phones limits.
//! Hex is read in either case and the identity kept in lower case, so `ABC`
//! and `abc` are one phone, never two.
//!
//! Only `ID` reaches the rooms and the database; the tag proves it was issued.

use crate::live::room::DeviceId;
use blake2::Blake2sMac;
use blake2::digest::consts::U16;
use blake2::digest::{KeyInit, Mac};
use std::fmt;
use std::sync::Arc;

/// The cookie that carries the identity.
pub const DEVICE_COOKIE: &str = "intercede_device";
/// The name of the signing key among the server's secrets.
pub const SECRET_NAME: &str = "device_identity";
/// Hex digits in the identity and in its tag.
const ID_HEX: usize = 32;
const TAG_HEX: usize = 32;

type DeviceMac = Blake2sMac<U16>;

/// Issues and checks device identities.
#[derive(Clone)]
pub struct DeviceKeys {
    mac: DeviceMac,
}

impl fmt::Debug for DeviceKeys {
    // The key never reaches a log line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DeviceKeys(<secret>)")
    }
}

impl DeviceKeys {
    /// Keys from the server's secret (at most 32 bytes, as BLAKE2s allows).
    pub fn new(secret: &[u8]) -> Self {
        let key = &secret[..secret.len().min(32)];
        DeviceKeys {
            // unwrap: BLAKE2s takes any key of 0 to 32 bytes, which `key` is.
            mac: <DeviceMac as KeyInit>::new_from_slice(key).unwrap(),
        }
    }

    fn tag(&self, id: &str) -> DeviceMac {
        let mut mac = self.mac.clone();
        mac.update(b"intercede device v1:");
        mac.update(id.as_bytes());
        mac
    }

    /// A new identity and the cookie value that proves it.
    pub fn issue(&self) -> (DeviceId, String) {
        let bytes: [u8; 16] = rand::random();
        let id = to_hex(&bytes);
        let tag = to_hex(&self.tag(&id).finalize().into_bytes());
        let cookie = format!("{id}.{tag}");
        (Arc::from(id), cookie)
    }

    /// The identity in a cookie value, if this server issued it.
    pub fn verify(&self, cookie: &str) -> Option<DeviceId> {
        let cookie = cookie.to_ascii_lowercase();
        let (id, tag) = cookie.split_once('.')?;
        if id.len() != ID_HEX || tag.len() != TAG_HEX || !is_hex(id) {
            return None;
        }
        let tag = from_hex(tag)?;
        self.tag(id).verify_slice(&tag).ok()?;
        Some(Arc::from(id))
    }
}

fn is_hex(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_hexdigit())
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !is_hex(text) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issued_identity_verifies_in_either_case() {
        let keys = DeviceKeys::new(&[7; 32]);
        let (id, cookie) = keys.issue();
        assert_eq!(keys.verify(&cookie), Some(id.clone()));
        assert_eq!(keys.verify(&cookie.to_ascii_uppercase()), Some(id));
    }

    #[test]
    fn invented_and_forged_identities_are_refused() {
        let keys = DeviceKeys::new(&[7; 32]);
        let (id, cookie) = keys.issue();
        let other_server = DeviceKeys::new(&[8; 32]).issue().1;
        let mut flipped = cookie.clone().into_bytes();
        let last = flipped.len() - 1;
        flipped[last] = if flipped[last] == b'0' { b'1' } else { b'0' };
        let flipped = String::from_utf8(flipped).unwrap();
        for forged in [
            id.to_string(),                            // the old, unsigned form
            "0123456789abcdef0123456789abcdef".into(), // invented
            format!("{id}."),
            format!("{id}.{}", "0".repeat(32)),
            cookie[..cookie.len() - 2].to_string(), // truncated tag
            flipped,
            other_server,
            format!("{cookie}00"),
            "é".repeat(40),
            String::new(),
        ] {
            assert_eq!(keys.verify(&forged), None, "{forged:?}");
        }
    }

    #[test]
    fn the_key_is_not_printed() {
        assert!(!format!("{:?}", DeviceKeys::new(&[7; 32])).contains('7'));
    }
}
