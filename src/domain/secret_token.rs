//! Secret tokens handed out once (session cookies, invitation links,
//! moderator codes) and what is stored of them: a hash, never the token.

use blake2::{Blake2s256, Digest};

/// 32 random bytes, as hex.
pub fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    to_hex(&bytes)
}

/// What the database keeps of a token: its hash.
pub fn token_hash(token: &str) -> String {
    to_hex(&Blake2s256::digest(token.as_bytes()))
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_stored_only_as_its_hash() {
        let token = random_token();
        assert_eq!(token.len(), 64);
        assert_ne!(random_token(), token);
        assert_eq!(token_hash(&token), token_hash(&token));
        assert_ne!(token_hash(&token), token);
        assert_eq!(
            token_hash("abc"),
            "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982"
        );
    }
}
