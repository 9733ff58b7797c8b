//! Topics in several languages: phones get the live topic in their language
//! (the main one, marked, where a topic is not translated), frames are
//! serialised once per role and language however many phones share them, the
//! editor's side-by-side form and a translated guide's import (paired by
//! order, adjustable) reach phones at once, and exports carry translations.

use super::helpers::{Client, TestApp, escape, spawn_app};
use intercede::agenda::import::{from_json, read_agenda};
use intercede::domain::{GatheringText, SectionText, TopicText};
use intercede::store::StoredAgenda;
use reqwest::multipart::Form;
use serde_json::{Value, json};

/// A phone whose page language is `lang` (the socket says so in its address).
async fn phone(app: &TestApp, lang: &str) -> Client {
    let url = format!("{}?lang={lang}", app.ws_url("attend"));
    Client::connect(&url, Some(&app.origin()), None)
        .await
        .expect("phone connects")
}

async fn agenda(app: &TestApp) -> StoredAgenda {
    app.store.load_agenda(&app.gathering().await).await.unwrap()
}

/// Translates the demo's title, first section and first topic into Spanish;
/// its second topic stays English.
async fn translate_first_topic(app: &TestApp) -> StoredAgenda {
    let agenda = agenda(app).await;
    let section = &agenda.sections[0];
    app.store
        .save_translation(
            agenda.gathering.id,
            "es",
            &GatheringText {
                title: "Noche de oración por la justicia".into(),
                ..GatheringText::default()
            },
            &[(
                section.id,
                SectionText {
                    title: "Oremos por | La esclavitud laboral".into(),
                    description: String::new(),
                },
            )],
            &[(
                section.topics[0].id,
                TopicText {
                    title: "Personas en trabajo forzoso".into(),
                    body: "Oremos por quienes trabajan sin paga.".into(),
                    ..TopicText::default()
                },
            )],
        )
        .await
        .unwrap();
    agenda
}

