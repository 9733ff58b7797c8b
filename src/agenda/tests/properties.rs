//! Properties over arbitrary input: guide-like lines mixed with arbitrary
//! Unicode never panic, never lose a line, never give a title over 80
//! characters, and what is imported exports and imports back unchanged.

use proptest::prelude::*;

use super::*;
use crate::agenda::{
    ImportError, from_json, normalise_reference, parse_guide, to_json, to_markdown,
};

/// Pieces of real guides, and of the export shape, in all their variety.
const PIECES: &[&str] = &[
    "Week of Prayer for Freedom",
    "Pray for | Forced Labor Slavery",
    "Pray About | Cybersex Trafficking of Children",
    "Regional Focus",
    "Latin America",
    "South Asia",
    "IJM HQ & Global Partners",
    "Closing Prayer",
    "Courts and Judges",
    "• Pray for the courts in Guatemala.",
    "•Pray for police units",
    "- Pray for the investigators in Manila who are preparing a case, that",
    "* Praise God for survivors who now lead.",
    "– Thank God for new laws",
    "1. Pray for judges",
    "2) Give thanks for caseworkers",
    "a. Pray for families",
    "(b) Pray for shelters",
    "    ◦ a sub-item",
    "  continuing the item on an indented line",
    "and a wrapped line without a stop",
    "“Sing unto the LORD, praise ye the LORD.”",
    "\"Learn to do well; seek judgment.\"",
    "‘Defend the poor.’",
    "— Isaiah 51: 14-15",
    "- Jeremiah 20:13",
    "-- Micah 6:8",
    "~ psalm 82 : 4",
    "Isaiah 61:1",
    "1 john 3:18",
    "# Guide title",
    "## Section",
    "### Topic",
    "#### Deeper",
    "#",
    "> quoted words",
    "> — Micah 6:8",
    "> — a survivor",
    ">",
    "*Praise · 4 min*",
    "*Pray · 3 min · sensitive*",
    "Facilitator notes: go gently",
    "Projector summary: a safe line",
    "\\# escaped",
    "\\",
    "---",
    "* * *",
    "",
    "   ",
    "\t",
    "\u{a0}",
    "**Bold Heading**",
    "Amen",
    "Amen.",
    "Pray for peace",
    "Thank you for praying with us.",
    "|",
    "| |",
    "—",
    "•",
    "1.",
    "(",
    "“",
    "”",
    "Dear friends,",
    "Courts in Uganda: pray that hearings go ahead.",
    // The shapes of issue 12: framing words, lead-ins, other languages, stories.
    "Introduction: At the Denver Prayer Gathering we heard from three teams.",
    "Closing words: Thank you for praying with us.",
    "Description: Our East Africa office serves Kenya, Uganda and Tanzania.",
    "At the Denver Prayer Gathering on Saturday, three teams spoke.",
    "Our East Africa office serves Kenya, Uganda and Tanzania.",
    "Last spring, we asked you to pray for the Rivera family as they waited.",
    "Join us in thanking God that a new law passed.",
    "Rejoice with us: the council voted to fund two beds.",
    "We are grateful that Pastor Okafor has recovered.",
    "With gratitude,",
    "Asia del Sur",
    "Afrique de l'Ouest",
    "Oremos por | Los tribunales",
    "• Oremos pelos juízes de Recife que ouvem casos.",
    "• Alabemos a Dios por la liberación de catorce jóvenes.",
    "— Salmo 82:3",
    "Sl 146:7",
    "Maya was eight when a neighbour began to sexually abuse her. Pray for Maya.",
    "• Awa a été violée. Prions pour sa guérison.",
    "Gracias por orar con nosotros.",
    // A forwarded e-mail's header, in the shapes mail programs write it.
    "---------- Forwarded message ---------",
    "Begin forwarded message:",
    "From: Ana Ruiz <ana@example.org>",
    "Sent: Tuesday, November 3, 2026 9:14 AM",
    "Date: Tue, 3 Nov 2026 at 09:14",
    "Subject: Fwd: Prayer points for November",
    "Subject: RE:",
    "To: <team@example.org>",
    "Asunto: RV: Oración de noviembre",
    "Pray About | Online Exploitation of Children and Young People (Also Called \"Livestreamed Abuse\")",
    "Pray for: Refugee Families",
];

fn long_line() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(PIECES), 50..400).prop_map(|w| w.join(" ")),
        (1_000..12_000usize).prop_map(|n| "x".repeat(n)),
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(str::to_string),
        3 => any::<String>(),
        3 => "[ \t\u{a0}\u{2003}•*#>|“”\"'~:.,;!?()–—\\\\a-zA-Z0-9-]{0,40}",
        1 => long_line(),
    ]
}

/// A guide: lines, each with some indentation and some line ending.
fn guide() -> impl Strategy<Value = String> {
    let indent = prop::sample::select(vec!["", "", "  ", "\t", "    ", "\u{a0}"]);
    let ending = prop::sample::select(vec!["\n", "\n", "\n\n", "\r\n", "\r"]);
    prop::collection::vec((indent, line(), ending), 0..40).prop_map(|lines| {
        lines
            .into_iter()
            .map(|(indent, line, ending)| format!("{indent}{line}{ending}"))
            .collect()
    })
}

fn all_titles(agenda: &NewAgenda) -> Vec<&String> {
    std::iter::once(&agenda.title)
        .chain(agenda.sections.iter().map(|s| &s.title))
        .chain(
            agenda
                .sections
                .iter()
                .flat_map(|s| s.topics.iter().map(|t| &t.title)),
        )
        .collect()
}

/// 256 cases, or `PROPTEST_CASES` for a deeper search; failures are printed,
/// not saved to files.
fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_guide_imports_without_losing_a_line(text in guide()) {
        match parse_guide(&text, None) {
            Ok(imported) => {
                assert_nothing_lost(&text, &imported);
                for title in all_titles(&imported.agenda) {
                    prop_assert!(title.chars().count() <= 80, "title too long: {title:?}");
                }
            }
            Err(ImportError::Empty) => {
                let said: Vec<String> = text.split(['\r', '\n']).filter_map(needle).collect();
                prop_assert!(said.is_empty(), "refused as empty: {said:?}");
            }
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        if let Ok(imported) = parse_guide(&text, None) {
            assert_nothing_lost(&text, &imported);
        }
    }

    #[test]
    fn whitespace_alone_is_empty(text in "[ \t\r\n\u{a0}\u{2003}\u{3000}\u{feff}]{0,30}") {
        prop_assert_eq!(parse_guide(&text, None), Err(ImportError::Empty));
    }

    #[test]
    fn whatever_is_imported_round_trips(text in guide()) {
        if let Ok(imported) = parse_guide(&text, None) {
            let agenda = imported.agenda;
            let markdown = to_markdown(&agenda);
            let back = parse_guide(&markdown, None).map(|i| i.agenda);
            prop_assert_eq!(back.as_ref(), Ok(&agenda), "markdown:\n{}", markdown);
            prop_assert_eq!(from_json(&to_json(&agenda)), Ok(agenda));
        }
    }

    #[test]
    fn normalising_a_reference_twice_changes_nothing(text in "[ 0-9a-zA-Z:,;.–—-]{0,30}") {
        let once = normalise_reference(&text);
        prop_assert_eq!(normalise_reference(&once), once);
    }
}
