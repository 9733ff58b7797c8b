//! Pressing what a person presses: every page, as each role, with every form
//! the page draws submitted with its own action, method and fields (and each
//! of its buttons), and every link on it followed. Nothing may answer 404,
//! 405 or a server error. A route typed into a test proves only the route;
//! this proves the pages lead where they say (a requests page whose every
//! moderation button posted to a 404 once passed every other test).

use super::helpers::{TestApp, following_browser, spawn_app};
use super::page_forms::{Form, forms, links, selector};
use intercede::domain::prayer_request::{Audience, NewRequest};
use scraper::Html;
use std::collections::{HashSet, VecDeque};

/// Pages one walk may visit: enough for every kind of page, bounded.
const MAX_PAGES: usize = 120;

/// The shape of an address: its numbered parts made one, so one topic's
/// page stands for all of them.
fn shape(method: &str, path: &str) -> String {
    let path = path.split('?').next().unwrap();
    let parts: Vec<&str> = path
        .split('/')
        .map(
            |part| match !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) {
                true => "#",
                false => part,
            },
        )
        .collect();
    format!("{method} {}", parts.join("/"))
}

/// Forms whose effect ends the walk's own access or deletes what it walks:
/// pressed last.
fn ends_something(form: &Form) -> bool {
    ["/delete", "/logout", "/revoke", "/remove", "/disable"]
        .iter()
        .any(|word| form.action.contains(word))
        || form
            .buttons
            .iter()
            .flatten()
            .any(|(_, value)| value == "disable")
}

struct Walk<'a> {
    app: &'a TestApp,
    browser: reqwest::Client,
    role: &'static str,
    seen: HashSet<String>,
    pressed: HashSet<String>,
    last: Vec<(String, Form)>,
    visited: usize,
    problems: Vec<String>,
}

impl<'a> Walk<'a> {
    fn new(app: &'a TestApp, browser: reqwest::Client, role: &'static str) -> Self {
        Walk {
            app,
            browser,
            role,
            seen: HashSet::new(),
            pressed: HashSet::new(),
            last: Vec::new(),
            visited: 0,
            problems: Vec::new(),
        }
    }

    fn check(&mut self, what: String, status: reqwest::StatusCode) {
        if status == 404 || status == 405 || status.is_server_error() {
            self.problems
                .push(format!("{}: {what} answered {status}", self.role));
        }
    }

    /// Follows every link and presses every form from `start`.
    async fn from(&mut self, start: &[String]) {
        let mut queue: VecDeque<String> = start.iter().cloned().collect();
        while let Some(path) = queue.pop_front() {
            if !self.seen.insert(shape("get", &path)) || self.visited >= MAX_PAGES {
                continue;
            }
            self.visited += 1;
            let response = self
                .browser
                .get(format!("{}{path}", self.app.address))
                .header("accept", "text/html")
                .send()
                .await
                .unwrap();
            self.check(format!("GET {path}"), response.status());
            let is_html = response
                .headers()
                .get("content-type")
                .is_some_and(|t| t.to_str().unwrap_or("").starts_with("text/html"));
            let here = response.url().path().to_string();
            if !is_html {
                continue;
            }
            let html = Html::parse_document(&response.text().await.unwrap());
            queue.extend(links(&html));
            for form in forms(&here, &html) {
                if ends_something(&form) {
                    self.last.push((here.clone(), form));
                } else {
                    self.press(&here, &form).await;
                }
            }
        }
    }

    /// Submits a form once per button, as a browser would.
    async fn press(&mut self, page: &str, form: &Form) {
        for button in &form.buttons {
            let key = format!(
                "{} {:?}",
                shape(&form.method, &form.action),
                button.as_ref().map(|(n, v)| format!("{n}={v}"))
            );
            if !self.pressed.insert(key) {
                continue;
            }
            let request = form.request(&self.browser, &self.app.address, button.as_ref());
            let response = request.send().await.unwrap();
            self.check(
                format!(
                    "the form on {page} ({} {}, {:?})",
                    form.method, form.action, button
                ),
                response.status(),
            );
        }
    }

