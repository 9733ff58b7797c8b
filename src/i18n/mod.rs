//! Every word a person reads, in their language. The messages are Project
//! Fluent files under `locales/{language}/`, embedded in the binary; Fluent
//! does the lookup, the variables and the plural rules (each language's own
//! categories, through its `[one]` / `[other]` / `[many]` selectors).
//!
//! A page takes a [`Tr`] (called `t` in the templates) for the language chosen
//! by [`negotiate`]: `t.get("key")`, `t.count("key", n)`. A message missing in
//! a language falls back to English, message by message; one missing even in
//! English shows as [`MISSING_MARKER`] and the key, so tests can find it.
//!
//! Code with no reader at hand returns a [`Message`] (a key and its
//! variables) for the page or command to put into words with `t.say`. Dates,
//! times and numbers are formatted in the reader's language by `format`
//! (`t.long_date`, `t.date_time`, `t.number`); a terminal's language comes
//! from [`for_terminal`].

mod format;
mod message;
mod negotiate;

pub use format::Real;
pub use message::{Arg, Message};
pub use negotiate::{accepted_languages, for_terminal, negotiate};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use std::collections::BTreeMap;
use std::sync::LazyLock;
use unic_langid::LanguageIdentifier;

/// The cookie that remembers the language chosen in a browser (a phone's,
/// or the facilitator's).
pub const LANGUAGE_COOKIE: &str = "intercede_lang";

/// Begins the text shown in place of a message no language has.
pub const MISSING_MARKER: &str = "\u{27e6}";

/// A language the interface is translated into.
#[derive(Debug)]
pub struct Language {
    /// The BCP 47 tag, as in `<html lang>` and the cookie.
    pub code: &'static str,
    /// The language's name in itself, for the language switch.
    pub name: &'static str,
    /// The translation files: (file name, Fluent source).
    pub files: &'static [(&'static str, &'static str)],
}

