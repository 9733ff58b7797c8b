//! Property, "facilitator chaos": random sequences of topic changes, edits,
//! deletions, taps and restarts against the real server, after which every
//! acknowledged tap is in the database exactly once, another gathering on the
//! same server still works, `/healthz` is honest and shutdown finishes.

use super::helpers::{Client, TestApp, device_id, spawn_app_in};
use intercede::domain::demo::demo_agenda;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

const PHONES: usize = 5;
/// Well under the shutdown's own deadline for writes (5 s): a stop that takes
/// longer was waiting for a write that could not be made.
const PROMPT_STOP: Duration = Duration::from_secs(4);

/// Rooms close one second after the last socket leaves.
fn quick_idle(settings: &mut intercede::config::Settings) {
    settings.room_idle_secs = 1;
}

#[derive(Debug, Clone)]
enum Step {
    Next,
    Previous,
    /// Jump to the topic at this place in the agenda as it is now.
    Jump(usize),
    Blank(bool),
    End,
    /// A phone taps the topic at this place in the agenda (shown or not).
    Tap(usize, usize),
    /// A phone taps the same topic again with a new op id, as after a reconnect.
    Retap(usize, usize),
    /// Deletes the topic at this place (the one on screen, often).
    DeleteTopic(usize),
    /// Edits the topic at this place (its title).
    EditTopic(usize),
    DeleteSection(usize),
    /// Every socket leaves for longer than the room's idle time: the room
    /// closes and saves its figures.
    Idle,
    /// Graceful restart on the same file.
    Restart,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => Just(Step::Next),
        1 => Just(Step::Previous),
        1 => (0..16usize).prop_map(Step::Jump),
        1 => any::<bool>().prop_map(Step::Blank),
        1 => Just(Step::End),
        6 => (0..PHONES, 0..16usize).prop_map(|(p, t)| Step::Tap(p, t)),
        1 => (0..PHONES, 0..16usize).prop_map(|(p, t)| Step::Retap(p, t)),
        2 => (0..16usize).prop_map(Step::DeleteTopic),
        1 => (0..16usize).prop_map(Step::EditTopic),
        1 => (0..6usize).prop_map(Step::DeleteSection),
        1 => Just(Step::Idle),
        1 => Just(Step::Restart),
    ]
}

/// The server under test, restartable, with what the test has seen it acknowledge.
struct Gathering {
    app: Option<TestApp>,
    code: String,
    devices: Vec<String>,
    phones: Vec<Option<Client>>,
    console: Option<Client>,
    /// (topic, phone) of every acknowledged tap.
    acked: BTreeSet<(i64, usize)>,
    ops: usize,
}

impl Gathering {
    fn app(&self) -> &TestApp {
        // unwrap: only empty during a restart.
        self.app.as_ref().unwrap()
    }

    async fn agenda(&self) -> intercede::store::StoredAgenda {
        let app = self.app();
        let code = intercede::domain::JoinCode::parse(&self.code).unwrap();
        let gathering = app.store.find_gathering(&code).await.unwrap().unwrap();
        app.store.load_agenda(&gathering).await.unwrap()
    }

    async fn topic_ids(&self) -> Vec<i64> {
        let agenda = self.agenda().await;
        agenda
            .sections
            .iter()
            .flat_map(|s| s.topics.iter().map(|t| t.id))
            .collect()
    }

    async fn topic_at(&self, place: usize) -> Option<i64> {
        let ids = self.topic_ids().await;
        (!ids.is_empty()).then(|| ids[place % ids.len()])
    }

    async fn console(&mut self) -> &mut Client {
        if self.console.is_none() {
            let app = self.app();
            let (_, cookie) = app.facilitator().await;
            let url = format!("ws://{}/ws/console/{}", app.host, self.code);
            self.console = Some(
                Client::connect(&url, Some(&app.origin()), Some(&cookie))
                    .await
                    .expect("console connects"),
            );
        }
        // unwrap: set just above.
        self.console.as_mut().unwrap()
    }

