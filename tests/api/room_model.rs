//! Property: after any sequence of joins, taps, retries, reconnects and topic
//! changes, the room's counts (and the database's) equal a simple model's.

use intercede::domain::demo::demo_agenda;
use intercede::live::protocol::{Control, Role};
use intercede::live::room::{self, RoomCommand, RoomHandle};
use intercede::store::writer::Writer;
use proptest::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

const DEVICES: usize = 4;
const TOPICS: usize = 4;

#[derive(Debug, Clone)]
enum Step {
    Join(usize),
    Leave(usize),
    /// A tap with an op number (the same number again is a retry).
    Tap(usize, usize, u8),
    Show(usize),
    Next,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..DEVICES).prop_map(Step::Join),
        (0..DEVICES).prop_map(Step::Leave),
        (0..DEVICES, 0..TOPICS, 0..3u8).prop_map(|(d, t, op)| Step::Tap(d, t, op)),
        (0..TOPICS).prop_map(Step::Show),
        Just(Step::Next),
    ]
}

/// What the room should know, kept the simplest way.
#[derive(Default)]
struct Model {
    shown: HashSet<usize>,
    current: Option<usize>,
    taps: HashSet<(usize, usize)>,
    present: HashMap<usize, usize>,
}

async fn reply(rx: &mut mpsc::Receiver<bytestring::ByteString>) -> serde_json::Value {
    let frame = tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .unwrap()
        .unwrap();
    serde_json::from_str(&frame).unwrap()
}

async fn run(steps: Vec<Step>) {
    let dir = tempfile::tempdir().unwrap();
    let store = super::helpers::open_test_store(dir.path()).await;
    let gathering = store.create_gathering(&demo_agenda()).await.unwrap();
    let seed = store.load_room_seed(&gathering).await.unwrap();
    let topic_ids: Vec<i64> = seed
        .agenda
        .sections
        .iter()
        .flat_map(|s| s.topics.iter().map(|t| t.id))
        .take(TOPICS)
        .collect();
    let (writer, _task) = Writer::start(store.clone());
    let stop = tokio::sync::watch::channel(false).0;
    let room: RoomHandle = room::spawn(
        seed,
        Arc::from("test"),
        writer,
        store.clone(),
        room::RoomOptions {
            idle: Duration::from_secs(3600),
            encoded: Default::default(),
            stop: stop.subscribe(),
        },
        &tokio_util::task::TaskTracker::new(),
        &tokio::runtime::Handle::current(),
    );
    let devices: Vec<Arc<str>> = (0..DEVICES)
        .map(|d| Arc::from(format!("{d:032x}")))
        .collect();
    let mut model = Model::default();
    let mut feeds = Vec::new();

    for step in steps {
        match step {
            Step::Join(d) => {
                feeds.push(
                    room.join(Role::Attendee, Some(devices[d].clone()), "en")
                        .await
                        .unwrap(),
                );
                *model.present.entry(d).or_default() += 1;
            }
            Step::Leave(d) => {
                if model.present.get(&d).copied().unwrap_or(0) > 0 {
                    room.send(RoomCommand::Leave {
                        role: Role::Attendee,
                        device: Some(devices[d].clone()),
                    })
                    .await
                    .unwrap();
                    *model.present.get_mut(&d).unwrap() -= 1;
                }
            }
            Step::Tap(d, t, op) => {
                let (tx, mut rx) = mpsc::channel(8);
                room.send(RoomCommand::Tap {
                    device: devices[d].clone(),
                    topic: topic_ids[t],
                    op: format!("{d}-{t}-{op}"),
                    reply: tx,
                })
                .await
                .unwrap();
                let answer = reply(&mut rx).await;
                if model.shown.contains(&t) {
                    assert_eq!(answer["type"], "ack", "{answer}");
                    model.taps.insert((d, t));
                } else {
                    assert_eq!(answer["code"], "not_live", "{answer}");
                }
            }
            Step::Show(t) => {
                room.control(Control::Jump(topic_ids[t]))
                    .await
                    .unwrap()
                    .unwrap();
                model.shown.insert(t);
                model.current = Some(t);
            }
            Step::Next => {
                room.control(Control::Next).await.unwrap().unwrap();
                // The demo has more topics than the model taps; only those matter here.
                let next = model.current.map_or(0, |c| c + 1);
                model.current = Some(next);
                if next < TOPICS {
                    model.shown.insert(next);
                }
            }
        }
    }

    let view = room.view(Role::Console, None, "").await.unwrap();
    let expected: BTreeMap<i64, i64> = (0..TOPICS)
        .map(|t| {
            (
                topic_ids[t],
                model.taps.iter().filter(|(_, topic)| *topic == t).count() as i64,
            )
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    assert_eq!(view.counts.per_topic.unwrap(), expected, "room counts");
    let here = model.present.values().filter(|n| **n > 0).count() as i64;
    assert_eq!(view.counts.here, Some(here), "phones here");
    for (t, id) in topic_ids.iter().enumerate() {
        let stored = store.count_taps(gathering.id, *id).await.unwrap();
        let modelled = model.taps.iter().filter(|(_, topic)| *topic == t).count() as i64;
        assert_eq!(stored, modelled, "database count for topic {t}");
    }
    drop(feeds);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn room_counts_match_a_simple_model(steps in proptest::collection::vec(step(), 1..40)) {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        runtime.block_on(run(steps));
    }
}