macro_rules! files {
    ($lang:literal: $($file:literal),+) => {
        &[$(($file, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/", $lang, "/", $file)))),+]
    };
}

/// The same files in every language's folder, by area.
macro_rules! language_files {
    ($lang:literal) => {
        files!($lang: "common.ftl", "attend.ftl", "projector.ftl", "home.ftl", "account.ftl",
            "console.ftl", "editor.ftl", "import.ftl", "report.ftl", "errors.ftl", "cli.ftl", "topics.ftl",
            "requests.ftl", "accounts.ftl")
    };
}

/// Every language, English first (the fallback for any message a translation
/// lacks). Adding one: a folder under `locales/` with the same files, and a row here.
pub static LANGUAGES: [Language; 5] = [
    Language {
        code: "en",
        name: "English",
        files: language_files!("en"),
    },
    Language {
        code: "es",
        name: "Español",
        files: language_files!("es"),
    },
    Language {
        code: "pt",
        name: "Português",
        files: language_files!("pt"),
    },
    Language {
        code: "fr",
        name: "Français",
        files: language_files!("fr"),
    },
    Language {
        code: "sw",
        name: "Kiswahili",
        files: language_files!("sw"),
    },
];

const ENGLISH: usize = 0;

struct Catalog {
    bundles: Vec<FluentBundle<FluentResource>>,
    plurals: Vec<PluralRules>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    let mut bundles = Vec::new();
    let mut plurals = Vec::new();
    for language in &LANGUAGES {
        let id = language.id();
        let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
        // Every language here is written left to right: no isolation marks
        // around the numbers and names put into a sentence.
        bundle.set_use_isolating(false);
        for (file, source) in language.files {
            // A file with a syntax error keeps its good messages; the unit
            // tests make sure none has one.
            let resource = FluentResource::try_new((*source).to_string()).unwrap_or_else(
                |(resource, errors)| {
                    tracing::error!(language = language.code, file, ?errors, "translation file");
                    resource
                },
            );
            if let Err(errors) = bundle.add_resource(resource) {
                tracing::error!(language = language.code, file, ?errors, "translation file");
            }
        }
        bundles.push(bundle);
        // unwrap: intl_pluralrules knows every language listed above (a unit test loads them all).
        plurals.push(PluralRules::create(id, PluralRuleType::CARDINAL).unwrap());
    }
    Catalog { bundles, plurals }
});

impl Language {
    fn id(&self) -> LanguageIdentifier {
        // unwrap: the codes above are constant, valid tags.
        self.code.parse().unwrap()
    }
}

/// The messages of one language, as the templates use them (`t`).
#[derive(Clone, Copy, Debug)]
pub struct Tr {
    index: usize,
}

impl Default for Tr {
    fn default() -> Self {
        Tr { index: ENGLISH }
    }
}

impl Tr {
    /// The language with this code (`"es"`), if it is one of [`LANGUAGES`].
    pub fn for_code(code: &str) -> Option<Tr> {
        LANGUAGES
            .iter()
            .position(|l| l.code.eq_ignore_ascii_case(code.trim()))
            .map(|index| Tr { index })
    }

    pub fn language(&self) -> &'static Language {
        &LANGUAGES[self.index]
    }

    /// The language's tag, for `<html lang>`.
    pub fn lang(&self) -> &'static str {
        self.language().code
    }

    /// Every language with whether it is this one, for the language switch.
    pub fn choices(&self) -> Vec<(&'static str, &'static str, bool)> {
        LANGUAGES
            .iter()
            .enumerate()
            .map(|(i, l)| (l.code, l.name, i == self.index))
            .collect()
    }

    /// A message with no variables.
    pub fn get(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// A message about a number of things, in `$count`: Fluent picks the
    /// plural form the language needs.
    pub fn count(&self, key: &str, count: impl Count) -> String {
        let mut args = FluentArgs::new();
        args.set("count", count.count());
        self.format(key, Some(&args))
    }

    /// A message with two numbers (`t.two("attend-topic-number", "number", 3, "total", 12)`).
    pub fn two(
        &self,
        key: &str,
        a: &str,
        a_value: impl Count,
        b: &str,
        b_value: impl Count,
    ) -> String {
        let mut args = FluentArgs::new();
        args.set(a.to_string(), a_value.count());
        args.set(b.to_string(), b_value.count());
        self.format(key, Some(&args))
    }

    /// A language (by code) as a sentence in this language names it:
    /// "inglés" in Spanish, where the language switch says "English".
    pub fn language_name(&self, code: &str) -> String {
        self.text("language-name", "code", code)
    }

    /// A message with one text variable.
    pub fn text(&self, key: &str, name: &str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_string(), FluentValue::from(value.to_string()));
        self.format(key, Some(&args))
    }

    /// A message with a number (`$count`) and a text variable.
    pub fn count_text(&self, key: &str, count: impl Count, name: &str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set("count", count.count());
        args.set(name.to_string(), FluentValue::from(value.to_string()));
        self.format(key, Some(&args))
    }

    /// A message with two text variables.
    pub fn two_text(&self, key: &str, a: &str, a_value: &str, b: &str, b_value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(a.to_string(), FluentValue::from(a_value.to_string()));
        args.set(b.to_string(), FluentValue::from(b_value.to_string()));
        self.format(key, Some(&args))
    }

    /// A gathering's status ("draft", "live", "ended") in words.
    pub fn status(&self, status: &str) -> String {
        match status {
            "draft" | "live" | "ended" => self.get(&format!("status-{status}")),
            other => other.to_string(),
        }
    }

    /// A message with the given variables, for code that needs more than the helpers above.
    pub fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let catalog = &*CATALOG;
        for index in [self.index, ENGLISH] {
            let bundle = &catalog.bundles[index];
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(
                        key,
                        language = self.lang(),
                        ?errors,
                        "message formatted with errors"
                    );
                }
                return text.into_owned();
            }
        }
        tracing::warn!(key, "no message with this key in any language");
        format!("{MISSING_MARKER}{key}\u{27e7}")
    }

    /// A counting message prepared for a script: for each plural category
    /// this language uses, the message with `{count}` where the number goes.
    /// The script picks the category with the browser's own CLDR rules
    /// (`Intl.PluralRules`), so the sentences stay Fluent's.
    pub fn plural_forms(&self, key: &str) -> BTreeMap<&'static str, String> {
        let rules = &CATALOG.plurals[self.index];
        let mut forms = BTreeMap::new();
        // From 1, so a category holding 0 and 1 (French) is shown with 1.
        for n in (1..=200).chain([0, 1_000_000]) {
            let category = category_name(rules.select(n).unwrap_or(PluralCategory::OTHER));
            if forms.contains_key(category) {
                continue;
            }
            let sentence = self.count(key, n as i64);
            let number = n.to_string();
            let form = match sentence.find(&number) {
                Some(at) => format!(
                    "{}{{count}}{}",
                    &sentence[..at],
                    &sentence[at + number.len()..]
                ),
                None => sentence,
            };
            forms.insert(category, form);
        }
        forms
    }

    /// The text before and after the variable `name` in a message, for a
    /// template that puts markup around the value (`Go to <strong>site</strong>`).
    pub fn around(&self, key: &str, name: &str) -> (String, String) {
        const HOLE: &str = "\u{1}";
        let mut args = FluentArgs::new();
        args.set(name.to_string(), FluentValue::from(HOLE));
        let text = self.format(key, Some(&args));
        match text.split_once(HOLE) {
            Some((before, after)) => (before.to_string(), after.to_string()),
            None => (text, String::new()),
        }
    }

    /// A message for a script to fill in: each named variable is left as
    /// `{name}` for the script to replace (names, and numbers that choose
    /// no plural form).
    pub fn template(&self, key: &str, names: &[&str]) -> String {
        let mut args = FluentArgs::new();
        for name in names {
            args.set(name.to_string(), FluentValue::from(format!("{{{name}}}")));
        }
        self.format(key, Some(&args))
    }

    /// The messages a page's scripts put on screen, as JSON for a
    /// `<script type="application/json">` block: `plain` keys as text,
    /// `counting` keys as [`Tr::plural_forms`], `templates` as
    /// [`Tr::template`]. `<`, `>` and `&` are escaped so no translation can
    /// close the block.
    pub fn script_messages(
        &self,
        plain: &[&str],
        counting: &[&str],
        templates: &[(&str, &[&str])],
    ) -> String {
        let mut messages = serde_json::Map::new();
        for key in plain {
            messages.insert((*key).to_string(), self.get(key).into());
        }
        for key in counting {
            let forms = serde_json::to_value(self.plural_forms(key)).unwrap_or_default();
            messages.insert((*key).to_string(), forms);
        }
        for (key, names) in templates {
            messages.insert((*key).to_string(), self.template(key, names).into());
        }
        // The languages as this one's sentences name them ("inglés").
        let languages: serde_json::Map<String, serde_json::Value> = LANGUAGES
            .iter()
            .map(|l| (l.code.to_string(), self.language_name(l.code).into()))
            .collect();
        let json = serde_json::json!({
            "lang": self.lang(),
            "messages": messages,
            "languages": languages,
        });
        json.to_string()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }
}

/// A whole number a message can count (templates pass fields by reference).
pub trait Count {
    fn count(&self) -> i64;
}

impl Count for i64 {
    fn count(&self) -> i64 {
        *self
    }
}

impl Count for usize {
    fn count(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}

impl<T: Count + ?Sized> Count for &T {
    fn count(&self) -> i64 {
        (**self).count()
    }
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

#[cfg(test)]
mod tests;
