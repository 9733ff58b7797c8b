//! The short code attendees type to join a gathering, such as `K7HQ2M`.
//!
//! Six characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a
//! code read off a projector at the back of a hall is typed right the first time.

use rand::Rng;
use std::fmt;

/// Letters and digits that cannot be mistaken for one another.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Long enough for millions of codes, short enough to read aloud.
pub const CODE_LEN: usize = 6;

/// A validated join code (upper case, from [`ALPHABET`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct JoinCode(String);

impl JoinCode {
    /// Reads what a person typed: case, spaces and dashes do not matter.
    pub fn parse(input: &str) -> Result<Self, String> {
        let cleaned: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if cleaned.is_empty() {
            return Err("Please type the join code shown in the room.".into());
        }
        if cleaned.chars().count() != CODE_LEN || !cleaned.bytes().all(|b| ALPHABET.contains(&b)) {
            return Err(format!(
                "A join code is {CODE_LEN} letters and digits, like K7HQ2M."
            ));
        }
        Ok(JoinCode(cleaned))
    }

    /// A fresh random code.
    pub fn generate() -> Self {
        let mut rng = rand::rng();
        let code = (0..CODE_LEN)
            .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
            .collect();
        JoinCode(code)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_codes_are_normalised() {
        for typed in ["k7hq2m", " K7H-Q2M ", "K7HQ2M"] {
            assert_eq!(JoinCode::parse(typed).unwrap().as_str(), "K7HQ2M");
        }
    }

    #[test]
    fn bad_codes_are_refused_with_a_reason() {
        for (typed, why) in [
            ("", "empty"),
            ("K7HQ2", "too short"),
            ("K7HQ2MM", "too long"),
            ("K7HQ0M", "look-alike zero"),
            ("<scrip", "markup"),
        ] {
            assert!(JoinCode::parse(typed).is_err(), "{why}: {typed:?}");
        }
    }

    #[test]
    fn generated_codes_parse() {
        for _ in 0..100 {
            let code = JoinCode::generate();
            assert_eq!(JoinCode::parse(code.as_str()).unwrap(), code);
        }
    }
}
