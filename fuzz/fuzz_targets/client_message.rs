//! Any bytes a socket might send: decoding never panics, and whatever decodes
//! is a message the server knows.
#![no_main]

use intercede::live::protocol::ClientMessage;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(message) = ClientMessage::decode(text)
    {
        // A decoded control stays a control, a tap keeps a bounded op.
        let _ = message.control();
        if let ClientMessage::Tap { op, .. } = &message {
            assert!(!op.is_empty() && op.chars().count() <= intercede::live::protocol::MAX_OP_LEN);
        }
    }
});
