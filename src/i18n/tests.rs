//! The translations are complete and consistent: every English message in
//! every language, no variable a translation invents, plurals that count.

use super::*;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// Message id -> the variables it uses, for one language's files.
fn messages(language: &Language) -> BTreeMap<String, BTreeSet<String>> {
    let mut found = BTreeMap::new();
    for (file, source) in language.files {
        let resource = FluentResource::try_new((*source).to_string())
            .unwrap_or_else(|(_, e)| panic!("{}/{file} does not parse: {e:?}", language.code));
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_variables(pattern, &mut variables);
                }
                let id = message.id.name.to_string();
                assert!(
                    found.insert(id.clone(), variables).is_none(),
                    "{} defines {id} twice",
                    language.code
                );
            }
        }
    }
    found
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for named in &arguments.named {
                inline_variables(&named.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn every_language_has_every_english_message_and_no_invented_variable() {
    let english = messages(&LANGUAGES[ENGLISH]);
    assert!(english.len() > 30, "the English files were read");
    for language in &LANGUAGES[1..] {
        let translated = messages(language);
        for (id, variables) in &english {
            let Some(theirs) = translated.get(id) else {
                panic!("{} lacks the message {id}", language.code);
            };
            let invented: Vec<_> = theirs.difference(variables).collect();
            assert!(
                invented.is_empty(),
                "{} {id} uses {invented:?}, which English does not give it",
                language.code
            );
        }
        let stale: Vec<_> = translated
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(
            stale.is_empty(),
            "{} has messages English lacks: {stale:?}",
            language.code
        );
    }
}

#[test]
fn every_message_formats_in_every_language_without_errors() {
    for language in &LANGUAGES {
        let t = Tr::for_code(language.code).unwrap();
        let bundle = &CATALOG.bundles[t.index];
        for (id, variables) in messages(language) {
            let message = bundle.get_message(&id).unwrap();
            let mut args = FluentArgs::new();
            for name in &variables {
                args.set(name.clone(), 2);
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(message.value().unwrap(), Some(&args), &mut errors);
            assert!(errors.is_empty(), "{} {id}: {errors:?}", language.code);
            assert!(!text.trim().is_empty(), "{} {id} is empty", language.code);
        }
    }
}

#[test]
fn counts_follow_each_languages_plural_rules() {
    let say = |lang: &str, key: &str, n: i64| Tr::for_code(lang).unwrap().count(key, n);
    assert_eq!(say("en", "attend-so-far", 1), "So far: 1 topic");
    assert_eq!(say("en", "attend-so-far", 2), "So far: 2 topics");
    assert_eq!(say("es", "attend-praying-count", 1), "1 persona orando");
    assert_eq!(say("es", "attend-praying-count", 7), "7 personas orando");
    // French counts 0 with 1; English does not.
    assert_eq!(say("fr", "attend-praying-count", 0), "0 personne prie");
    assert_eq!(say("fr", "attend-praying-count", 2), "2 personnes prient");
    assert_eq!(say("sw", "attend-praying-count", 1), "mtu 1 anaomba");
    assert_eq!(say("sw", "attend-praying-count", 5), "watu 5 wanaomba");
    assert_eq!(
        say("en", "attend-room-prayed", 0),
        "0 phones in the room prayed for this"
    );
}

#[test]
fn scripts_get_one_form_per_plural_category() {
    let fr = Tr::for_code("fr")
        .unwrap()
        .plural_forms("attend-praying-count");
    assert_eq!(fr["one"], "{count} personne prie");
    assert_eq!(fr["other"], "{count} personnes prient");
    let en = Tr::default().plural_forms("attend-so-far");
    assert_eq!(en.keys().copied().collect::<Vec<_>>(), ["one", "other"]);
    assert_eq!(en["one"], "So far: {count} topic");
}

#[test]
fn script_messages_cannot_close_their_script_block() {
    let json = Tr::for_code("sw").unwrap().script_messages(
        &["attend-counted"],
        &["attend-praying-count"],
        &[("attend-announce-topic", &["number", "total", "title"])],
    );
    assert!(!json.contains('<') && !json.contains('>'));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["lang"], "sw");
    assert_eq!(value["messages"]["attend-counted"], "Imehesabiwa — asante");
    assert_eq!(
        value["messages"]["attend-praying-count"]["other"],
        "watu {count} wanaomba"
    );
    assert_eq!(
        value["messages"]["attend-announce-topic"],
        "Hoja mpya, {number} kati ya {total}: {title}"
    );
}

#[test]
fn a_missing_message_shows_a_marker_and_its_key() {
    let text = Tr::for_code("es").unwrap().get("no-such-message");
    assert!(text.starts_with(MISSING_MARKER) && text.contains("no-such-message"));
}

#[test]
fn every_language_names_itself_and_loads() {
    let names: Vec<_> = Tr::default().choices().iter().map(|c| c.1).collect();
    assert_eq!(
        names,
        ["English", "Español", "Português", "Français", "Kiswahili"]
    );
    for language in &LANGUAGES {
        assert_eq!(Tr::for_code(language.code).unwrap().lang(), language.code);
    }
}

#[test]
fn markup_can_go_around_a_variable() {
    let (before, after) = Tr::for_code("fr")
        .unwrap()
        .around("projector-join-go", "site");
    assert_eq!(
        (before.as_str(), after.as_str()),
        ("Allez sur ", " et saisissez le code")
    );
}

#[test]
fn translations_are_translated_not_copied() {
    // Words the same in English and a translation ("Console", "{ $count } min")
    // are few; a file copied from English and left would be many.
    let english = Tr::default();
    for language in &LANGUAGES[1..] {
        let t = Tr::for_code(language.code).unwrap();
        let ids: Vec<String> = messages(language).into_keys().collect();
        let same: Vec<&String> = ids
            .iter()
            .filter(|id| {
                let mut args = FluentArgs::new();
                for name in ["count", "number", "total", "title", "code", "max"] {
                    args.set(name, 2);
                }
                t.format(id, Some(&args)) == english.format(id, Some(&args))
            })
            .collect();
        assert!(
            same.len() * 100 < ids.len() * 8,
            "{}: {} of {} messages read as in English: {same:?}",
            language.code,
            same.len(),
            ids.len()
        );
    }
}