    async fn control(&mut self, message: Value) {
        let console = self.console().await;
        console.send(message).await;
        // An unchanged state sends nothing; a short wait lets a change arrive.
        let _ = tokio::time::timeout(
            Duration::from_millis(50),
            console.next_matching(|m| m["type"] == "state" || m["type"] == "error"),
        )
        .await;
    }

    async fn tap(&mut self, phone: usize, topic: i64, retry: bool) {
        if self.phones[phone].is_none() {
            let app = self.app();
            let url = format!("ws://{}/ws/attend/{}", app.host, self.code);
            let cookie = format!("intercede_device={}", self.devices[phone]);
            self.phones[phone] = Some(
                Client::connect(&url, Some(&app.origin()), Some(&cookie))
                    .await
                    .expect("phone connects"),
            );
        }
        self.ops += 1;
        let op = format!("op-{}{}", self.ops, if retry { "-again" } else { "" });
        // unwrap: connected just above.
        let client = self.phones[phone].as_mut().unwrap();
        client
            .send(json!({"type": "tap", "topic": topic, "op": op}))
            .await;
        let answer = tokio::time::timeout(
            Duration::from_secs(5),
            client.next_matching(|m| m["op"] == op && (m["type"] == "ack" || m["type"] == "error")),
        )
        .await
        .expect("every tap is answered within 5 s");
        match answer["type"].as_str() {
            Some("ack") => {
                self.acked.insert((topic, phone));
            }
            _ => assert!(
                ["not_live", "unknown_topic"].contains(&answer["code"].as_str().unwrap_or("")),
                "a tap refused for an unexpected reason: {answer}"
            ),
        }
    }

    async fn post(&self, path: String, fields: &[(&str, &str)]) {
        let app = self.app();
        let (browser, _) = app.facilitator().await;
        let csrf = app.csrf(&browser).await;
        let mut form = vec![("csrf", csrf.as_str())];
        form.extend_from_slice(fields);
        let response = app.post_form(&browser, &path, &form).await;
        assert!(
            response.status().is_redirection() || response.status() == 422,
            "{path}: {}",
            response.status()
        );
    }

    fn disconnect(&mut self) {
        self.console = None;
        self.phones.iter_mut().for_each(|p| *p = None);
    }

    async fn restart(&mut self) {
        self.disconnect();
        // unwrap: present between steps.
        let app = self.app.take().unwrap();
        let dir = tokio::time::timeout(PROMPT_STOP, app.stop())
            .await
            .expect("a restart's shutdown finishes promptly");
        self.app = Some(spawn_app_in(dir, quick_idle).await);
    }

    async fn apply(&mut self, step: Step) {
        match step {
            Step::Next => self.control(json!({"type": "next"})).await,
            Step::Previous => self.control(json!({"type": "previous"})).await,
            Step::Jump(place) => {
                if let Some(topic) = self.topic_at(place).await {
                    self.control(json!({"type": "jump", "topic": topic})).await;
                }
            }
            Step::Blank(on) => self.control(json!({"type": "blank", "on": on})).await,
            Step::End => self.control(json!({"type": "end"})).await,
            Step::Tap(phone, place) | Step::Retap(phone, place) => {
                if let Some(topic) = self.topic_at(place).await {
                    let retry = matches!(step, Step::Retap(..));
                    self.tap(phone, topic, retry).await;
                }
            }
            Step::DeleteTopic(place) => {
                if let Some(topic) = self.topic_at(place).await {
                    let path = format!("/console/{}/topics/{topic}/delete", self.code);
                    self.post(path, &[]).await;
                }
            }
            Step::EditTopic(place) => {
                if let Some(topic) = self.topic_at(place).await {
                    let agenda = self.agenda().await;
                    let section = agenda
                        .sections
                        .iter()
                        .find(|s| s.topics.iter().any(|t| t.id == topic))
                        .map(|s| s.id.to_string())
                        .unwrap_or_default();
                    let path = format!("/console/{}/topics/{topic}", self.code);
                    let title = format!("Edited topic {}", self.ops);
                    let fields = [
                        ("title", title.as_str()),
                        ("kind", "pray"),
                        ("planned_minutes", "3"),
                        ("section", section.as_str()),
                    ];
                    self.post(path, &fields).await;
                }
            }
            Step::DeleteSection(place) => {
                let sections: Vec<i64> =
                    self.agenda().await.sections.iter().map(|s| s.id).collect();
                if !sections.is_empty() {
                    let section = sections[place % sections.len()];
                    let path = format!("/console/{}/sections/{section}/delete", self.code);
                    self.post(path, &[]).await;
                }
            }
            Step::Idle => {
                self.disconnect();
                tokio::time::sleep(Duration::from_millis(1600)).await;
            }
            Step::Restart => self.restart().await,
        }
    }
}

