//! Topics in several languages in a real headless Chromium: a phone switched
//! to Spanish shows the Spanish topic where it was (and a quiet note where a
//! topic is not translated), and a bilingual projector fits two languages
//! side by side on the screen with no overflow.

use super::browser::{add_topic, jump};
use super::browser_support::driver;
use super::helpers::TestApp;
use super::helpers::spawn_app;
use intercede::domain::{GatheringText, Scripture, TopicText};
use serde_json::json;

/// Saves a Spanish translation of one topic (title and body; a verse too if given).
async fn translate(app: &TestApp, topic: i64, title: &str, body: &str, verse: Option<Scripture>) {
    let gathering = app.gathering().await;
    app.store
        .save_translation(
            gathering.id,
            "es",
            &GatheringText::default(),
            &[],
            &[(
                topic,
                TopicText {
                    title: title.into(),
                    scripture: verse.clone(),
                    body: body.into(),
                    safe_summary: String::new(),
                },
            )],
        )
        .await
        .unwrap();
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    // An edit from the editor reaches open rooms: save the same words through it.
    let (text, reference) = verse
        .as_ref()
        .map(|v| (v.text.as_str(), v.reference.as_str()))
        .unwrap_or(("", ""));
    let saved = app
        .post_form(
            &browser,
            &format!("/console/{}/translations/es", app.code),
            &[
                ("csrf", &csrf),
                (&format!("t{topic}_title"), title),
                (&format!("t{topic}_body"), body),
                (&format!("t{topic}_scripture_text"), text),
                (&format!("t{topic}_scripture_ref"), reference),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_switched_to_spanish_shows_the_spanish_topic_where_it_was() {
    // Arrange: the second topic on screen, translated into Spanish; the third not.
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    translate(
        &app,
        topics[1],
        "Cadenas de suministro honestas",
        "Oremos por las empresas que revisan sus proveedores.",
        None,
    )
    .await;
    jump(&app, topics[1]).await;
    let phone = driver.open(390, 780).await;
    phone.goto(&format!("{}/j/{}", app.address, app.code)).await;
    phone
        .wait_for(
            "the phone to connect",
            "return document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;
    let english_title = phone.text("#topic-title").await;
    assert_ne!(english_title, "Cadenas de suministro honestas");
    let number = phone.text("#topic-number").await;

    // Act: the attendee picks Spanish.
    phone
        .eval(
            "var s = document.getElementById('language-select'); s.value = 'es'; \
             s.dispatchEvent(new Event('change')); return true;",
        )
        .await;

    // Assert: the same topic, in Spanish, no note.
    phone
        .wait_for(
            "the page in Spanish, connected",
            "return document.documentElement.lang === 'es' && \
             document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;
    assert_eq!(
        phone.text("#topic-title").await,
        "Cadenas de suministro honestas"
    );
    assert!(
        phone
            .text("#paragraphs")
            .await
            .contains("Oremos por las empresas")
    );
    assert_eq!(
        phone
            .eval("return document.getElementById('phase-topic').lang;")
            .await,
        json!("es")
    );
    assert_eq!(
        phone
            .eval("return document.getElementById('translation-note').hidden;")
            .await,
        json!(true)
    );
    // Its scripture is not translated: shown in English, in English's `lang`,
    // and said so.
    phone
        .wait_for_text(
            "#scripture-note",
            "El pasaje bíblico aún no está traducido: se muestra en inglés.",
        )
        .await;
    assert_eq!(
        phone
            .eval("return document.querySelector('#phase-topic blockquote.scripture').lang;")
            .await,
        json!("en")
    );
    assert_ne!(
        phone.text("#topic-number").await,
        number,
        "numbered in Spanish"
    );
    assert!(phone.text("#topic-number").await.contains('2'));
    phone.screenshot("phone-topic-in-spanish").await;

    // Act: the facilitator moves on to a topic not translated.
    jump(&app, topics[2]).await;

    // Assert: English words, and a quiet note in Spanish saying so, the
    // language named in Spanish.
    phone
        .wait_for_text(
            "#translation-note",
            "Aún sin traducir: se muestra en inglés.",
        )
        .await;
    assert_eq!(
        phone
            .eval("return document.getElementById('phase-topic').lang;")
            .await,
        json!("en")
    );
    phone.screenshot("phone-topic-not-translated").await;

    // Act: the facilitator translates it in the editor.
    translate(
        &app,
        topics[2],
        "Valor para denunciar",
        "Oremos por valor.",
        None,
    )
    .await;

    // Assert: the phone shows it at once, the note gone.
    phone
        .wait_for_text("#topic-title", "Valor para denunciar")
        .await;
    assert_eq!(
        phone
            .eval("return document.getElementById('translation-note').hidden;")
            .await,
        json!(true)
    );
    phone.close().await;
}

const LONG_EN: &str = "Pray for survivors who are giving evidence this month. Many have told their story again and again; ask the Lord to give them rest, to surround them with people who believe them, and to bring them justice that is swift and fair.

- For judges who hear cases of exploitation, that they would listen well.
- For prosecutors who carry heavy caseloads, that they would be given strength.
- For aftercare staff who walk with survivors for years, that they would be refreshed.

Pray for communities where children are most at risk: for schools, churches and local leaders who notice when a child goes missing, and for families who are offered false promises of work far away.";

const LONG_ES: &str = "Oremos por los sobrevivientes que dan testimonio este mes. Muchos han contado su historia una y otra vez; pidamos al Señor que les dé descanso, que los rodee de personas que les crean y que les traiga una justicia rápida y justa.

- Por los jueces que escuchan casos de explotación, para que escuchen bien.
- Por los fiscales que llevan muchos casos, para que reciban fuerzas.
- Por el personal que acompaña a los sobrevivientes durante años, para que sea renovado.

Oremos por las comunidades donde los niños corren más riesgo: por las escuelas, iglesias y líderes locales que notan cuando un niño desaparece, y por las familias a las que se ofrecen falsas promesas de trabajo lejos de casa.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bilingual_projector_fits_two_languages_side_by_side() {
    // Arrange: a long topic in English and Spanish, on screen.
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let topic = add_topic(
        &app,
        "Justice for survivors, courage for witnesses, and wisdom for every judge and prosecutor",
        LONG_EN,
    )
    .await;
    translate(
        &app,
        topic,
        "Justicia para los sobrevivientes, valor para los testigos y sabiduría para cada juez y fiscal",
        LONG_ES,
        Some(Scripture {
            text: "Aprendan a hacer el bien; busquen la justicia. Defiendan al oprimido.".into(),
            reference: "Isaías 1:17".into(),
        }),
    )
    .await;
    jump(&app, topic).await;
    let projector = driver.open(1280, 720).await;
    projector
        .goto(&format!("{}/p/{}", app.address, app.code))
        .await;
    projector
        .wait_for_text("#topic-title", "Justice for survivors")
        .await;
    assert_eq!(
        projector
            .eval("return document.getElementById('topic-beside').hidden;")
            .await,
        json!(true),
        "one language until the console says two"
    );

    // Act: the facilitator chooses English and Spanish side by side in the console.
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let console = app
        .get_text(&browser, &format!("/console/{}", app.code))
        .await;
    assert!(
        console.contains("value=\"en,es\""),
        "the console offers both"
    );
    let chosen = app
        .post_form(
            &browser,
            &format!("/console/{}/projector-languages", app.code),
            &[("csrf", &csrf), ("languages", "en,es")],
        )
        .await;
    assert_eq!(chosen.status(), 303);

    // Assert: the open projector turns bilingual at once.
    projector
        .wait_for_text(
            "#topic-beside .p-topic-title",
            "Justicia para los sobrevivientes",
        )
        .await;
    projector.close().await;

    for (width, height) in [(1280, 720), (1920, 1080)] {
        let projector = driver.open(width, height).await;
        projector
            .goto(&format!("{}/p/{}", app.address, app.code))
            .await;
        projector
            .wait_for_text(
                "#topic-beside .p-topic-title",
                "Justicia para los sobrevivientes",
            )
            .await;
        // Give the fitting a moment to settle.
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        let (scroll_w, client_w, scroll_h, client_h) = projector.scroll_sizes().await;
        assert!(
            scroll_w <= client_w,
            "{width}x{height}: no horizontal overflow ({scroll_w} > {client_w})"
        );
        assert!(
            scroll_h <= client_h,
            "{width}x{height}: no vertical overflow ({scroll_h} > {client_h})"
        );
        let fits = projector
            .eval(
                "var area = document.getElementById('topic-area'); \
                 var box = area.getBoundingClientRect(); \
                 var main = document.getElementById('topic-main').getBoundingClientRect(); \
                 var beside = document.getElementById('topic-beside').getBoundingClientRect(); \
                 var last = document.querySelector('#topic-body > :last-child').getBoundingClientRect(); \
                 var lastBeside = document.querySelector('#topic-beside [data-body] > :last-child').getBoundingClientRect(); \
                 return [area.scrollHeight <= area.clientHeight + 1, box.bottom <= window.innerHeight + 1, \
                         last.bottom <= box.bottom + 1, lastBeside.bottom <= box.bottom + 1, \
                         beside.left >= main.right, beside.right <= window.innerWidth + 1];",
            )
            .await;
        assert_eq!(
            fits,
            json!([true, true, true, true, true, true]),
            "{width}x{height}: both languages wholly on screen, side by side"
        );
        let size: f64 = projector
            .eval("return parseFloat(getComputedStyle(document.querySelector('#topic-beside [data-body] p')).fontSize);")
            .await
            .as_f64()
            .unwrap();
        assert!(
            size >= 12.0,
            "{width}x{height}: text still legible ({size}px)"
        );
        projector
            .screenshot(&format!("projector-bilingual-{width}x{height}"))
            .await;
        projector.close().await;
    }

    // A praise topic not translated into Spanish: its note in Spanish in the
    // second column, not the English again, and Praise on both sides.
    let topics = app.topic_ids().await;
    jump(&app, topics[2]).await;
    let projector = driver.open(1280, 720).await;
    projector
        .goto(&format!("{}/p/{}", app.address, app.code))
        .await;
    projector
        .wait_for(
            "the second column to say the topic is not translated",
            "var b = document.getElementById('topic-beside'); \
             var note = b.querySelector('.p-untranslated'); \
             return b.classList.contains('is-untranslated') && getComputedStyle(note).display !== 'none' \
               && note.textContent.indexOf('Aún sin traducir') >= 0 \
               && getComputedStyle(b.querySelector('.p-topic-title')).display === 'none';",
        )
        .await;
    assert_eq!(
        projector
            .eval(
                "return Array.prototype.map.call(document.querySelectorAll('#topic-area .p-kind'), \
                 function (k) { return getComputedStyle(k).display !== 'none' ? k.textContent.trim() : ''; });"
            )
            .await,
        json!(["Praise", "Alabanza"]),
        "Praise on both sides"
    );
    projector
        .screenshot("projector-bilingual-untranslated")
        .await;
    projector.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bilingual_projector_welcomes_and_closes_in_both_languages() {
    // Arrange: words of welcome and closing words in English and Spanish.
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let gathering = app.gathering().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let saved = app
        .post_form(
            &browser,
            &format!("/console/{}/settings", app.code),
            &[
                ("csrf", &csrf),
                ("title", &gathering.title),
                (
                    "introduction",
                    "Welcome, everyone. Find a seat near the front.",
                ),
                ("closing_message", "Thank you for praying with us."),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    app.store.add_translation(gathering.id, "es").await.unwrap();
    let saved = app
        .post_form(
            &browser,
            &format!("/console/{}/translations/es", app.code),
            &[
                ("csrf", &csrf),
                ("g_title", "Noche de oración por la justicia"),
                (
                    "g_introduction",
                    "Bienvenidos. Busquen un asiento cerca del frente.",
                ),
                ("g_closing", "Gracias por orar con nosotros."),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let chosen = app
        .post_form(
            &browser,
            &format!("/console/{}/projector-languages", app.code),
            &[("csrf", &csrf), ("languages", "en,es")],
        )
        .await;
    assert_eq!(chosen.status(), 303);

    // Act: the projector before the first topic.
    let projector = driver.open(1280, 720).await;
    projector
        .goto(&format!("{}/p/{}", app.address, app.code))
        .await;

    // Assert: the welcome in both languages, on screen.
    projector
        .wait_for_text(
            "#welcome-beside [data-text=title]",
            "Noche de oración por la justicia",
        )
        .await;
    assert!(
        projector
            .text("#welcome-beside")
            .await
            .contains("Bienvenidos.")
    );
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let (_, _, scroll_h, client_h) = projector.scroll_sizes().await;
    assert!(scroll_h <= client_h, "welcome: no vertical overflow");
    projector.screenshot("projector-bilingual-welcome").await;

    // Act: the gathering ends.
    let mut console = app.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    console.send(json!({"type": "end"})).await;
    console.next_of("state").await;

    // Assert: the closing words in both languages.
    projector
        .wait_for_text("#closing-beside", "Gracias por orar con nosotros.")
        .await;
    assert!(
        projector
            .text("#closing")
            .await
            .contains("Thank you for praying")
    );
    let (_, _, scroll_h, client_h) = projector.scroll_sizes().await;
    assert!(scroll_h <= client_h, "closing: no vertical overflow");
    projector.screenshot("projector-bilingual-closing").await;
    projector.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_translation_page_puts_each_field_beside_the_original_and_stacks_on_a_phone() {
    // Arrange: a Spanish translation to edit.
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let gathering = app.gathering().await;
    app.store.add_translation(gathering.id, "es").await.unwrap();
    let path = format!("/console/{}/translations/es", app.code);
    let topic = app.topic_ids().await[0];
    let field = format!("t{topic}_title");
    let geometry = format!(
        "var input = document.getElementById('{field}').getBoundingClientRect(); \
         var original = input.top; \
         var row = document.getElementById('{field}').closest('.side-by-side'); \
         var left = row.querySelector('.original').getBoundingClientRect(); \
         return [left.right <= input.left, left.bottom <= input.top + 1, \
                 document.documentElement.scrollWidth <= window.innerWidth];"
    );

    for (width, beside) in [(1280, true), (390, false)] {
        // Act
        let page = super::browser_support::facilitator_page(&driver, &app, width, &path).await;

        // Assert: beside the original on a laptop, under it on a phone; no sideways scroll.
        let found = page.eval(&geometry).await;
        assert_eq!(found[0], json!(beside), "{width}: {found}");
        assert_eq!(found[1], json!(!beside), "{width}: {found}");
        assert_eq!(found[2], json!(true), "{width}: no sideways scroll");
        page.screenshot(&format!("translation-page-{width}")).await;
        page.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_facilitator_imports_a_translated_guide_and_adjusts_the_pairing() {
    // Arrange: the editor's "Import a translated guide" page.
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let agenda = app.store.load_agenda(&app.gathering().await).await.unwrap();
    let first = &agenda.sections[0].topics;
    let path = format!("/console/{}/import-translation", app.code);
    let page = super::browser_support::facilitator_page(&driver, &app, 1280, &path).await;
    // A guide in Spanish whose first topic is one the original does not have.
    let guide = "# Noche de oración\n\n## Oremos por | La esclavitud laboral\n\n\
                 ### Un tema nuevo\n\nNo está en el original.\n\n\
                 ### Personas en trabajo forzoso\n\nOremos por ellos.\n";
    page.eval(&format!(
        "document.getElementById('it-language').value = 'es'; \
         document.getElementById('it-text').value = {}; return true;",
        serde_json::to_string(guide).unwrap()
    ))
    .await;

    // Act: preview.
    page.click("form button[type=submit]").await;
    page.wait_for(
        "the pairing preview",
        "return !!document.getElementById('topic-0');",
    )
    .await;

    // Assert: paired by order, side by side, nothing stored yet.
    assert_eq!(
        page.eval("return document.getElementById('topic-0').value;")
            .await,
        json!("0")
    );
    assert!(
        app.store
            .load_agenda(&app.gathering().await)
            .await
            .unwrap()
            .translations
            .is_empty()
    );
    page.screenshot("translation-pairing").await;

    // Act: skip the new topic and pair the second with the original's first.
    page.eval(
        "document.getElementById('topic-0').value = 'skip'; \
         document.getElementById('topic-1').value = '0'; return true;",
    )
    .await;
    page.click("form .btn-primary").await;
    page.wait_for(
        "the translation page",
        "return location.pathname.endsWith('/translations/es');",
    )
    .await;

    // Assert: saved as adjusted.
    let stored = app.store.load_agenda(&app.gathering().await).await.unwrap();
    let es = &stored.sections[0].topics[0].translations["es"];
    assert_eq!(es.title, "Personas en trabajo forzoso");
    assert_eq!(es.body, "Oremos por ellos.");
    assert!(stored.sections[0].topics[1].translations.is_empty());
    assert_eq!(first[0].id, stored.sections[0].topics[0].id);
    page.close().await;
}
