//! `docs/protocol.md` stays true: every JSON example in it is a message the
//! server reads (client messages) or writes (server messages).

use intercede::live::protocol::{ClientMessage, ServerMessage};
use serde_json::Value;

const CLIENT_TYPES: &[&str] = &[
    "tap",
    "next",
    "previous",
    "jump",
    "blank",
    "join_panel",
    "end",
    "snapshot",
    "ping",
    "request",
    "pray_request",
    "show_requests",
];

fn examples() -> Vec<Value> {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/protocol.md")).unwrap();
    let mut found = Vec::new();
    for block in doc.split("```json").skip(1) {
        let body = block.split("```").next().unwrap();
        match serde_json::from_str::<Value>(body) {
            Ok(value) => found.push(value),
            Err(_) => {
                for line in body.lines().filter(|l| !l.trim().is_empty()) {
                    found
                        .push(serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}")));
                }
            }
        }
    }
    found
}

#[test]
fn every_documented_message_is_understood() {
    let examples = examples();
    assert!(examples.len() >= 10, "the examples were found");
    let mut kinds = std::collections::HashSet::new();
    for example in examples {
        let kind = example["type"]
            .as_str()
            .expect("every message has a type")
            .to_string();
        if CLIENT_TYPES.contains(&kind.as_str()) && kind != "snapshot"
            || example.as_object().unwrap().len() == 1 && kind == "snapshot"
        {
            ClientMessage::decode(&example.to_string())
                .unwrap_or_else(|e| panic!("{example}: {e}"));
        } else {
            let message: ServerMessage = serde_json::from_value(example.clone())
                .unwrap_or_else(|e| panic!("{example}: {e}"));
            // And it is written back the same way.
            let written: Value = serde_json::from_str(&message.encode()).unwrap();
            assert_eq!(written["type"], example["type"]);
        }
        kinds.insert(kind);
    }
    for kind in [
        "snapshot",
        "state",
        "counts",
        "ack",
        "error",
        "pong",
        "tap",
        "next",
        "jump",
        "blank",
        "request",
        "pray_request",
        "received",
        "request_ack",
        "requests",
        "request_counts",
        "queue",
    ] {
        assert!(kinds.contains(kind), "{kind} is documented with an example");
    }
}
