//! Which language a person gets: their explicit choice (the cookie the
//! language switch sets) if it is one we have, else the best match for the
//! browser's `Accept-Language` (weights honoured), else English. Matching
//! (`pt-BR` to `pt`, `es-419` to `es`) is Fluent's own negotiation.

use super::{LANGUAGES, Tr};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// Longest `Accept-Language` header read; browsers send a few dozen bytes.
const MAX_HEADER: usize = 1024;

/// The tags of an `Accept-Language` header, most wanted first: by their `q`
/// weight, then in the order written. Tags weighted 0, the wildcard and
/// malformed entries are left out.
pub fn accepted_languages(header: &str) -> Vec<LanguageIdentifier> {
    let header = match header.char_indices().nth(MAX_HEADER) {
        Some((end, _)) => &header[..end],
        None => header,
    };
    let mut weighted: Vec<(u16, LanguageIdentifier)> = header
        .split(',')
        .filter_map(|entry| {
            let mut parts = entry.split(';');
            let tag = parts.next()?.trim();
            if tag.is_empty() || tag == "*" {
                return None;
            }
            let mut weight = 1000;
            for parameter in parts {
                let (name, value) = parameter.split_once('=')?;
                if name.trim().eq_ignore_ascii_case("q") {
                    let q: f32 = value.trim().parse().ok()?;
                    if !(0.0..=1.0).contains(&q) {
                        return None;
                    }
                    weight = (q * 1000.0).round() as u16;
                }
            }
            let id: LanguageIdentifier = tag.parse().ok()?;
            (weight > 0).then_some((weight, id))
        })
        .collect();
    // A stable sort keeps the written order among equal weights.
    weighted.sort_by_key(|(weight, _)| std::cmp::Reverse(*weight));
    weighted.into_iter().map(|(_, id)| id).collect()
}

/// The language for a request: `choice` (a language code, from the cookie)
/// wins when it names one of ours; then `Accept-Language`; then English.
pub fn negotiate(choice: Option<&str>, accept_language: Option<&str>) -> Tr {
    if let Some(tr) = choice.and_then(Tr::for_code) {
        return tr;
    }
    let Some(header) = accept_language else {
        return Tr::default();
    };
    let requested = accepted_languages(header);
    let available: Vec<LanguageIdentifier> = LANGUAGES.iter().map(|l| l.id()).collect();
    let chosen = negotiate_languages(&requested, &available, None, NegotiationStrategy::Filtering);
    chosen
        .first()
        .and_then(|id| Tr::for_code(id.language.as_str()))
        .unwrap_or_default()
}

/// The language for a command in a terminal: `choice` (`--lang`) when it
/// names one of ours, else the POSIX locale variables as the C library
/// reads them (the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`, such as
/// `es_ES.UTF-8`), else English. `C` and `POSIX` mean English.
pub fn for_terminal(choice: Option<&str>, variable: impl Fn(&str) -> Option<String>) -> Tr {
    if let Some(tr) = choice.and_then(|c| Tr::for_code(language_of_locale(c))) {
        return tr;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&variable)
        .find(|value| !value.trim().is_empty());
    locale
        .and_then(|value| Tr::for_code(language_of_locale(&value)))
        .unwrap_or_default()
}

/// `es` from `es_ES.UTF-8`, `pt-BR` or `fr_FR@euro`.
fn language_of_locale(locale: &str) -> &str {
    let end = locale.find(['_', '-', '.', '@']).unwrap_or(locale.len());
    &locale[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_follows_lang_or_the_locale_variables() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            for_terminal(None, env(&[("LANG", "es_ES.UTF-8")])).lang(),
            "es"
        );
        assert_eq!(
            for_terminal(
                None,
                env(&[("LANG", "es_ES.UTF-8"), ("LC_ALL", "fr_FR.UTF-8")])
            )
            .lang(),
            "fr",
            "LC_ALL first"
        );
        assert_eq!(
            for_terminal(
                None,
                env(&[("LC_ALL", ""), ("LC_MESSAGES", "pt_BR"), ("LANG", "sw")])
            )
            .lang(),
            "pt"
        );
        assert_eq!(for_terminal(None, env(&[("LANG", "C.UTF-8")])).lang(), "en");
        assert_eq!(
            for_terminal(None, env(&[("LANG", "de_DE.UTF-8")])).lang(),
            "en"
        );
        assert_eq!(for_terminal(None, env(&[])).lang(), "en");
        assert_eq!(
            for_terminal(Some("sw"), env(&[("LANG", "es_ES.UTF-8")])).lang(),
            "sw",
            "--lang wins"
        );
    }

    fn lang(choice: Option<&str>, header: &str) -> &'static str {
        negotiate(choice, Some(header)).lang()
    }

    #[test]
    fn weights_decide_not_the_order_written() {
        assert_eq!(lang(None, "fr;q=0.5, es;q=0.9, en;q=0.1"), "es");
        assert_eq!(lang(None, "en;q=0.2,pt-BR"), "pt");
        assert_eq!(lang(None, "sw-KE,sw;q=0.9,en-US;q=0.8,en;q=0.7"), "sw");
        assert_eq!(lang(None, "es-419,es;q=0.9"), "es");
    }

    #[test]
    fn unknown_languages_are_skipped_then_english() {
        assert_eq!(lang(None, "de-DE,de;q=0.9,fr;q=0.3"), "fr");
        assert_eq!(lang(None, "de-DE,ja;q=0.9"), "en");
        assert_eq!(lang(None, ""), "en");
        assert_eq!(lang(None, "*"), "en");
        assert_eq!(lang(None, "fr;q=0, de"), "en", "q=0 means not wanted");
        assert_eq!(
            lang(None, "fr;q=abc, es;q=2, pt;q=0.1"),
            "pt",
            "bad weights dropped"
        );
        assert_eq!(negotiate(None, None).lang(), "en");
    }

    #[test]
    fn an_explicit_choice_wins_when_we_have_it() {
        assert_eq!(lang(Some("sw"), "fr,es;q=0.9"), "sw");
        assert_eq!(lang(Some("PT"), "fr"), "pt");
        assert_eq!(lang(Some("de"), "fr"), "fr", "an unknown choice is ignored");
        assert_eq!(lang(Some("<script>"), "x"), "en");
    }

    #[test]
    fn a_huge_header_is_cut_not_parsed_whole() {
        let header = format!("{}fr", "xx;q=0.1,".repeat(10_000));
        let read = accepted_languages(&header);
        assert!(read.len() < 200, "cut, not parsed whole");
        assert_eq!(lang(None, &header), "en", "French was past the cut");
    }
}
