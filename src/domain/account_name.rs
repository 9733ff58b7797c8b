//! A facilitator account's name, as its owner types it and as everyone else
//! reads it in a gathering's history ("Ended by Ana"): one spelling per
//! look. Names are NFC-normalised, with runs of spaces made one; invisible
//! characters (zero-width spaces, direction overrides, controls) and
//! characters Unicode does not recommend in identifiers are refused, and so
//! are names that mix scripts the way look-alikes do (a Cyrillic `а` in a
//! Latin `admin`). Two names that would read alike are one name: the
//! comparison key is Unicode's confusable skeleton (UTS #39), lower case,
//! without combining marks.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_security::{GeneralSecurityProfile, RestrictionLevel, RestrictionLevelDetection};

/// The longest name, in characters (as the sign-in form allows).
pub const MAX_NAME_CHARS: usize = 64;

/// Punctuation a name may hold besides letters, marks and digits.
const NAME_PUNCTUATION: &[char] = &[' ', '-', '.', '_', '\''];

/// Why a typed name cannot be an account's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    Empty,
    /// Longer than [`MAX_NAME_CHARS`] (its length).
    TooLong(usize),
    /// Holds a character that cannot be seen or that changes how the text
    /// around it is shown (controls, zero-width and direction characters).
    Invisible,
    /// Holds a character Unicode does not recommend in names (this one).
    NotAllowed(char),
    /// Mixes scripts as look-alikes do.
    MixedScripts,
}

/// A checked account name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountName(String);

impl AccountName {
    pub fn parse(typed: &str) -> Result<Self, NameError> {
        let normal: String = typed.nfc().collect();
        if normal.chars().any(is_invisible) {
            return Err(NameError::Invisible);
        }
        let name = normal.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        let length = name.chars().count();
        if length > MAX_NAME_CHARS {
            return Err(NameError::TooLong(length));
        }
        if let Some(c) = name
            .chars()
            .find(|c| !c.identifier_allowed() && !NAME_PUNCTUATION.contains(c))
        {
            return Err(NameError::NotAllowed(c));
        }
        let letters: String = name
            .chars()
            .filter(|c| !NAME_PUNCTUATION.contains(c))
            .collect();
        if !letters.check_restriction_level(RestrictionLevel::HighlyRestrictive) {
            return Err(NameError::MixedScripts);
        }
        Ok(AccountName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What two names that read alike have in common.
    pub fn look_alike_key(&self) -> String {
        look_alike_key(&self.0)
    }
}

/// The key of any stored name, checked or not (names made before the check).
pub fn look_alike_key(name: &str) -> String {
    let lower = name.to_lowercase();
    unicode_security::skeleton(&lower)
        .filter(|c| !is_combining_mark(*c) && !c.is_whitespace())
        .collect()
}

/// Characters that show nothing, or change how what is around them shows.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' // soft hyphen
            | '\u{034F}' // combining grapheme joiner
            | '\u{061C}' // Arabic letter mark
            | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
            | '\u{180B}'..='\u{180F}' // Mongolian variation selectors and vowel separator
            | '\u{200B}'..='\u{200F}' // zero-width space, joiners, direction marks
            | '\u{202A}'..='\u{202E}' // direction embeddings and overrides
            | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, isolates
            | '\u{FE00}'..='\u{FE0F}' // variation selectors
            | '\u{FEFF}' // byte order mark
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
            | '\u{E0000}'..='\u{E0FFF}' // tags and variation selectors supplement
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_the_scripts_of_the_places_prayed_for_are_accepted() {
        for name in [
            "Ana María",
            "Jean-Luc",
            "O'Brien",
            "Amani Wanjiru",
            "محمد",
            "प्रिया",
            "สมชาย",
            "សុខា",
            "李明",
            "Grace_2",
        ] {
            assert!(AccountName::parse(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn spaces_are_tidied_and_the_text_normalised() {
        let name = AccountName::parse("  Jose\u{301}   Luis ").unwrap();
        assert_eq!(name.as_str(), "Jos\u{e9} Luis");
    }

    #[test]
    fn invisible_and_direction_characters_are_refused() {
        for name in [
            "admin\u{200B}",
            "\u{202E}nimda",
            "ad\u{2066}min",
            "ad\u{00AD}min",
            "admin\u{FEFF}",
            "ad\tmin",
        ] {
            assert_eq!(
                AccountName::parse(name),
                Err(NameError::Invisible),
                "{name:?}"
            );
        }
    }

    #[test]
    fn look_alike_mixtures_and_symbols_are_refused() {
        assert_eq!(
            AccountName::parse("\u{0430}dmin"),
            Err(NameError::MixedScripts)
        );
        assert_eq!(
            AccountName::parse("adm\u{0456}n"),
            Err(NameError::MixedScripts)
        );
        assert!(matches!(
            AccountName::parse("ad<min>"),
            Err(NameError::NotAllowed('<'))
        ));
        assert_eq!(AccountName::parse(" \u{3000} "), Err(NameError::Empty));
        assert_eq!(
            AccountName::parse(&"a".repeat(65)),
            Err(NameError::TooLong(65))
        );
    }

    #[test]
    fn names_that_read_alike_share_a_key() {
        let admin = look_alike_key("admin");
        for alike in [
            "Admin",
            "ADMIN",
            "admi\u{0144}",
            "adm\u{00ED}n",
            "a d m i n",
            "\u{0430}dmin",
        ] {
            assert_eq!(look_alike_key(alike), admin, "{alike}");
        }
        assert_eq!(look_alike_key("rn"), look_alike_key("m"));
        assert_ne!(look_alike_key("ana"), look_alike_key("anna"));
    }
}
