//! The facilitator's evening, smoothed: praise looks like praise, the report
//! and the editor fit a phone, the console speaks at the edges of the agenda,
//! shortcuts cannot surprise, phones come back quickly. In a real headless
//! Chromium against the real server; screenshots under `target/screenshots/`.

use super::browser_support::{Driver, Page, driver, facilitator_page};
use super::helpers::{TestApp, spawn_app};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use intercede::domain::TopicKind;
use serde_json::json;

/// Moves the gathering with a console socket, as the facilitator would.
async fn jump(app: &TestApp, topic: i64) {
    let mut console = app.console().await;
    console.send(json!({"type": "jump", "topic": topic})).await;
    console.next_of("state").await;
}

/// Makes the demo's `index`-th topic (0-based, first section) praise.
async fn make_praise(app: &TestApp, index: usize) -> i64 {
    let gathering = app.gathering().await;
    let agenda = app.store.load_agenda(&gathering).await.unwrap();
    let section = &agenda.sections[0];
    let topic = &section.topics[index];
    let praise = intercede::domain::NewTopic {
        kind: TopicKind::Praise,
        ..topic.to_new_topic()
    };
    assert!(
        app.store
            .update_topic(gathering.id, topic.id, section.id, &praise)
            .await
            .unwrap()
    );
    topic.id
}

