//! The pages in a real headless Chromium, as people in the room use them. Each
//! test saves screenshots of the views it used under `target/screenshots/`.

use super::browser_support::{Page, driver, facilitator_page};
use super::helpers::{OWNER, PASSWORD, TestApp, spawn_app, spawn_app_in};
use intercede::domain::{NewTopic, TopicKind};
use serde_json::json;

/// Moves the gathering with a console socket, as the facilitator would.
pub(super) async fn jump(app: &TestApp, topic: i64) {
    let mut console = app.console().await;
    console.send(json!({"type": "jump", "topic": topic})).await;
    console.next_of("state").await;
}

async fn first_titles(app: &TestApp) -> Vec<String> {
    let gathering = app.gathering().await;
    let agenda = app.store.load_agenda(&gathering).await.unwrap();
    agenda
        .sections
        .iter()
        .flat_map(|s| s.topics.iter().map(|t| t.title.clone()))
        .collect()
}

/// Adds a topic to the demo's first section and returns its id.
pub(super) async fn add_topic(app: &TestApp, title: &str, body: &str) -> i64 {
    let gathering = app.gathering().await;
    let section = app.store.load_agenda(&gathering).await.unwrap().sections[0].id;
    let topic = NewTopic {
        title: title.into(),
        scripture: Some(intercede::domain::Scripture {
            text: "Learn to do right; seek justice. Defend the oppressed. Take up the cause of the fatherless; plead the case of the widow.".into(),
            reference: "Isaiah 1:17".into(),
        }),
        body: body.into(),
        kind: TopicKind::Pray,
        planned_minutes: 5,
        notes: String::new(),
        sensitive: false,
        safe_summary: String::new(),
    };
    app.store
        .add_topic(gathering.id, section, &topic)
        .await
        .unwrap()
        .unwrap()
}

async fn phone(driver: &super::browser_support::Driver, app: &TestApp, width: u32) -> Page {
    let page = driver.open(width, 780).await;
    page.goto(&format!("{}/j/{}", app.address, app.code)).await;
    page.wait_for(
        "the phone to connect",
        "return document.getElementById('connection').getAttribute('data-state') === 'online';",
    )
    .await;
    page
}

