//! The short code attendees type to join a gathering, such as `K7HQ2M`.
//!
//! Six characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a
//! code read off a projector at the back of a hall is typed right the first time.

use rand::Rng;
use std::fmt;

/// Letters and digits that cannot be mistaken for one another.
pub(crate) const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// The characters left out of [`ALPHABET`] because they look alike. Both
/// halves of each pair are left out (0 and O, 1, I and L), so a typed
/// look-alike has no single character it could have meant: it is named back
/// to the person instead of guessed at.
const LOOK_ALIKES: &[char] = &['0', '1', 'I', 'L', 'O'];
/// Long enough for millions of codes, short enough to read aloud.
pub const CODE_LEN: usize = 6;

/// Why a typed code is not a join code. The web pages say it in the
/// visitor's language; `Display` is the English, for logs and the CLI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JoinCodeError {
    /// Nothing typed.
    Empty,
    /// Not [`CODE_LEN`] letters and digits.
    Shape,
    /// Holds these look-alike characters, which codes never use.
    LookAlikes(Vec<char>),
}

impl fmt::Display for JoinCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JoinCodeError::Empty => write!(f, "Please type the join code shown in the room."),
            JoinCodeError::Shape => write!(
                f,
                "A join code is {CODE_LEN} letters and digits, like K7HQ2M."
            ),
            JoinCodeError::LookAlikes(found) => {
                let named: Vec<String> = found.iter().map(char::to_string).collect();
                write!(
                    f,
                    "Join codes never use 0, 1, I, L or O, because they look alike, \
                     and this one has {}. Please check the code on the screen at the front.",
                    named.join(" and ")
                )
            }
        }
    }
}

impl std::error::Error for JoinCodeError {}

/// A validated join code (upper case, from [`ALPHABET`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct JoinCode(String);

impl JoinCode {
    /// Reads what a person typed: case, spaces and dashes do not matter.
    pub fn parse(input: &str) -> Result<Self, JoinCodeError> {
        let cleaned: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if cleaned.is_empty() {
            return Err(JoinCodeError::Empty);
        }
        if cleaned.chars().count() != CODE_LEN {
            return Err(JoinCodeError::Shape);
        }
        let mut look_alikes: Vec<char> = cleaned
            .chars()
            .filter(|c| LOOK_ALIKES.contains(c))
            .collect();
        look_alikes.dedup();
        if !look_alikes.is_empty() {
            return Err(JoinCodeError::LookAlikes(look_alikes));
        }
        if !cleaned.bytes().all(|b| ALPHABET.contains(&b)) {
            return Err(JoinCodeError::Shape);
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
    fn look_alikes_are_named_back() {
        let why = JoinCode::parse("abc123").unwrap_err().to_string();
        assert!(why.contains("never use 0, 1, I, L or O"), "{why}");
        assert!(why.contains("has 1."), "{why}");
        let why = JoinCode::parse("K0HQ2O").unwrap_err().to_string();
        assert!(why.contains("has 0 and O."), "{why}");
        assert_eq!(
            JoinCode::parse("K0HQ2O"),
            Err(JoinCodeError::LookAlikes(vec!['0', 'O']))
        );
    }

    #[test]
    fn generated_codes_parse() {
        for _ in 0..100 {
            let code = JoinCode::generate();
            assert_eq!(JoinCode::parse(code.as_str()).unwrap(), code);
        }
    }
}
