//! Export then import gives the same agenda back: Markdown for every agenda
//! the importer makes from a fixture and for the demo agenda, JSON always.

use super::*;
use crate::agenda::{from_json, parse_guide, to_json, to_markdown};
use crate::domain::demo::demo_agenda;

#[track_caller]
pub(super) fn assert_markdown_round_trip(agenda: &NewAgenda) {
    let markdown = to_markdown(agenda);
    let back = parse_guide(&markdown, None)
        .expect("exported Markdown imports")
        .agenda;
    if &back != agenda {
        for (i, (a, b)) in agenda.sections.iter().zip(&back.sections).enumerate() {
            if a != b {
                panic!("section {i} differs:\nexpected {a:#?}\ngot {b:#?}\nmarkdown:\n{markdown}");
            }
        }
        assert_eq!(&back, agenda, "markdown:\n{markdown}");
    }
}

#[test]
fn every_imported_fixture_round_trips_through_markdown() {
    for (name, text) in all_fixtures() {
        let agenda = parse_guide(&text, None)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .agenda;
        assert_markdown_round_trip(&agenda);
    }
}

#[test]
fn every_imported_fixture_round_trips_through_json() {
    for (name, text) in all_fixtures() {
        let agenda = parse_guide(&text, None)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .agenda;
        assert_eq!(from_json(&to_json(&agenda)), Ok(agenda), "{name}");
    }
}

#[test]
fn the_demo_agenda_round_trips() {
    let demo = demo_agenda();
    assert_markdown_round_trip(&demo);
    assert_eq!(from_json(&to_json(&demo)), Ok(demo));
}