async fn projector(
    driver: &super::browser_support::Driver,
    app: &TestApp,
    width: u32,
    height: u32,
) -> Page {
    let page = driver.open(width, height).await;
    page.goto(&format!("{}/p/{}", app.address, app.code)).await;
    page
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn phone_and_projector_follow_the_facilitators_console() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let titles = first_titles(&app).await;
    let phone = phone(&driver, &app, 390).await;
    let projector = projector(&driver, &app, 1280, 720).await;
    let console = driver.open(1280, 900).await;

    // The facilitator logs in through the page and presses Next.
    console
        .goto(&format!("{}/console/{}", app.address, app.code))
        .await;
    console.type_into("input[name=name]", OWNER).await;
    console.type_into("input[name=password]", PASSWORD).await;
    console.click("button[type=submit]").await;
    console
        .wait_for(
            "the console",
            "return !!document.getElementById('btn-next');",
        )
        .await;
    console
        .wait_for(
            "the console to connect",
            "return document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;
    phone.screenshot("follow-phone-welcome").await;
    projector.screenshot("follow-projector-welcome").await;
    console.click("#btn-next").await;

    phone.wait_for_text("#topic-title", &titles[0]).await;
    projector.wait_for_text("#topic-title", &titles[0]).await;
    console.wait_for_text("#current-title", &titles[0]).await;
    phone
        .wait_for_text("#topic-number", &format!("1 of {}", titles.len()))
        .await;

    // And once more, with the keyboard.
    console.eval("document.body.focus(); document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true})); return true;").await;
    phone.wait_for_text("#topic-title", &titles[1]).await;
    projector.wait_for_text("#topic-title", &titles[1]).await;
    phone.wait_for_text("#so-far-list", &titles[0]).await;

    phone.screenshot("follow-phone").await;
    projector.screenshot("follow-projector").await;
    console.screenshot("follow-console").await;
    for page in [phone, projector, console] {
        page.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tap_on_the_phone_raises_the_projectors_count() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let topic = app.topic_ids().await[0];
    jump(&app, topic).await;
    let phone = phone(&driver, &app, 390).await;
    let projector = projector(&driver, &app, 1280, 720).await;
    projector.wait_for_text("#praying-number", "0").await;

    phone.click("#pray-button").await;

    phone.wait_for_text("#pray-status", "Counted").await;
    projector.wait_for_text("#praying-number", "1").await;
    let gathering = app.gathering().await;
    assert_eq!(app.store.count_taps(gathering.id, topic).await.unwrap(), 1);
    // A second tap does not count twice.
    phone.click("#pray-button").await;
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    assert_eq!(app.store.count_taps(gathering.id, topic).await.unwrap(), 1);
    assert_eq!(projector.text("#praying-number").await, "1");
    phone.screenshot("tap-phone-counted").await;
    projector.screenshot("tap-projector-count").await;
    phone.close().await;
    projector.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tap_made_while_the_server_is_down_is_counted_once_when_it_returns() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let port: u16 = app.host.rsplit(':').next().unwrap().parse().unwrap();
    let topic = app.topic_ids().await[0];
    jump(&app, topic).await;
    let phone = phone(&driver, &app, 390).await;

    // The server goes away; the phone notices and keeps the topic on screen.
    let dir = app.stop().await;
    phone
        .wait_for(
            "the phone to notice",
            "return document.getElementById('connection').getAttribute('data-state') !== 'online';",
        )
        .await;
    phone.click("#pray-button").await;
    phone.wait_for("the tap to be queued", "var q = localStorage.getItem('intercede.pending.' + document.body.getAttribute('data-code')); return !!q && JSON.parse(q).length === 1;").await;
    assert!(
        !phone.text("#pray-status").await.contains("Counted"),
        "not counted before the server has it"
    );
    assert!(
        !phone.text("#topic-title").await.is_empty(),
        "the topic stays on screen"
    );
    phone.screenshot("offline-phone-queued").await;

    // The server comes back on the same address and file.
    let app = spawn_app_in(dir, |settings| settings.port = port).await;
    phone.wait_for_text("#pray-status", "Counted").await;
    let gathering = app.gathering().await;
    assert_eq!(app.store.count_taps(gathering.id, topic).await.unwrap(), 1);
    // A reload keeps it counted, and still once.
    phone.client.refresh().await.unwrap();
    phone
        .wait_for(
            "the phone to reconnect",
            "return document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;
    phone.wait_for_text("#pray-status", "Counted").await;
    assert_eq!(app.store.count_taps(gathering.id, topic).await.unwrap(), 1);
    phone.screenshot("offline-phone-counted").await;
    phone.close().await;
}

const LONG_BODY: &str = "Pray for the investigators, social workers, lawyers and police officers who work together on every case, that they would be patient, careful and brave, and that they would be protected from discouragement when cases move slowly through crowded courts.

Pray for survivors who are giving evidence this month. Many have told their story again and again; ask the Lord to give them rest, to surround them with people who believe them, and to bring them justice that is swift and fair.

- For judges who hear cases of exploitation, that they would listen well.
- For prosecutors who carry heavy caseloads, that they would be given strength.
- For aftercare staff who walk with survivors for years, that they would be refreshed.

Pray for communities where children are most at risk: for schools, churches and local leaders who notice when a child goes missing, and for families who are offered false promises of work far away. Ask for wisdom for every government official who writes and enforces the laws that protect them, and for the companies whose platforms and supply chains can either shelter or expose abuse.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_topic_fits_the_projector_without_overflow() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let topic = add_topic(
        &app,
        "Justice for survivors, courage for witnesses, and wisdom for every judge and prosecutor",
        LONG_BODY,
    )
    .await;
    // Its section has a description, which gives way to the topic's own words.
    edit_words(
        &app,
        "",
        "Our partners work in brick kilns and on fishing boats.",
    )
    .await;
    jump(&app, topic).await;

    for (width, height) in [(1280, 720), (1920, 1080)] {
        let projector = projector(&driver, &app, width, height).await;
        projector
            .wait_for_text("#topic-title", "Justice for survivors")
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
                "var area = document.getElementById('topic-area').getBoundingClientRect(); \
                 var last = document.querySelector('#topic-body > :last-child').getBoundingClientRect(); \
                 return [area.top >= 0, area.bottom <= window.innerHeight + 1, last.bottom <= window.innerHeight + 1, \
                         area.right <= window.innerWidth + 1];",
            )
            .await;
        assert_eq!(
            fits,
            json!([true, true, true, true]),
            "{width}x{height}: the whole topic is on screen"
        );
        assert_eq!(
            projector
                .eval("return document.getElementById('section-description').hidden;")
                .await,
            json!(true),
            "{width}x{height}: the section description gave way"
        );
        let size: f64 = projector
            .eval("return parseFloat(getComputedStyle(document.querySelector('#topic-body p')).fontSize);")
            .await
            .as_f64()
            .unwrap();
        assert!(
            size >= 16.0,
            "{width}x{height}: text still legible ({size}px)"
        );
        projector
            .screenshot(&format!("projector-long-topic-{width}x{height}"))
            .await;
        projector.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_phone_page_never_scrolls_sideways_at_320_pixels() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let unbroken = "Supercalifragilisticexpialidocious".repeat(4);
    let body = format!(
        "{LONG_BODY}\n\nRead more at https://example.org/{unbroken}/{unbroken} and {unbroken}."
    );
    let topic = add_topic(&app, &format!("A title with {unbroken}"), &body).await;
    jump(&app, topic).await;

    let phone = phone(&driver, &app, 320).await;
    phone.wait_for_text("#topic-title", "A title with").await;
    let (scroll_w, client_w, _, _) = phone.scroll_sizes().await;
    assert!(
        scroll_w <= client_w,
        "no horizontal overflow ({scroll_w} > {client_w})"
    );
    let font: f64 = phone
        .eval("return parseFloat(getComputedStyle(document.querySelector('#paragraphs p')).fontSize);")
        .await
        .as_f64()
        .unwrap();
    assert!(font >= 18.0, "body text at least 18px ({font}px)");
    let button: f64 = phone
        .eval("return document.getElementById('pray-button').getBoundingClientRect().height;")
        .await
        .as_f64()
        .unwrap();
    assert!(button >= 44.0, "a large tap target ({button}px)");
    phone.screenshot("phone-320-long-topic").await;
    phone.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_end_the_console_moves_on_only_through_reopen() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let titles = first_titles(&app).await;
    let phone = phone(&driver, &app, 390).await;
    let console = facilitator_page(&driver, &app, 1280, &format!("/console/{}", app.code)).await;
    console
        .wait_for(
            "the console to connect",
            "return document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;
    // The facilitator answers every confirmation with OK.
    console
        .eval("window.confirm = function () { return true; }; return true;")
        .await;
    console.click("#btn-next").await;
    phone.wait_for_text("#topic-title", &titles[0]).await;

    console.click("#btn-end").await;
    console
        .wait_for(
            "the controls to be disabled after End",
            "return ['btn-next', 'btn-previous', 'btn-blank', 'btn-join', 'btn-requests-screen'].every(function (id) { return document.getElementById(id).disabled; }) && !document.getElementById('btn-reopen').hidden && document.getElementById('btn-end').hidden;",
        )
        .await;
    // The phone's keep-praying page no longer says it is live.
    phone
        .wait_for(
            "the live indicator to leave the ended page",
            "return document.body.classList.contains('phase-ended') && getComputedStyle(document.getElementById('connection')).display === 'none';",
        )
        .await;
    // Space, the arrow key and the agenda say why nothing happens, and do nothing.
    console.eval("document.body.focus(); document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true})); return true;").await;
    console.wait_for_text("#console-status", "Reopen").await;
    console.screenshot("console-ended").await;
    let ended = app.attendee().await;
    assert_eq!(
        ended.snapshot["live"]["phase"], "ended",
        "phones stay on the closing screen"
    );

    console.click("#btn-reopen").await;
    phone.wait_for_text("#topic-title", &titles[0]).await;
    console
        .wait_for(
            "the controls back after Reopen",
            "return !document.getElementById('btn-next').disabled && !document.getElementById('btn-blank').disabled && document.getElementById('btn-reopen').hidden && !document.getElementById('btn-end').hidden;",
        )
        .await;
    console.click("#btn-next").await;
    phone.wait_for_text("#topic-title", &titles[1]).await;
    for page in [phone, console] {
        page.close().await;
    }
}

/// The markup of an element as the page shows it now.
pub(super) async fn outer_html(page: &Page, css: &str) -> String {
    let script = format!(
        "var e = document.querySelector({}); return e ? e.outerHTML : '';",
        serde_json::to_string(css).unwrap()
    );
    page.eval(&script)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The markup of the same element as the server renders the page afresh,
/// before any script runs.
pub(super) async fn served_html(page: &Page, css: &str) -> String {
    let script = format!(
        "var x = new XMLHttpRequest(); x.open('GET', location.href, false); x.send(); \
         var e = new DOMParser().parseFromString(x.responseText, 'text/html').querySelector({}); \
         return e ? e.outerHTML : '';",
        serde_json::to_string(css).unwrap()
    );
    page.eval(&script)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Saves the gathering's settings and a description on the first section, as
/// the facilitator would in the editor.
async fn edit_words(app: &TestApp, introduction: &str, description: &str) {
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let gathering = app.gathering().await;
    let saved = app
        .post_form(
            &browser,
            &format!("/console/{}/settings", app.code),
            &[
                ("csrf", &csrf),
                ("title", &gathering.title),
                ("introduction", introduction),
                (
                    "closing_message",
                    "Thank you for praying with us.\n\nTo learn more, visit example.org",
                ),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let section = &app.store.load_agenda(&gathering).await.unwrap().sections[0];
    let renamed = app
        .post_form(
            &browser,
            &format!("/console/{}/sections/{}/rename", app.code, section.id),
            &[
                ("csrf", &csrf),
                ("title", &section.title),
                ("description", description),
            ],
        )
        .await;
    assert_eq!(renamed.status(), 303);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edited_words_are_redrawn_live_exactly_as_a_fresh_page_draws_them() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let short = add_topic(&app, "Judges in Lusaka", "Pray for fair hearings.").await;
    let phone = phone(&driver, &app, 390).await;
    let projector = projector(&driver, &app, 1280, 720).await;
    projector
        .wait_for(
            "the projector to connect",
            "return document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;

    // The facilitator edits the introduction while phones wait.
    edit_words(
        &app,
        "Welcome to the hall.\n\nFind a seat near the front.",
        "Our partners work in brick kilns.\n\nThey met 40 families this spring.",
    )
    .await;

    let introduction = "<p>Welcome to the hall.</p><p>Find a seat near the front.</p>";
    for page in [&phone, &projector] {
        page.wait_for(
            "the new introduction",
            &format!(
                "return document.getElementById('introduction').innerHTML === {};",
                serde_json::to_string(introduction).unwrap()
            ),
        )
        .await;
    }
    assert_eq!(
        outer_html(&phone, "#introduction").await,
        served_html(&phone, "#introduction").await
    );
    phone.screenshot("words-phone-introduction").await;
    projector.screenshot("words-projector-introduction").await;

    // A topic: its section's description under the section's name.
    jump(&app, short).await;
    phone
        .wait_for_text("#topic-title", "Judges in Lusaka")
        .await;
    let description =
        "<p>Our partners work in brick kilns.</p><p>They met 40 families this spring.</p>";
    phone
        .wait_for(
            "the section description",
            &format!(
                "var d = document.getElementById('section-description'); return !d.hidden && d.innerHTML === {};",
                serde_json::to_string(description).unwrap()
            ),
        )
        .await;
    assert_eq!(
        outer_html(&phone, "#section-description").await,
        served_html(&phone, "#section-description").await
    );
    // A short topic leaves room for the description on the projector.
    projector
        .wait_for_text("#topic-title", "Judges in Lusaka")
        .await;
    projector
        .wait_for(
            "the description on the projector",
            "return !document.getElementById('section-description').hidden;",
        )
        .await;
    let (scroll_w, client_w, scroll_h, client_h) = projector.scroll_sizes().await;
    assert!(scroll_w <= client_w && scroll_h <= client_h);
    phone.screenshot("words-phone-description").await;
    projector.screenshot("words-projector-description").await;

    // The end: the closing words, in paragraphs, on both.
    let mut console = app.console().await;
    console.send(json!({"type": "end"})).await;
    let closing = "<p>Thank you for praying with us.</p><p>To learn more, visit example.org</p>";
    for (page, id) in [(&phone, "closing-message"), (&projector, "closing")] {
        page.wait_for(
            "the closing words",
            &format!(
                "var c = document.getElementById('{id}'); return !c.hidden && c.innerHTML === {};",
                serde_json::to_string(closing).unwrap()
            ),
        )
        .await;
    }
    assert_eq!(
        outer_html(&phone, "#closing-message").await,
        served_html(&phone, "#closing-message").await
    );
    phone.screenshot("words-phone-closing").await;
    projector.screenshot("words-projector-closing").await;
    for page in [phone, projector] {
        page.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_switches_language_keeping_its_topic_and_its_queued_tap() {
    // Arrange: a phone on the first topic, in English by default.
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let topic = app.topic_ids().await[0];
    let title = first_titles(&app).await[0].clone();
    jump(&app, topic).await;
    let phone = phone(&driver, &app, 390).await;
    assert_eq!(
        phone.eval("return document.documentElement.lang;").await,
        json!("en")
    );
    assert_eq!(phone.text("#pray-button .when-pray").await, "I'm praying");
    // A tap that does not get through: the socket swallows what is sent.
    phone
        .eval("WebSocket.prototype.send = function () {}; return true;")
        .await;
    phone.click("#pray-button").await;
    phone.wait_for("the tap to be queued", "var q = localStorage.getItem('intercede.pending.' + document.body.getAttribute('data-code')); return !!q && JSON.parse(q).length === 1;").await;
    let gathering = app.gathering().await;
    assert_eq!(app.store.count_taps(gathering.id, topic).await.unwrap(), 0);

    // Act: the attendee picks Spanish from the switch.
    phone
        .eval(
            "var s = document.getElementById('language-select'); s.value = 'es'; \
             s.dispatchEvent(new Event('change')); return true;",
        )
        .await;

    // Assert: the page is in Spanish, on the same topic, and the queued tap is counted once.
    phone
        .wait_for(
            "the page in Spanish, connected",
            "return document.documentElement.lang === 'es' && \
             document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;
    assert_eq!(phone.text("#pray-button .when-pray").await, "Estoy orando");
    assert_eq!(phone.text("#topic-title").await, title);
    assert_eq!(phone.text("#connection-text").await, "En vivo");
    phone.wait_for_text("#pray-status", "Contado").await;
    phone
        .wait_for_text("#praying-words", "1 persona orando")
        .await;
    assert_eq!(app.store.count_taps(gathering.id, topic).await.unwrap(), 1);
    assert_eq!(
        phone
            .eval("return document.getElementById('language-select').value;")
            .await,
        json!("es")
    );
    phone.screenshot("phone-in-spanish").await;

    // The choice is remembered on this phone: a fresh load is in Spanish too.
    phone.goto(&format!("{}/j/{}", app.address, app.code)).await;
    assert_eq!(
        phone.eval("return document.documentElement.lang;").await,
        json!("es")
    );
    phone.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_switched_while_offline_changes_language_when_the_server_returns() {
    // Arrange: a phone on a topic; the server goes away and a tap is queued.
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let port: u16 = app.host.rsplit(':').next().unwrap().parse().unwrap();
    let topic = app.topic_ids().await[0];
    let title = first_titles(&app).await[0].clone();
    jump(&app, topic).await;
    let phone = phone(&driver, &app, 390).await;
    let dir = app.stop().await;
    phone
        .wait_for(
            "the phone to notice",
            "return document.getElementById('connection').getAttribute('data-state') !== 'online';",
        )
        .await;
    phone.click("#pray-button").await;

    // Act: French is chosen while offline.
    phone
        .eval(
            "var s = document.getElementById('language-select'); s.value = 'fr'; \
             s.dispatchEvent(new Event('change')); return true;",
        )
        .await;

    // Assert: the page stays (in English) and says the language will change.
    phone
        .wait_for_text("#connection-text", "The language will change")
        .await;
    assert_eq!(phone.text("#topic-title").await, title);
    assert_eq!(
        phone.eval("return document.documentElement.lang;").await,
        json!("en")
    );

    // The server returns: the page comes back in French and the tap counts once.
    let app = spawn_app_in(dir, |settings| settings.port = port).await;
    phone
        .wait_for(
            "the page in French, connected",
            "return document.documentElement.lang === 'fr' && \
             document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;
    assert_eq!(phone.text("#pray-button .when-pray").await, "Je prie");
    assert_eq!(phone.text("#topic-title").await, title);
    phone.wait_for_text("#pray-status", "Compté").await;
    let gathering = app.gathering().await;
    assert_eq!(app.store.count_taps(gathering.id, topic).await.unwrap(), 1);
    phone.screenshot("phone-switched-offline").await;
    phone.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_french_projector_agrees_its_words_with_the_live_count() {
    // Arrange: a projector whose browser chose French, on a prayer topic.
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let topic = app.topic_ids().await[0];
    jump(&app, topic).await;
    let projector = projector(&driver, &app, 1280, 720).await;
    projector
        .eval("document.cookie = 'intercede_lang=fr; path=/'; return true;")
        .await;
    projector
        .goto(&format!("{}/p/{}", app.address, app.code))
        .await;
    assert_eq!(
        projector
            .eval("return document.documentElement.lang;")
            .await,
        json!("fr")
    );
    projector.wait_for_text("#praying-word", "prie").await;

    // Act: two phones tap, one after the other.
    for op in ["a", "b"] {
        let mut phone = app.attendee_as(&app.new_device().await).await;
        phone
            .send(json!({"type": "tap", "op": op, "topic": topic}))
            .await;
        phone.next_of("ack").await;
        // Assert: the words follow French plurals as the count changes.
        let (number, word) = if op == "a" {
            ("1", "prie")
        } else {
            ("2", "prient")
        };
        projector.wait_for_text("#praying-number", number).await;
        projector.wait_for_text("#praying-word", word).await;
        assert_eq!(projector.text("#praying-word").await, word);
    }
    let corner = projector
        .eval("return getComputedStyle(document.querySelector('.join-text'), '::before').content;")
        .await;
    assert_eq!(corner, json!("\"Rejoignez-nous avec le code\""));
    projector.screenshot("projector-in-french").await;
    projector.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_switched_to_spanish_speaks_spanish_in_its_script_too() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let path = format!("/console/{}", app.code);
    let console = facilitator_page(&driver, &app, 1280, &path).await;

    // The facilitator picks Español in the switch and presses its button.
    console
        .eval(
            "document.querySelector('.language-switch select').value = 'es'; \
             document.querySelector('.language-switch button').click(); return true;",
        )
        .await;
    console
        .wait_for(
            "the console in Spanish",
            "return document.documentElement.lang === 'es' && document.readyState === 'complete';",
        )
        .await;
    console.wait_for_text("#connection-text", "En vivo").await;

    // What the script writes after Start is Spanish as well.
    console.click("#btn-next").await;
    console
        .wait_for_text("#current-number", "Motivo 1 de")
        .await;
    console.wait_for_text("#now-label", "En pantalla").await;
    console.wait_for_text("#btn-next", "Siguiente").await;
    console.click("#btn-blank").await;
    console
        .wait_for_text("#btn-blank", "Volver a mostrar")
        .await;
    console.wait_for_text(".topic-praying", "orando").await;
    console.screenshot("console-es").await;
}