/// Whether an element is shown (rendered with a size).
fn shown(css: &str) -> String {
    format!(
        "var e = document.querySelector({}); return !!e && e.getClientRects().length > 0;",
        serde_json::to_string(css).unwrap()
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn praise_reads_as_thanksgiving_on_the_phone_and_the_projector() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let praise = make_praise(&app, 1).await;
    jump(&app, topics[0]).await;
    let phone = driver.open(390, 780).await;
    phone.goto(&format!("{}/j/{}", app.address, app.code)).await;
    let projector = driver.open(1280, 720).await;
    projector
        .goto(&format!("{}/p/{}", app.address, app.code))
        .await;

    // A prayer topic: no label, the usual words.
    phone.wait_for_text("#pray-button", "I'm praying").await;
    assert_eq!(phone.eval(&shown(".kind-label")).await, json!(false));

    // The facilitator moves on to praise: the same page, in thanksgiving.
    jump(&app, praise).await;
    phone
        .wait_for("the praise label", &shown("#phase-topic .kind-label"))
        .await;
    let button = phone
        .eval("return document.getElementById('pray-button').innerText.trim();")
        .await;
    assert_eq!(button, json!("I'm giving thanks"));
    let count = phone
        .eval("return document.getElementById('praying-count').innerText.trim();")
        .await;
    assert_eq!(count, json!("0 giving thanks"));
    let colours = phone
        .eval(
            "var b = getComputedStyle(document.getElementById('pray-button')).backgroundColor; \
             var prayer = getComputedStyle(document.documentElement).getPropertyValue('--accent'); \
             return [b, prayer.trim()];",
        )
        .await;
    assert_ne!(colours[0], json!("rgb(31, 79, 163)"), "not the prayer blue");
    projector
        .wait_for("the projector's praise label", &shown(".p-kind"))
        .await;
    let projected = projector
        .eval("return document.getElementById('praying-count').innerText.trim();")
        .await;
    assert!(
        projected.as_str().unwrap().ends_with("giving thanks"),
        "{projected}"
    );

    // A tap still counts, and says so.
    phone.click("#pray-button").await;
    phone.wait_for_text("#pray-status", "Counted").await;
    projector.wait_for_text("#praying-number", "1").await;
    phone.screenshot("praise-phone").await;
    projector.screenshot("praise-projector").await;
    phone.close().await;
    projector.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_fits_a_phone_and_its_chart_stays_readable() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    make_praise(&app, 1).await;
    jump(&app, topics[0]).await;
    jump(&app, topics[1]).await;
    let path = format!("/console/{}/report", app.code);

    for width in [390, 320, 1366] {
        let page = facilitator_page(&driver, &app, width, &path).await;
        let (scroll_w, client_w, _, _) = page.scroll_sizes().await;
        assert!(
            scroll_w <= client_w,
            "{width}px: no sideways scrolling ({scroll_w} > {client_w})"
        );
        // Titles read as lines, not a letter per line.
        let title_width = page
            .eval("return document.querySelector('.r-topic').getBoundingClientRect().width;")
            .await
            .as_f64()
            .unwrap();
        assert!(
            title_width >= 150.0,
            "{width}px: title cell {title_width}px wide"
        );
        // The topic number stays on one line.
        let number_lines = page
            .eval(
                "var r = document.querySelector('.report-table tbody tr'); \
                 var n = r.querySelector('.r-n'); \
                 var shown = n.getClientRects().length ? n : r.querySelector('.r-num-inline'); \
                 return shown.getClientRects().length;",
            )
            .await;
        assert_eq!(number_lines, json!(1), "{width}px: the number on one line");
        // The chart's words are at least 11 px tall on screen.
        let text_px = page
            .eval("return document.querySelector('.report-chart .row text').getBoundingClientRect().height;")
            .await
            .as_f64()
            .unwrap();
        assert!(text_px >= 11.0, "{width}px: chart text {text_px}px");
        page.screenshot(&format!("report-{width}")).await;
        page.close().await;
    }

    // On paper (A4 and Letter less the page margins: about 680 and 700 CSS px) the chart is a set
    // size, and its words print at about 11 pt.
    for width in [680, 700] {
        let page = facilitator_page(&driver, &app, width, &path).await;
        page.emulate_media("print").await;
        let printed = page
            .eval(
                "var chart = document.querySelector('.report-chart').getBoundingClientRect().width; \
                 var text = document.querySelector('.report-chart .row text').getBoundingClientRect().height; \
                 var hidden = getComputedStyle(document.querySelector('.top-bar')).display === 'none'; \
                 return [chart, text, hidden];",
            )
            .await;
        let chart_cm = printed[0].as_f64().unwrap() / 96.0 * 2.54;
        let text_pt = printed[1].as_f64().unwrap() * 0.75;
        assert!(
            (9.5..=10.5).contains(&chart_cm),
            "{width}px: chart {chart_cm:.1} cm wide in print"
        );
        assert!(
            (9.0..=14.0).contains(&text_pt),
            "{width}px: chart text {text_pt:.1} pt in print"
        );
        assert_eq!(printed[2], json!(true), "{width}px: no links in print");
        page.close().await;
    }
}

/// Elements that stick out of their card, or of the page (a description each).
pub(super) const OVERFLOWING: &str = "var out = []; var vw = document.documentElement.clientWidth; \
    document.querySelectorAll('.card, form.stack').forEach(function (card) { \
      var c = card.getBoundingClientRect(); \
      card.querySelectorAll('*').forEach(function (e) { \
        if (!e.getClientRects().length || e.closest('.visually-hidden')) return; \
        var r = e.getBoundingClientRect(); \
        if (r.left < c.left - 1 || r.right > c.right + 1 || r.right > vw + 1) \
          out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '-' + Math.round(r.right) + \
                   ' in ' + Math.round(c.left) + '-' + Math.round(c.right)); \
      }); \
    }); return out;";

/// Buttons whose letters stack: more lines of text than words, or text
/// wider than the button.
const STACKED_BUTTONS: &str = "var out = []; \
    document.querySelectorAll('.btn').forEach(function (b) { \
      if (!b.getClientRects().length) return; \
      var st = getComputedStyle(b); \
      var inner = b.clientHeight - parseFloat(st.paddingTop) - parseFloat(st.paddingBottom); \
      var line = parseFloat(st.lineHeight) || parseFloat(st.fontSize) * 1.55; \
      var lines = Math.round(inner / line); \
      var words = b.innerText.trim().split(/\\s+/).length; \
      if (lines > words || b.scrollWidth > b.clientWidth + 1) \
        out.push(b.innerText.trim() + ': ' + lines + ' lines'); \
    }); return out;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editor_fits_a_phone() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let gathering = app.gathering().await;
    let agenda = app.store.load_agenda(&gathering).await.unwrap();
    let topic = agenda.sections[0].topics[1].id;
    let editor = format!("/console/{}/edit", app.code);
    let form = format!("/console/{}/topics/{topic}", app.code);

    for width in [320, 390] {
        let page = facilitator_page(&driver, &app, width, &editor).await;
        let (scroll_w, client_w, _, _) = page.scroll_sizes().await;
        assert!(
            scroll_w <= client_w,
            "{width}px editor: {scroll_w} > {client_w}"
        );
        assert_eq!(page.eval(OVERFLOWING).await, json!([]), "{width}px editor");
        assert_eq!(
            page.eval(STACKED_BUTTONS).await,
            json!([]),
            "{width}px editor"
        );
        // The up and down arrows of every topic line up in two columns.
        let columns = page
            .eval(
                "var xs = function (sel) { var s = {}; document.querySelectorAll(sel).forEach(function (b) { \
                   s[Math.round(b.getBoundingClientRect().left)] = true; }); return Object.keys(s).length; }; \
                 return [xs('.edit-topics .row-actions > :nth-child(1)'), xs('.edit-topics .row-actions > :nth-child(2)')];",
            )
            .await;
        assert_eq!(columns, json!([1, 1]), "{width}px: arrows in columns");
        page.screenshot(&format!("editor-{width}")).await;

        page.goto(&format!("{}{form}", app.address)).await;
        assert_eq!(
            page.eval(OVERFLOWING).await,
            json!([]),
            "{width}px topic form"
        );
        let (scroll_w, client_w, _, _) = page.scroll_sizes().await;
        assert!(
            scroll_w <= client_w,
            "{width}px topic form: {scroll_w} > {client_w}"
        );
        // Every section's name is shown whole, on as many lines as it needs.
        let cut = page
            .eval(
                "var out = []; document.querySelectorAll('#t-section label').forEach(function (l) { \
                   if (l.scrollWidth > l.clientWidth + 1) out.push(l.innerText.trim()); }); \
                 return [document.querySelectorAll('#t-section input[type=radio]').length, out];",
            )
            .await;
        assert_eq!(cut[1], json!([]), "{width}px: section names cut");
        assert!(cut[0].as_i64().unwrap() >= 2, "every section is a choice");
        page.screenshot(&format!("topic-form-{width}")).await;
        page.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gathering_list_keeps_each_rows_buttons_on_one_row_on_a_laptop() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let store = &app.store;
    store
        .create_empty_gathering(
            "A gathering whose title is rather long, as titles of evenings of prayer often are",
        )
        .await
        .unwrap();

    let page = facilitator_page(&driver, &app, 1366, "/console").await;

    let rows = page
        .eval(
            "return Array.prototype.map.call(document.querySelectorAll('.gatherings tbody tr'), function (tr) { \
               var tops = {}; tr.querySelectorAll('.g-links .btn').forEach(function (b) { \
                 tops[Math.round(b.getBoundingClientRect().top)] = true; }); \
               return Object.keys(tops).length; });",
        )
        .await;
    assert_eq!(rows, json!([1, 1]), "one row of buttons per gathering");
    let (scroll_w, client_w, _, _) = page.scroll_sizes().await;
    assert!(scroll_w <= client_w, "{scroll_w} > {client_w}");
    let meta = page.text(".g-meta").await;
    assert!(
        meta.contains("Created") && meta.contains("0 topics"),
        "{meta}"
    );
    page.screenshot("console-list-1366").await;
    page.close().await;
}

/// Presses one key as a person does, on whatever has the focus.
async fn press(page: &Page, key: Key) {
    let key: char = key.into();
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    page.client.perform_actions(actions).await.unwrap();
}

/// The console of the demo gathering, signed in, connected.
async fn console(driver: &Driver, app: &TestApp) -> Page {
    let page = facilitator_page(driver, app, 1280, &format!("/console/{}", app.code)).await;
    page.wait_for(
        "the console to connect",
        "return document.getElementById('connection').getAttribute('data-state') === 'online';",
    )
    .await;
    page
}

async fn titles(app: &TestApp) -> Vec<String> {
    let gathering = app.gathering().await;
    let agenda = app.store.load_agenda(&gathering).await.unwrap();
    agenda
        .sections
        .iter()
        .flat_map(|s| s.topics.iter().map(|t| t.title.clone()))
        .collect()
}

/// Waits a little, so a command wrongly sent would have had time to land.
async fn settle() {
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_consoles_agenda_keeps_the_current_topic_in_full_view_at_every_step() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let titles = titles(&app).await;
    let page = console(&driver, &app).await;

    // Step through every topic with Next, as a facilitator does.
    for (step, title) in titles.iter().enumerate() {
        page.click("#btn-next").await;
        page.wait_for_text("#current-title", title).await;
        // The row is whole inside what can be seen of the agenda, and of the
        // window; and the page itself stayed where it was, under the pointer.
        let seen = page
            .eval(
                "var row = document.querySelector('.agenda-topic.current'); \
                 var box = document.getElementById('agenda').getBoundingClientRect(); \
                 var r = row.getBoundingClientRect(); \
                 return window.scrollY === 0 && r.top >= Math.max(box.top, 0) - 1 && \
                   r.bottom <= Math.min(box.bottom, window.innerHeight) + 1;",
            )
            .await;
        if seen != serde_json::json!(true) {
            page.screenshot("console-agenda-current-out-of-view").await;
            let where_ = page
                .eval(
                    "var row = document.querySelector('.agenda-topic.current').getBoundingClientRect(); \
                     var a = document.getElementById('agenda'); var box = a.getBoundingClientRect(); \
                     return [row.top, row.bottom, box.top, box.bottom, window.innerHeight, a.scrollTop, a.scrollHeight, a.clientHeight].join(' ');",
                )
                .await;
            panic!(
                "topic {} of {} is not in full view: {where_}",
                step + 1,
                titles.len()
            );
        }
    }
    page.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_says_so_at_the_edges_of_the_agenda() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let titles = titles(&app).await;
    let page = console(&driver, &app).await;

    // Before the start, Previous explains itself.
    page.click("#btn-previous").await;
    page.wait_for_text("#console-status", "Not started yet")
        .await;

    // On the first topic, Previous says it is the first and stays.
    page.click("#btn-next").await;
    page.wait_for_text("#current-title", &titles[0]).await;
    page.click("#btn-previous").await;
    page.wait_for_text("#console-status", "This is the first topic")
        .await;
    settle().await;
    assert_eq!(page.text("#current-title").await, titles[0]);
    page.screenshot("console-first-topic").await;

    // On the last topic, Next says to end when ready, and stays.
    let last = app.topic_ids().await.last().copied().unwrap();
    page.click(&format!(".agenda-topic[data-topic-id='{last}']"))
        .await;
    page.wait_for_text("#current-title", titles.last().unwrap())
        .await;
    page.click("#btn-next").await;
    page.wait_for_text(
        "#console-status",
        "Last topic: End the gathering when you are ready",
    )
    .await;
    settle().await;
    assert_eq!(&page.text("#current-title").await, titles.last().unwrap());
    assert_eq!(
        page.text("#now-label").await,
        "Now showing",
        "not ended by Next"
    );
    page.screenshot("console-last-topic").await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn space_and_enter_press_the_focused_button_only_and_shortcuts_can_be_turned_off() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let titles = titles(&app).await;
    let page = console(&driver, &app).await;
    page.click("#btn-next").await;
    page.wait_for_text("#current-title", &titles[0]).await;

    // Space on the focused Blank button blanks, and does not move on.
    page.eval("document.getElementById('btn-blank').focus(); return true;")
        .await;
    press(&page, Key::Space).await;
    page.wait_for("the projector to blank", &shown("#blank-badge"))
        .await;
    settle().await;
    assert_eq!(
        page.text("#current-title").await,
        titles[0],
        "Space did not advance"
    );
    // Enter on it unblanks, and does not move on either.
    press(&page, Key::Enter).await;
    page.wait_for(
        "the projector to show again",
        "return document.getElementById('blank-badge').hidden;",
    )
    .await;
    settle().await;
    assert_eq!(
        page.text("#current-title").await,
        titles[0],
        "Enter did not advance"
    );

    // With nothing focused, the arrow key is a shortcut...
    page.eval("document.activeElement.blur(); return true;")
        .await;
    press(&page, Key::Right).await;
    page.wait_for_text("#current-title", &titles[1]).await;

    // ...until the facilitator turns shortcuts off, which this browser remembers.
    assert_eq!(
        page.eval(&shown("#shortcuts-on")).await,
        json!(true),
        "a visible toggle"
    );
    assert!(
        page.text("#shortcuts-list").await.contains("Space"),
        "the keys are listed"
    );
    page.click("#shortcuts-on").await;
    page.eval("document.activeElement.blur(); return true;")
        .await;
    press(&page, Key::Right).await;
    press(&page, Key::Space).await;
    settle().await;
    assert_eq!(
        page.text("#current-title").await,
        titles[1],
        "shortcuts are off"
    );
    page.client.refresh().await.unwrap();
    page.wait_for(
        "the console to connect again",
        "return document.getElementById('connection').getAttribute('data-state') === 'online';",
    )
    .await;
    assert_eq!(
        page.eval("return document.getElementById('shortcuts-on').checked;")
            .await,
        json!(false),
        "remembered after a reload"
    );
    press(&page, Key::Right).await;
    settle().await;
    assert_eq!(page.text("#current-title").await, titles[1], "still off");
    page.screenshot("console-shortcuts-off").await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_is_back_within_seconds_of_the_server_after_a_long_outage() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let port: u16 = app.host.rsplit(':').next().unwrap().parse().unwrap();
    let topics = app.topic_ids().await;
    jump(&app, topics[0]).await;
    let phone = driver.open(390, 780).await;
    phone.goto(&format!("{}/j/{}", app.address, app.code)).await;
    phone
        .wait_for(
            "the phone to connect",
            "return document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;
    // The unluckiest jitter every time: each wait is as long as the backoff allows.
    phone
        .eval("Math.random = function () { return 0.999; }; return true;")
        .await;

    // Act: a twenty-second outage.
    let dir = app.stop().await;
    phone
        .wait_for(
            "the phone to notice",
            "return document.getElementById('connection').getAttribute('data-state') === 'offline';",
        )
        .await;
    tokio::time::sleep(std::time::Duration::from_secs(20)).await;
    let app = super::helpers::spawn_app_in(dir, |settings| settings.port = port).await;
    let back = std::time::Instant::now();

    // Assert: the phone is live again within a few seconds of the server.
    let started = std::time::Instant::now();
    loop {
        let state = phone
            .eval("return document.getElementById('connection').getAttribute('data-state');")
            .await;
        if state == json!("online") {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(8),
            "the phone was still {state} 8 s after the server came back"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let took = back.elapsed();
    phone.screenshot("phone-back-after-outage").await;
    eprintln!("the phone was back {took:?} after the server");
    drop(app);
    phone.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gathering_takes_the_facilitators_time_zone_when_first_opened_or_created() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let gathering = app.gathering().await;
    assert_eq!(
        app.store.gathering_time_zone(gathering.id).await.unwrap(),
        ""
    );

    // Opening the console of a gathering without a zone gives it the browser's.
    let page = console(&driver, &app).await;
    let browser_zone = page
        .eval("return Intl.DateTimeFormat().resolvedOptions().timeZone;")
        .await;
    let browser_zone = browser_zone.as_str().unwrap().to_string();
    let expected = intercede::domain::MeetingZone::parse(&browser_zone)
        .unwrap()
        .name()
        .to_string();
    let started = std::time::Instant::now();
    while app.store.gathering_time_zone(gathering.id).await.unwrap() != expected {
        assert!(started.elapsed().as_secs() < 20, "the zone is stored");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // A gathering created from the list gets it too.
    page.goto(&format!("{}/console", app.address)).await;
    page.type_into("#new-title", "Made in the browser").await;
    page.click(".new-gathering-form button[type=submit]").await;
    page.wait_for(
        "the editor",
        "return location.pathname.indexOf('/edit') > 0;",
    )
    .await;
    let created = app
        .store
        .list_gatherings()
        .await
        .unwrap()
        .into_iter()
        .find(|g| g.title == "Made in the browser")
        .unwrap();
    assert_eq!(
        app.store.gathering_time_zone(created.id).await.unwrap(),
        expected
    );
    let field = page
        .eval("return document.getElementById('g-time-zone').value;")
        .await;
    assert_eq!(field, json!(expected), "the editor shows it");
    page.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_that_sees_the_end_lists_what_was_shown_with_its_marks() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let titles = titles(&app).await;
    let mut console = app.console().await;
    console
        .send(json!({"type": "jump", "topic": topics[0]}))
        .await;
    console.next_of("state").await;
    let phone = driver.open(390, 780).await;
    phone.goto(&format!("{}/j/{}", app.address, app.code)).await;
    phone
        .wait_for(
            "the phone to connect",
            "return document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;
    phone.click("#pray-button").await;
    phone.wait_for_text("#pray-status", "Counted").await;
    console
        .send(json!({"type": "jump", "topic": topics[2]}))
        .await;
    console.next_of("state").await;
    phone.wait_for_text("#topic-title", &titles[2]).await;

    // Act: the facilitator ends while the phone watches.
    console.send(json!({"type": "end"})).await;
    console.next_of("state").await;

    // Assert: the two topics shown, not the skipped one; this phone's and the room's marks.
    phone
        .wait_for(
            "the room's figures on the list",
            "return !!document.querySelector('#keep-list .keep-room');",
        )
        .await;
    let listed = phone
        .eval(
            "return Array.prototype.map.call(document.querySelectorAll('#keep-list > li'), function (li) { \
               return [parseInt(li.getAttribute('data-topic-id'), 10), \
                       !!li.querySelector('.keep-tapped'), \
                       (li.querySelector('.keep-room') || {}).textContent || '']; });",
        )
        .await;
    assert_eq!(
        listed,
        json!([
            [topics[0], true, "1 phone in the room prayed for this"],
            [topics[2], false, ""]
        ])
    );
    phone.screenshot("keep-praying-phone").await;

    // A phone that opens the page after the end keeps the room's figures once it is live.
    let late = driver.open(390, 780).await;
    late.goto(&format!("{}/j/{}", app.address, app.code)).await;
    late.wait_for(
        "the late phone to connect",
        "return document.getElementById('connection').getAttribute('data-state') === 'online';",
    )
    .await;
    settle().await;
    let rooms = late
        .eval("return document.querySelectorAll('#keep-list .keep-room').length;")
        .await;
    assert_eq!(rooms, json!(1), "the room's figure is still shown");
    late.close().await;
    phone.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_projectors_welcome_shows_every_line_of_a_long_introduction() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let introduction = "Welcome to our evening of prayer for justice. Find a seat, silence your phone, and open the join page.\n\n\
        Tonight we pray for people held in forced labour, for children at risk online, and for the teams who go to their aid.\n\n\
        Tap the button on your phone each time you pray, so we know how many of us carried each topic together.";
    let (owner, _) = app.facilitator().await;
    let edit = format!("/console/{}/edit", app.code);
    let settings = format!("/console/{}/settings", app.code);
    let saved = app
        .press(&owner, &edit, &settings, &[("introduction", introduction)])
        .await;
    assert_eq!(saved.status(), 303);

    for (width, height) in [(1280, 720), (1920, 1080), (1024, 768)] {
        let projector = driver.open_laptop(width, height).await;
        projector
            .goto(&format!("{}/p/{}", app.address, app.code))
            .await;
        projector
            .wait_for(
                "the welcome with every paragraph, none cut off",
                "var box = document.getElementById('introduction'); \
                 var last = box && box.lastElementChild; \
                 if (!last || box.children.length !== 3) return false; \
                 var b = box.getBoundingClientRect(), l = last.getBoundingClientRect(); \
                 return box.scrollHeight <= box.clientHeight + 1 && l.bottom <= b.bottom + 1 \
                   && l.bottom <= window.innerHeight && l.height > 0;",
            )
            .await;
        projector
            .screenshot(&format!("projector-welcome-long-introduction-{width}"))
            .await;
        projector.close().await;
    }
    app.stop().await;
}
