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

/// The demo agenda with some of it in Spanish and a little in French: the
/// gathering's title and introduction, a section, two topics (one only its
/// title, one with a verse's text but not its reference).
fn translated_demo() -> NewAgenda {
    use crate::domain::translation::SectionTranslation;
    use crate::domain::{GatheringText, Scripture, SectionText, TopicText, Translation};
    let mut demo = demo_agenda();
    demo.introduction = "Welcome, everyone.".into();
    let empty = |demo: &NewAgenda| -> Vec<SectionTranslation> {
        demo.sections
            .iter()
            .map(|s| SectionTranslation {
                section: SectionText::default(),
                topics: vec![TopicText::default(); s.topics.len()],
            })
            .collect()
    };
    let mut spanish = Translation {
        language: "es".into(),
        gathering: GatheringText {
            title: "Noche de oración por la justicia".into(),
            scripture: None,
            introduction: "Bienvenidos a todos.".into(),
            closing: String::new(),
        },
        sections: empty(&demo),
    };
    spanish.sections[0].section.title = "Oremos por | La esclavitud laboral".into();
    spanish.sections[0].topics[0] = TopicText {
        title: "Personas en trabajo forzoso".into(),
        scripture: Some(Scripture {
            text: "El que hace justicia a los agraviados.".into(),
            reference: String::new(),
        }),
        body: "Oremos por los inspectores.\n\nY por las familias.".into(),
        safe_summary: String::new(),
    };
    spanish.sections[1].topics[0].title = "Solo el título".into();
    let mut french = Translation {
        language: "fr".into(),
        gathering: GatheringText::default(),
        sections: empty(&demo),
    };
    french.sections[0].topics[1].body = "Prions pour eux.".into();
    demo.translations = vec![spanish, french];
    demo
}

#[test]
fn translations_round_trip_through_markdown_and_json() {
    let demo = translated_demo();
    assert!(demo.sections[0].topics[0].scripture.is_some());
    let markdown = to_markdown(&demo);
    assert!(
        markdown.starts_with("<!-- language: en -->\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("\n<!-- translation: es -->\n\n# Noche de oración por la justicia\n")
    );
    assert_markdown_round_trip(&demo);
    assert_eq!(from_json(&to_json(&demo)), Ok(demo));
}

#[test]
fn an_export_without_translations_or_language_still_imports() {
    let json = r#"{"title":"Old","scripture":null,"sections":[{"title":"S","topics":[
        {"title":"T","scripture":null,"body":"B","kind":"pray","planned_minutes":3,
         "notes":"","sensitive":false,"safe_summary":""}]}]}"#;
    let agenda = from_json(json).unwrap();
    assert!(agenda.language.is_empty() && agenda.translations.is_empty());
}
