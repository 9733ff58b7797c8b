//! The "known browser" cookie. A venue's phones often share one network
//! address with the facilitator's laptop, so an attendee guessing passwords
//! would lock the facilitator out along with everyone else at that address. A
//! browser that has logged in once carries a signed cookie naming a random
//! browser id; its login attempts are limited per browser instead of per
//! address. The signature is a keyed BLAKE2s MAC whose key is derived from the
//! stored password hash (secret, random salt), so changing the password
//! forgets every known browser, and nobody can mint one without the hash.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use blake2::digest::{KeyInit, Mac};
use blake2::{Blake2s256, Blake2sMac256, Digest};

pub const KNOWN_BROWSER_COOKIE: &str = "intercede_known";
/// How long a browser stays known after its last login.
const KNOWN_DAYS: i64 = 365;

/// The browser id this request's cookie proves, if its signature holds.
pub fn recognise(req: &HttpRequest, password_hash: &str) -> Option<String> {
    let cookie = req.cookie(KNOWN_BROWSER_COOKIE)?;
    verify(cookie.value(), password_hash)
}

/// The cookie for a browser that just logged in (its old id kept, if it had one).
pub fn cookie(id: Option<String>, password_hash: &str, secure: bool) -> Cookie<'static> {
    let id = id.unwrap_or_else(|| to_hex(&rand::random::<[u8; 16]>()));
    let value = format!("{id}.{}", to_hex(&sign(&id, password_hash)));
    Cookie::build(KNOWN_BROWSER_COOKIE, value)
        .path("/login")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .max_age(actix_web::cookie::time::Duration::days(KNOWN_DAYS))
        .finish()
}

fn verify(value: &str, password_hash: &str) -> Option<String> {
    let (id, signature) = value.split_once('.')?;
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let signature = from_hex(signature)?;
    mac(password_hash)
        .chain_update(id.as_bytes())
        .verify_slice(&signature)
        .ok()
        .map(|()| id.to_string())
}

fn sign(id: &str, password_hash: &str) -> Vec<u8> {
    mac(password_hash)
        .chain_update(id.as_bytes())
        .finalize()
        .into_bytes()
        .to_vec()
}

fn mac(password_hash: &str) -> Blake2sMac256 {
    let key = Blake2s256::new()
        .chain_update(b"intercede known browser\0")
        .chain_update(password_hash.as_bytes())
        .finalize();
    // unwrap: a 32-byte key is within BLAKE2s's key size.
    <Blake2sMac256 as KeyInit>::new_from_slice(&key).unwrap()
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_cookie_signed_with_the_current_hash_is_recognised() {
        let made = cookie(None, "hash one", false);
        let value = made.value();
        let id = verify(value, "hash one").expect("recognised");
        assert_eq!(id.len(), 32);
        assert_eq!(verify(value, "hash two"), None, "a new password forgets it");
        let (_, signature) = value.split_once('.').unwrap();
        let forged = format!("{}.{signature}", "0".repeat(32));
        assert_eq!(verify(&forged, "hash one"), None);
        assert_eq!(verify("garbage", "hash one"), None);
        assert_eq!(verify(&format!("{id}.zz"), "hash one"), None);
        let again = cookie(Some(id.clone()), "hash one", true);
        assert_eq!(verify(again.value(), "hash one"), Some(id));
    }
}
