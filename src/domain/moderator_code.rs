//! The secret that opens a gathering's moderation page for a helper: twelve
//! characters from the join codes' alphabet (no look-alikes), shown as
//! `ABCD-EFGH-JKMN` to type and inside a QR code to scan. About 59 bits: too
//! many to guess, even without the per-address limit on wrong codes. Only a
//! hash of it is stored.

use super::join_code::ALPHABET;
use rand::Rng;

/// Characters in a moderator code.
pub const MODERATOR_CODE_LEN: usize = 12;

/// A moderator code, upper case, without dashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModeratorCode(String);

impl ModeratorCode {
    pub fn generate() -> Self {
        let mut rng = rand::rng();
        ModeratorCode(
            (0..MODERATOR_CODE_LEN)
                .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
                .collect(),
        )
    }

    /// Reads what a helper typed or scanned: case, spaces and dashes do not
    /// matter; anything else that is not a code is `None`.
    pub fn parse(input: &str) -> Option<Self> {
        let cleaned: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        (cleaned.len() == MODERATOR_CODE_LEN && cleaned.bytes().all(|b| ALPHABET.contains(&b)))
            .then_some(ModeratorCode(cleaned))
    }

    /// As it goes in a link.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As a person reads it: in groups of four.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_however_it_is_typed() {
        let code = ModeratorCode::generate();
        assert_eq!(code.as_str().len(), MODERATOR_CODE_LEN);
        for typed in [
            code.as_str().to_string(),
            code.grouped(),
            code.grouped().to_lowercase(),
            format!(" {} ", code.grouped().replace('-', " ")),
        ] {
            assert_eq!(
                ModeratorCode::parse(&typed),
                Some(code.clone()),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn anything_else_is_not_a_code() {
        for typed in [
            "",
            "ABCD-EFGH-JKM",
            "ABCD-EFGH-JKMNP",
            "ABCD-EFGH-JK0N",
            "<script>x</sc",
        ] {
            assert_eq!(ModeratorCode::parse(typed), None, "{typed:?}");
        }
        assert_eq!(ModeratorCode::generate().grouped().len(), 14);
    }
}