    /// Presses the forms that end something, the sign-out last.
    async fn finish(&mut self) {
        // The smallest things first, so nothing is pressed after what
        // holds it was deleted: topics, sections, links and leaders, then
        // the gathering, then the sign-out.
        let rank = |form: &Form| {
            [
                "/topics/",
                "/sections/",
                "/moderators/",
                "/co-facilitators/",
                "/accounts/",
                "/delete",
                "/logout",
            ]
            .iter()
            .position(|word| form.action.contains(word))
            .unwrap_or(0)
        };
        let mut last = std::mem::take(&mut self.last);
        last.sort_by_key(|(_, form)| rank(form));
        for (page, form) in last {
            self.press(&page, &form).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_form_and_link_on_every_page_leads_somewhere_for_every_role() {
    // Arrange: a gathering with a request waiting, one approved, one for the
    // team, and a moderator link made from the requests page's own form.
    let app = spawn_app().await;
    let gathering = app.gathering().await;
    for (device, words, audience) in [
        (
            "walk-a",
            "Please pray for the clinic's new nurses",
            Audience::Everyone,
        ),
        ("walk-b", "Pray for my father's heart", Audience::Everyone),
        ("walk-c", "A hard week at home", Audience::Team),
    ] {
        let request = NewRequest::new(words, "Ana", audience).unwrap();
        app.store
            .insert_request(gathering.id, device, "op-1", &request)
            .await
            .unwrap();
    }
    let owner = app.following_facilitator().await;
    let requests_page = format!("/console/{}/requests", app.code);
    let moderators = format!("/console/{}/moderators", app.code);
    let made = app
        .press(
            &owner,
            &requests_page,
            &moderators,
            &[("label", "Door team")],
        )
        .await
        .text()
        .await
        .unwrap();
    let link = Html::parse_document(&made)
        .select(&selector(".new-link-url code"))
        .next()
        .expect("the new link is shown")
        .text()
        .collect::<String>();
    let helper_path = link
        .strip_prefix(&app.address)
        .expect("the link is on this server")
        .to_string();

    // Act: a visitor, a helper with the link, then the owner.
    let mut visitor = Walk::new(&app, following_browser(), "visitor");
    visitor
        .from(&[
            "/".into(),
            format!("/j/{}", app.code),
            format!("/p/{}", app.code),
            "/m".into(),
        ])
        .await;
    let mut helper = Walk::new(&app, following_browser(), "helper");
    helper.from(&[helper_path]).await;
    let mut facilitator = Walk::new(&app, owner, "facilitator");
    facilitator
        .from(&[
            "/console".into(),
            format!("/console/{}", app.code),
            requests_page.clone(),
            format!("/console/{}/edit", app.code),
            "/console/accounts".into(),
        ])
        .await;
    facilitator.finish().await;
    visitor.finish().await;
    helper.finish().await;

    // Assert: every page walked, every form pressed, nothing led nowhere.
    let problems: Vec<String> = [&visitor, &helper, &facilitator]
        .iter()
        .flat_map(|w| w.problems.clone())
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        facilitator
            .pressed
            .iter()
            .any(|p| p.contains("/requests/#") && p.contains("approve")),
        "the walk pressed the requests page's moderation buttons: {:?}",
        facilitator.pressed
    );
    assert!(
        helper
            .pressed
            .iter()
            .any(|p| p.starts_with("post /m/") && p.contains("hide")),
        "the helper's walk pressed its moderation buttons: {:?}",
        helper.pressed
    );
    assert!(facilitator.visited >= 10, "{} pages", facilitator.visited);
    app.stop().await;
}

#[test]
fn addresses_of_one_shape_are_walked_once() {
    assert_eq!(
        shape("get", "/console/K7HQ2M/topics/12"),
        "get /console/K7HQ2M/topics/#"
    );
    assert_eq!(
        shape("post", "/m/ABCD/requests/7?x=1"),
        "post /m/ABCD/requests/#"
    );
}
