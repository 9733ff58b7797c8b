//! Any file a facilitator might upload: decoding and importing never panic,
//! and an imported agenda reads back the same through its Markdown export.
#![no_main]

use intercede::agenda::export::to_markdown;
use intercede::agenda::import::{decode, parse_guide};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode(data) else { return };
    let Ok(imported) = parse_guide(&text, None) else { return };
    let again = parse_guide(&to_markdown(&imported.agenda), None).expect("an export imports");
    assert_eq!(again.agenda, imported.agenda, "Markdown round trip");
});