fn topic(frame: &Value) -> &Value {
    &frame["live"]["topic"]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_phone_gets_the_topic_in_its_language_or_the_main_one_marked() {
    // Arrange: a Spanish translation of the first topic only; phones in
    // English, Spanish (two) and French (no French translation at all).
    let app = spawn_app().await;
    let agenda = translate_first_topic(&app).await;
    let first = &agenda.sections[0].topics[0];
    let second = &agenda.sections[0].topics[1];
    let mut console = app.console().await;
    let mut english = phone(&app, "en").await;
    let mut spanish = phone(&app, "es").await;
    let mut spanish_too = phone(&app, "es").await;
    let mut french = phone(&app, "fr").await;
    assert_eq!(
        spanish.snapshot["gathering"]["title"],
        "Noche de oración por la justicia"
    );
    assert_eq!(
        english.snapshot["gathering"]["title"],
        agenda.gathering.title
    );
    // Every arrival reached the console before counting frames.
    console
        .next_matching(|f| f["type"] == "counts" && f["counts"]["here"] == 4)
        .await;

    // Act: the first topic.
    let before = app.hub.frames_encoded();
    console.send(json!({"type": "next"})).await;
    let frames = [
        english.next_of("state").await,
        spanish.next_of("state").await,
        spanish_too.next_of("state").await,
        french.next_of("state").await,
    ];
    console.next_of("state").await;
    console.next_of("counts").await;

    // Assert: each in its language; French falls back to English, marked.
    let [en, es, es_too, fr] = &frames;
    assert_eq!(topic(en)["title"], first.title);
    assert_eq!(topic(en)["language"], "en");
    assert!(topic(en).get("fallback").is_none(), "{en}");
    assert_eq!(topic(es)["title"], "Personas en trabajo forzoso");
    assert_eq!(topic(es)["section"], "Oremos por | La esclavitud laboral");
    assert!(
        topic(es)["body_html"]
            .as_str()
            .unwrap()
            .contains("Oremos por quienes")
    );
    assert_eq!(topic(es)["language"], "es");
    assert!(topic(es).get("fallback").is_none());
    assert_eq!(es, es_too, "two Spanish phones, one frame");
    assert_eq!(topic(fr)["title"], first.title);
    assert_eq!(topic(fr)["language"], "en");
    assert_eq!(topic(fr)["fallback"], true);
    // One serialisation per language in use (en, es, fr) and one for the
    // console's state, then one console counts: never one per phone.
    assert_eq!(app.hub.frames_encoded() - before, 5);

    // Act: the second topic, not translated.
    console.send(json!({"type": "next"})).await;
    let es = spanish.next_of("state").await;

    // Assert: English words, the section still in Spanish, marked.
    assert_eq!(topic(&es)["title"], second.title);
    assert_eq!(topic(&es)["language"], "en");
    assert_eq!(topic(&es)["fallback"], true);
    assert_eq!(topic(&es)["section"], "Oremos por | La esclavitud laboral");
    // The phone's list of topics so far names the first in Spanish.
    assert_eq!(
        es["live"]["covered"][0]["title"],
        "Personas en trabajo forzoso"
    );

    // The console sees the main language, with which translations each topic has.
    let state = console.next_of("state").await;
    assert_eq!(topic(&state)["title"], second.title);
    let outline = &console.snapshot["agenda"][0]["topics"];
    assert_eq!(outline[0]["translations"], json!(["es"]));
    assert!(outline[1].get("translations").is_none());

    // The phone page itself, in Spanish, shows the Spanish title.
    console.send(json!({"type": "previous"})).await;
    console.next_of("state").await;
    let html = reqwest::Client::new()
        .get(format!("{}/j/{}", app.address, app.code))
        .header("cookie", "intercede_lang=es")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Personas en trabajo forzoso"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_keep_praying_list_is_in_the_phones_language() {
    // Arrange
    let app = spawn_app().await;
    let agenda = translate_first_topic(&app).await;
    let mut console = app.console().await;
    let mut spanish = phone(&app, "es").await;
    for _ in 0..2 {
        console.send(json!({"type": "next"})).await;
        console.next_of("state").await;
    }

    // Act
    console.send(json!({"type": "end"})).await;
    let ended = spanish
        .next_matching(|f| f["type"] == "state" && f["live"]["phase"] == "ended")
        .await;

    // Assert
    let topics = &ended["live"]["keep_praying"]["topics"];
    assert_eq!(topics[0]["title"], "Personas en trabajo forzoso");
    assert!(topics[0].get("fallback").is_none());
    assert_eq!(topics[1]["title"], agenda.sections[0].topics[1].title);
    assert_eq!(topics[1]["fallback"], true);
    assert_eq!(topics[1]["language"], "en");

    // The page itself, as the phone loads it again: Spanish, with a quiet
    // note on the topic that is not translated.
    let html = reqwest::Client::new()
        .get(format!("{}/j/{}", app.address, app.code))
        .header("cookie", "intercede_lang=es")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Personas en trabajo forzoso"));
    assert_eq!(
        html.matches("Aún sin traducir: se muestra en inglés.</p>")
            .count(),
        1,
        "{html}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_translation_saved_beside_the_original_reaches_phones_at_once() {
    // Arrange: a live topic, a Spanish phone, no translation yet.
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let agenda = agenda(&app).await;
    let first = &agenda.sections[0].topics[0];
    let mut console = app.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    let mut spanish = phone(&app, "es").await;
    // A gathering with no translation at all shows its words without a note.
    assert!(topic(&spanish.snapshot).get("fallback").is_none());

    // Act: add Spanish in the editor, then fill in the first topic beside the original.
    let added = app
        .post_form(
            &browser,
            &format!("/console/{}/translations", app.code),
            &[("csrf", &csrf), ("language", "es")],
        )
        .await;
    assert_eq!(added.status(), 303);
    let page_path = added.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(page_path, format!("/console/{}/translations/es", app.code));
    let page = app.get_text(&browser, &page_path).await;
    // The original stands beside each field.
    assert!(page.contains(&escape(&first.title)), "{page}");
    assert!(page.contains(&format!("name=\"t{}_title\"", first.id)));
    let title = format!("t{}_title", first.id);
    let body = format!("t{}_body", first.id);
    let saved = app
        .post_form(
            &browser,
            &page_path,
            &[
                ("csrf", &csrf),
                ("g_title", "Noche de oración"),
                (&title, "  Personas   en trabajo forzoso "),
                (&body, "Oremos por ellos.\r\n\r\nY por sus familias."),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);

    // Assert: the phone shows it at once; stored tidy, the rest untranslated.
    let state = spanish
        .next_matching(|f| f["type"] == "state" && topic(f)["language"] == "es")
        .await;
    assert_eq!(topic(&state)["title"], "Personas en trabajo forzoso");
    assert_eq!(
        topic(&state)["body_html"],
        "<p>Oremos por ellos.</p>\n<p>Y por sus familias.</p>\n"
    );
    assert_eq!(state["gathering"]["title"], "Noche de oración");
    let stored = &self::agenda(&app).await.sections[0].topics[0].translations["es"];
    assert_eq!(stored.body, "Oremos por ellos.\n\nY por sus familias.");
    assert!(stored.scripture.is_none());

    // A field too long is refused beside it, nothing saved.
    let long = "x".repeat(200);
    let refused = app
        .post_form(&browser, &page_path, &[("csrf", &csrf), (&title, &long)])
        .await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("aria-invalid=\"true\"")
    );

    // Removing the language removes every translated word with it.
    let removed = app
        .post_form(
            &browser,
            &format!("/console/{}/translations/es/remove", app.code),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(removed.status(), 303);
    let state = spanish
        .next_matching(|f| f["type"] == "state" && topic(f)["language"] == "en")
        .await;
    assert_eq!(topic(&state)["title"], first.title);
    // No translation left: the words come without a note.
    assert!(topic(&state).get("fallback").is_none());
    assert!(self::agenda(&app).await.translations.is_empty());
}

/// The demo agenda's first section in Spanish, written as a guide: one extra
/// topic at the start that the original does not have.
fn spanish_guide(agenda: &StoredAgenda) -> String {
    let section = &agenda.sections[0];
    let mut guide = String::from("# Noche de oración\n\n## Oremos por | La esclavitud laboral\n\n");
    guide.push_str("### Un tema nuevo\n\nNo está en el original.\n\n");
    for (i, _) in section.topics.iter().enumerate() {
        guide.push_str(&format!(
            "### Tema traducido {i}\n\nTexto traducido {i}.\n\n"
        ));
    }
    guide
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_translated_guide_is_paired_by_order_and_saved_as_adjusted() {
    // Arrange
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let agenda = agenda(&app).await;
    let topics: Vec<_> = agenda.sections[0].topics.iter().collect();
    let guide = spanish_guide(&agenda);

    // Act: preview.
    let form = Form::new()
        .text("csrf", csrf.clone())
        .text("language", "es")
        .text("text", guide.clone());
    let preview = browser
        .post(format!(
            "{}/console/{}/import-translation/preview",
            app.address, app.code
        ))
        .multipart(form)
        .send()
        .await
        .unwrap();

    // Assert: paired by order (the extra first topic with the original's
    // first), side by side; nothing stored yet.
    assert_eq!(preview.status(), 200);
    let html = preview.text().await.unwrap();
    assert!(html.contains("Un tema nuevo"), "{html}");
    let selected = format!(
        "<option value=\"0\" selected>1. {}</option>",
        escape(&topics[0].title)
    );
    let first_select = &html[html.find("name=\"topic-0\"").unwrap()..];
    assert!(
        first_select[..first_select.find("</select>").unwrap()].contains(&selected),
        "{html}"
    );
    assert!(self::agenda(&app).await.translations.is_empty());

    // Act: the facilitator skips the extra topic and pairs each translated
    // topic with its original (the one after it in order).
    let mut fields = vec![
        ("csrf".to_string(), csrf.clone()),
        ("language".to_string(), "es".to_string()),
        ("text".to_string(), guide),
        ("section-0".to_string(), "0".to_string()),
        ("topic-0".to_string(), "skip".to_string()),
    ];
    for i in 0..topics.len() {
        fields.push((format!("topic-{}", i + 1), i.to_string()));
    }
    let saved = browser
        .post(format!(
            "{}/console/{}/import-translation",
            app.address, app.code
        ))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);

    // Assert: what was saved is the adjusted pairing.
    let stored = self::agenda(&app).await;
    assert_eq!(stored.translations["es"].title, "Noche de oración");
    assert_eq!(
        stored.sections[0].translations["es"].title,
        "Oremos por | La esclavitud laboral"
    );
    for (i, topic) in stored.sections[0].topics.iter().enumerate() {
        let es = &topic.translations["es"];
        assert_eq!(es.title, format!("Tema traducido {i}"));
        assert_eq!(es.body, format!("Texto traducido {i}."));
    }
    assert!(stored.sections[1].topics[0].translations.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_carry_translations_and_import_them_back() {
    // Arrange: a Spanish translation, exported both ways.
    let app = spawn_app().await;
    translate_first_topic(&app).await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let original = agenda(&app).await.to_new_agenda();
    assert_eq!(original.translations.len(), 1);

    for format in ["json", "md"] {
        let text = app
            .get_text(&browser, &format!("/console/{}/export.{format}", app.code))
            .await;
        if format == "json" {
            assert_eq!(from_json(&text).unwrap(), original);
        }
        assert_eq!(
            read_agenda(&text, None).unwrap().agenda,
            original,
            "{format}"
        );

        // Act: import the export through the console.
        let form = Form::new()
            .text("csrf", csrf.clone())
            .text("title", "")
            .text("text", text.clone());
        let preview = browser
            .post(format!("{}/console/import/preview", app.address))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(preview.status(), 200, "{format}");
        let created = app
            .post_form(
                &browser,
                "/console/import",
                &[("csrf", &csrf), ("title", ""), ("text", &text)],
            )
            .await;
        assert_eq!(created.status(), 303, "{format}");

        // Assert: the new gathering has the translation, as exported.
        let code = created.headers()["location"].to_str().unwrap()[9..15].to_string();
        let gathering = app
            .store
            .find_gathering(&intercede::domain::JoinCode::parse(&code).unwrap())
            .await
            .unwrap()
            .unwrap();
        let copy = app
            .store
            .load_agenda(&gathering)
            .await
            .unwrap()
            .to_new_agenda();
        assert_eq!(copy, original, "{format}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tap_counts_for_the_topic_whatever_the_language() {
    // Arrange: the first topic on screen, read in English, Spanish and French.
    let app = spawn_app().await;
    let agenda = translate_first_topic(&app).await;
    let first = agenda.sections[0].topics[0].id;
    let mut console = app.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;

    // Act: one tap from each.
    for (n, lang) in ["en", "es", "fr"].into_iter().enumerate() {
        let mut phone = phone(&app, lang).await;
        phone
            .send(json!({"type": "tap", "op": format!("op-{n}"), "topic": first}))
            .await;
        let ack = phone.next_of("ack").await;
        assert_eq!(ack["counted"], true);
    }

    // Assert: three for the one topic, in the report too, which names the languages.
    let (browser, _) = app.facilitator().await;
    let json: Value = serde_json::from_str(
        &app.get_text(&browser, &format!("/console/{}/report.json", app.code))
            .await,
    )
    .unwrap();
    assert_eq!(json["topics"][0]["praying"], 3);
    let page = app
        .get_text(&browser, &format!("/console/{}/report", app.code))
        .await;
    assert!(
        page.contains("Languages: English (main), Spanish."),
        "{page}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editor_sets_the_main_language_and_lists_the_translations() {
    // Arrange
    let app = spawn_app().await;
    translate_first_topic(&app).await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;

    // The editor lists Spanish with how much is translated, and offers the others.
    let editor = app
        .get_text(&browser, &format!("/console/{}/edit", app.code))
        .await;
    assert!(editor.contains(&format!("href=\"/console/{}/translations/es\"", app.code)));
    assert!(editor.contains("1 of 13 topics translated"), "{editor}");
    assert!(editor.contains("<option value=\"fr\" lang=\"fr\">Français</option>"));
    // Each topic's form leads to its place on the translation page.
    let first = agenda(&app).await.sections[0].topics[0].id;
    let form = app
        .get_text(&browser, &format!("/console/{}/topics/{first}", app.code))
        .await;
    assert!(form.contains(&format!(
        "href=\"/console/{}/translations/es#topic-{first}\"",
        app.code
    )));

    // Act: the gathering is said to be written in French.
    let saved = app
        .post_form(
            &browser,
            &format!("/console/{}/language", app.code),
            &[("csrf", &csrf), ("language", "fr")],
        )
        .await;
    assert_eq!(saved.status(), 303);

    // Assert: an English phone now gets the French original, marked as such.
    assert_eq!(app.gathering().await.language, "fr");
    let mut console = app.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    let english = phone(&app, "en").await;
    assert_eq!(topic(&english.snapshot)["language"], "fr");
    assert_eq!(topic(&english.snapshot)["fallback"], true);
    let spanish = phone(&app, "es").await;
    assert_eq!(topic(&spanish.snapshot)["language"], "es");

    // A language that is not one of ours is refused.
    let refused = app
        .post_form(
            &browser,
            &format!("/console/{}/language", app.code),
            &[("csrf", &csrf), ("language", "de")],
        )
        .await;
    assert_eq!(refused.status(), 400);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_duplicate_keeps_the_translations_and_deleting_a_topic_takes_its_own() {
    // Arrange
    let app = spawn_app().await;
    let agenda = translate_first_topic(&app).await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;

    // Act: duplicate the gathering.
    let copied = app
        .post_form(
            &browser,
            &format!("/console/{}/duplicate", app.code),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(copied.status(), 303);

    // Assert: the copy has the same translations.
    let code = copied.headers()["location"].to_str().unwrap()[9..15].to_string();
    let copy = app
        .store
        .find_gathering(&intercede::domain::JoinCode::parse(&code).unwrap())
        .await
        .unwrap()
        .unwrap();
    let copy = app.store.load_agenda(&copy).await.unwrap();
    let translated = self::agenda(&app).await.to_new_agenda().translations;
    assert_eq!(translated.len(), 1);
    assert_eq!(copy.to_new_agenda().translations, translated);

    // Act: delete the translated topic, then add one with the same place.
    let first = agenda.sections[0].topics[0].id;
    let deleted = app
        .post_form(
            &browser,
            &format!("/console/{}/topics/{first}/delete", app.code),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(deleted.status(), 303);

    // Assert: no topic of the original has a translation any more; the copy's is intact.
    let after = self::agenda(&app).await;
    assert!(
        after
            .sections
            .iter()
            .flat_map(|s| &s.topics)
            .all(|t| t.translations.is_empty())
    );
    assert_eq!(
        after.translations["es"].title,
        "Noche de oración por la justicia"
    );
    let copy_again = app.store.load_agenda(&copy.gathering).await.unwrap();
    assert_eq!(
        copy_again.sections[0].topics[0].translations["es"].title,
        "Personas en trabajo forzoso"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gathering_never_translated_shows_phones_in_other_languages_no_note() {
    // Arrange: the demo gathering, in English only, with a topic on screen.
    let app = spawn_app().await;
    let mut console = app.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;

    // Act: a Swahili phone joins, and loads the page.
    let swahili = phone(&app, "sw").await;
    let html = reqwest::Client::new()
        .get(format!("{}/j/{}", app.address, app.code))
        .header("cookie", "intercede_lang=sw")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    // Assert: the words, without a note that they are not translated.
    assert!(topic(&swahili.snapshot).get("fallback").is_none());
    let note = html
        .split("id=\"translation-note\"")
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .expect("the page has the note's place");
    assert!(note.ends_with(" hidden>"), "{note}");
    assert!(
        html.contains("\"en\":\"Kiingereza\""),
        "languages named in Swahili for the phone's sentences"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_group_of_the_translation_page_has_a_save_that_comes_back_to_it() {
    // Arrange: Spanish added; the translation page as the facilitator sees it.
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let edit = format!("/console/{}/edit", app.code);
    let added = app
        .press(
            &browser,
            &edit,
            &format!("/console/{}/translations", app.code),
            &[("language", "es")],
        )
        .await;
    assert_eq!(added.status(), 303);
    let page_path = format!("/console/{}/translations/es", app.code);
    let html = app.get_text(&browser, &page_path).await;
    let agenda = agenda(&app).await;
    let second = &agenda.sections[0].topics[1];

    // Assert: a Save in every group.
    let mut form = super::page_forms::form_to(&page_path, &html, &page_path).expect("the form");
    let saves: Vec<String> = form
        .buttons
        .iter()
        .flatten()
        .map(|(_, v)| v.clone())
        .collect();
    let groups = 1
        + agenda.sections.len()
        + agenda
            .sections
            .iter()
            .map(|s| s.topics.len())
            .sum::<usize>();
    assert_eq!(saves.len(), groups, "{saves:?}");

    // Act: the second topic's title typed, saved with its own button.
    form.set(
        &format!("t{}_title", second.id),
        "Cadenas de suministro honestas",
    );
    let here = format!("topic-{}", second.id);
    let button = ("at".to_string(), here.clone());
    let saved = form
        .request(&browser, &app.address, Some(&button))
        .send()
        .await
        .unwrap();

    // Assert: saved, and back at that topic.
    assert_eq!(saved.status(), 303);
    assert_eq!(
        saved.headers()["location"],
        format!("{page_path}#{here}").as_str()
    );
    let stored = &self::agenda(&app).await.sections[0].topics[1].translations["es"];
    assert_eq!(stored.title, "Cadenas de suministro honestas");
}