async fn run(steps: Vec<Step>) {
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, quick_idle).await;
    let code = app.code.clone();
    let bystander = app.store.create_gathering(&demo_agenda()).await.unwrap();
    // Identities the server issued (its key stays in the file across restarts).
    let mut devices = Vec::new();
    for _ in 0..PHONES {
        devices.push(app.new_device().await);
    }
    let mut gathering = Gathering {
        app: Some(app),
        code,
        devices,
        phones: (0..PHONES).map(|_| None).collect(),
        console: None,
        acked: BTreeSet::new(),
        ops: 0,
    };
    for step in steps {
        gathering.apply(step).await;
    }

    // Every acknowledged tap on a topic still in the agenda is on disk exactly
    // once, and nothing else is.
    let topics: BTreeSet<i64> = gathering.topic_ids().await.into_iter().collect();
    let app = gathering.app();
    let id = app
        .store
        .find_gathering(&intercede::domain::JoinCode::parse(&gathering.code).unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    let mut expected: BTreeMap<i64, i64> = BTreeMap::new();
    for (topic, phone) in &gathering.acked {
        if topics.contains(topic) {
            *expected.entry(*topic).or_default() += 1;
            assert!(
                app.store
                    .has_tap(id, *topic, &device_id(&gathering.devices[*phone]))
                    .await
                    .unwrap(),
                "acknowledged tap on topic {topic} is on disk"
            );
        }
    }
    for topic in &topics {
        assert_eq!(
            app.store.count_taps(id, *topic).await.unwrap(),
            expected.get(topic).copied().unwrap_or(0),
            "taps on disk for topic {topic}"
        );
    }

    // Another gathering on the same server is not held up...
    let (_, cookie) = app.facilitator().await;
    let url = |role: &str| format!("ws://{}/ws/{role}/{}", app.host, bystander.code);
    let mut console = Client::connect(&url("console"), Some(&app.origin()), Some(&cookie))
        .await
        .unwrap();
    let mut phone = Client::connect(&url("attend"), Some(&app.origin()), None)
        .await
        .unwrap();
    console.send(json!({"type": "next"})).await;
    let topic = console.next_of("state").await["live"]["topic"]["id"].clone();
    phone
        .send(json!({"type": "tap", "topic": topic, "op": "bystander"}))
        .await;
    let answer = tokio::time::timeout(
        Duration::from_secs(5),
        phone.next_matching(|m| m["op"] == "bystander"),
    )
    .await
    .expect("a bystander's tap is answered");
    assert_eq!(answer["type"], "ack", "{answer}");

    // ...health is honest, and shutdown finishes.
    let health = reqwest::get(format!("{}/healthz", app.address))
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    drop((console, phone));
    gathering.console = None;
    gathering.phones.clear();
    // unwrap: present after the last step.
    let app = gathering.app.take().unwrap();
    tokio::time::timeout(PROMPT_STOP, app.stop())
        .await
        .expect("shutdown finishes promptly");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 8,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn facilitator_chaos_loses_no_acknowledged_tap_and_jams_nothing(
        steps in proptest::collection::vec(step(), 10..40)
    ) {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(run(steps));
    }
}
