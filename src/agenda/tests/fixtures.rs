//! One test per fixture guide, asserting what a person checking the import
//! would look at: sections in order, topics per section, kinds, a few
//! titles, verses; and, for every fixture, that no text is lost and the
//! agenda round-trips through Markdown.

use super::round_trip::assert_markdown_round_trip;
use super::*;
use crate::agenda::parse_guide;
use crate::domain::agenda::{NewTopic, TopicKind};

/// Imports a fixture, checking that no line is lost and that it round-trips.
fn import(name: &str) -> NewAgenda {
    let text = fixture(name);
    let imported = parse_guide(&text, None).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_nothing_lost(&text, &imported);
    let agenda = imported.agenda;
    assert_markdown_round_trip(&agenda);
    agenda
}

fn section_titles(agenda: &NewAgenda) -> Vec<&str> {
    agenda.sections.iter().map(|s| s.title.as_str()).collect()
}

fn topic_counts(agenda: &NewAgenda) -> Vec<usize> {
    agenda.sections.iter().map(|s| s.topics.len()).collect()
}

fn topic_titles(agenda: &NewAgenda, section: usize) -> Vec<&str> {
    agenda.sections[section]
        .topics
        .iter()
        .map(|t| t.title.as_str())
        .collect()
}

fn topics(agenda: &NewAgenda) -> impl Iterator<Item = &NewTopic> {
    agenda.sections.iter().flat_map(|s| &s.topics)
}

fn praise_titles(agenda: &NewAgenda) -> Vec<&str> {
    topics(agenda)
        .filter(|t| t.kind == TopicKind::Praise)
        .map(|t| t.title.as_str())
        .collect()
}

fn reference(topic: &NewTopic) -> Option<&str> {
    topic.scripture.as_ref().map(|s| s.reference.as_str())
}

#[test]
fn every_fixture_loses_nothing_and_round_trips() {
    let fixtures = all_fixtures();
    assert!(fixtures.len() >= 6, "only {} fixtures", fixtures.len());
    for (name, _) in fixtures {
        let agenda = import(&name);
        for title in std::iter::once(&agenda.title)
            .chain(agenda.sections.iter().map(|s| &s.title))
            .chain(topics(&agenda).map(|t| &t.title))
        {
            assert!(
                !title.is_empty() && title.chars().count() <= 80,
                "{name}: {title:?}"
            );
        }
    }
}

#[test]
fn handout_with_pipe_headings_and_regions() {
    let notes = parse_guide(&fixture("handout_pipes.txt"), None)
        .unwrap()
        .notes;
    for note in [
        "Title: Week of Prayer for Freedom",
        "Opening scripture: Isaiah 51:14-15",
        "Section 'Regional Focus | Latin America': 2 topics",
        "Section 'Pray for | Forced Labor Slavery': 3 topics (1 praise)",
    ] {
        assert!(
            notes.iter().any(|n| n.to_string() == note),
            "{note:?} not in {notes:#?}"
        );
    }

    let agenda = import("handout_pipes.txt");
    assert_eq!(agenda.title, "Week of Prayer for Freedom");
    let opening = agenda.scripture.as_ref().expect("opening verse");
    assert_eq!(opening.reference, "Isaiah 51:14-15");
    assert!(
        opening.text.starts_with("The captive exile hasteneth"),
        "{}",
        opening.text
    );
    assert!(
        opening.text.ends_with("The LORD of hosts is his name."),
        "{}",
        opening.text
    );
    assert_eq!(
        section_titles(&agenda),
        [
            "Pray for | Forced Labor Slavery",
            "Pray About | Cybersex Trafficking of Children",
            "Regional Focus | Latin America",
            "Regional Focus | South Asia",
            "Regional Focus | Southeast Asia",
            "Regional Focus | IJM HQ & Global Partners",
        ]
    );
    assert!(
        agenda
            .introduction
            .starts_with("Thank you for standing with survivors"),
        "the words before the first item introduce the gathering"
    );
    assert_eq!(topic_counts(&agenda), [3, 3, 2, 2, 2, 2]);
    assert_eq!(
        topic_titles(&agenda, 0),
        [
            "Families held in debt bondage at brick kilns",
            "The investigators in Chennai",
            "23 workers who walked free from a rice mill this spring",
        ]
    );
    assert_eq!(
        praise_titles(&agenda),
        [
            "23 workers who walked free from a rice mill this spring",
            "New laws that require online platforms",
            "The new aftercare home in Kolkata",
        ]
    );
    let abuse = &agenda.sections[1].topics[0];
    assert_eq!(reference(abuse), Some("Luke 12:2"));
    assert!(
        abuse.body.ends_with("into the light."),
        "the verse is not repeated in the body"
    );
    let courts = &agenda.sections[4].topics[0];
    assert_eq!(courts.title, "Courts in the Philippines");
    assert!(
        courts.body.starts_with("Courts in the Philippines: pray"),
        "the title stays in the body"
    );
    assert_eq!(
        reference(&agenda.sections[4].topics[1]),
        Some("Isaiah 61:1")
    );
    assert!(
        agenda
            .closing
            .starts_with("May the Lord who sets the captives free"),
        "the words after the last item close the gathering"
    );
    assert!(topics(&agenda).all(|t| (2..=5).contains(&t.planned_minutes)));
}

#[test]
fn plain_email_with_crlf_line_endings() {
    let text = fixture("email_plain.txt");
    // Git may check the fixture out with either line ending: test both.
    let lf = text.replace("\r\n", "\n");
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(parse_guide(&lf, None), parse_guide(&crlf, None));

    let agenda = import("email_plain.txt");
    assert_eq!(agenda.title, "Prayer points for Thursday night");
    let opening = agenda
        .scripture
        .as_ref()
        .expect("the verse after the greeting opens the gathering");
    assert_eq!(opening.reference, "Jeremiah 20:13");
    assert!(opening.text.starts_with("Sing unto the LORD") && opening.text.ends_with("evildoers."));
    assert_eq!(
        section_titles(&agenda),
        [
            "Courts and Judges",
            "Police Partners",
            "Aftercare",
            "Closing"
        ]
    );
    // A line that asks for prayer after a finished sentence is the next item.
    assert_eq!(topic_counts(&agenda), [2, 2, 2, 1]);
    assert_eq!(
        topic_titles(&agenda, 0),
        [
            "The judges hearing trafficking cases in Nairobi this term",
            "The defence and prosecution lawyers"
        ]
    );
    let lawyers = &agenda.sections[0].topics[1];
    assert_eq!(
        reference(lawyers),
        Some("Isaiah 1:17"),
        "a verse after a paragraph goes with it"
    );
    assert!(
        lawyers
            .scripture
            .as_ref()
            .unwrap()
            .text
            .starts_with("Learn to do well;")
    );
    assert_eq!(
        praise_titles(&agenda),
        ["The officers who finished their training"]
    );
    // Hard-wrapped lines are joined back into one paragraph.
    assert!(
        agenda
            .introduction
            .starts_with("Dear friends, Thank you for making time")
            && agenda
                .introduction
                .contains("Below are this month's points.")
    );
    assert!(
        agenda.sections[3].topics[0]
            .body
            .ends_with("Grace and peace, The prayer team")
    );
}

#[test]
fn markdown_guide_with_numbered_and_lettered_items() {
    let agenda = import("markdown_guide.md");
    assert_eq!(agenda.title, "Prayer Guide: Justice for the Vulnerable");
    let opening = agenda.scripture.as_ref().expect("opening verse");
    assert_eq!(opening.reference, "Proverbs 31:8-9");
    assert!(
        opening.text.starts_with("Open thy mouth for the dumb")
            && opening.text.ends_with("poor and needy.")
    );
    assert_eq!(
        section_titles(&agenda),
        [
            "Pray for | Survivors and Their Families",
            "Pray for | Justice Systems",
            "Pray About | Online Exploitation",
            "Closing Prayer",
        ]
    );
    assert_eq!(
        agenda.introduction,
        "Use this guide in a small group or on your own. Each section takes about ten minutes."
    );
    assert_eq!(topic_counts(&agenda), [3, 4, 3, 1]);
    let families = &agenda.sections[0].topics[1];
    assert_eq!(families.title, "Families who welcome a child home");
    assert!(
        families
            .body
            .ends_with("patience and support from their community."),
        "continuation joined"
    );
    assert_eq!(
        praise_titles(&agenda),
        [
            "The survivor-led network that now trains new caseworkers",
            "A conviction upheld on appeal in January"
        ]
    );
    let story = &agenda.sections[1].topics[3];
    assert_eq!(story.title, "A courtroom story");
    assert_eq!(reference(story), Some("Psalm 82:3"));
    assert_eq!(story.body.split("\n\n").count(), 2);
    assert_eq!(
        topic_titles(&agenda, 2),
        [
            "Technology companies to detect and report abuse quickly",
            "Content moderators",
            "Parents to know how to keep their children safe online",
        ]
    );
    assert_eq!(
        agenda.sections[3].topics[0].title,
        "The LORD bless thee, and keep thee"
    );
}

#[test]
fn guide_without_headings_is_one_section() {
    let agenda = import("no_headings.txt");
    assert_eq!(agenda.title, crate::agenda::import::DEFAULT_TITLE);
    assert_eq!(
        agenda.scripture, None,
        "a verse in the middle is not the opening verse"
    );
    assert_eq!(section_titles(&agenda), ["Prayer topics"]);
    assert!(
        agenda
            .introduction
            .starts_with("These are the prayer points")
    );
    assert_eq!(topic_counts(&agenda), [4]);
    let border = &agenda.sections[0].topics[1];
    assert_eq!(
        border.title,
        "Border officials to notice the signs of trafficking"
    );
    assert_eq!(reference(border), Some("Psalm 147:3"));
    assert_eq!(
        praise_titles(&agenda),
        ["The survivors who now lead support groups for others"]
    );
}

#[test]
fn guide_of_only_headings_keeps_every_heading() {
    let agenda = import("only_headings.txt");
    assert_eq!(agenda.title, "Prayer Evening Outline");
    assert_eq!(
        section_titles(&agenda),
        [
            "Pray for | Courts and Judges",
            "Pray for | Police and Investigators",
            "Pray About | Aftercare and Restoration",
            "Regional Focus | East Africa",
            "Regional Focus | South Asia",
            "Closing Prayer",
        ]
    );
    assert_eq!(topic_counts(&agenda), [0; 6]);
}

#[test]
fn messy_text_with_tabs_odd_spaces_and_a_huge_line() {
    let text = fixture("messy.txt");
    assert!(text.lines().any(|l| l.chars().count() > 12_000) && text.contains('\u{a0}'));
    let agenda = import("messy.txt");
    assert_eq!(agenda.title, "Prayer Night — Freedom for Captives");
    let opening = agenda.scripture.as_ref().expect("opening verse");
    assert_eq!(opening.reference, "Psalm 82:4");
    assert_eq!(
        opening.text,
        "Deliver the poor and needy: rid them out of the hand of the wicked."
    );
    assert_eq!(
        section_titles(&agenda),
        [
            "Pray for | Brick Kiln Families",
            "Regional Focus | West Africa"
        ]
    );
    assert_eq!(topic_counts(&agenda), [5, 2]);
    let rescue = &agenda.sections[0].topics[1];
    assert_eq!(
        rescue.title,
        "Rescue teams travelling on dusty roads at night"
    );
    assert_eq!(
        rescue.body,
        "Pray for rescue teams travelling on dusty roads at night. They often arrive before dawn."
    );
    let long = &agenda.sections[0].topics[3];
    assert_eq!(long.title, "On day 1 we pray again");
    assert!(long.body.chars().count() > 12_000);
    assert_eq!(long.planned_minutes, 5);
    assert_eq!(
        agenda.sections[0].topics[4].title,
        "Let us not be weary in well doing"
    );
    assert_eq!(
        praise_titles(&agenda),
        [
            "The children who started school this year!",
            "Boat owners who have released children"
        ]
    );
}

#[test]
fn pasted_web_page_with_bold_headings_and_sub_items() {
    let agenda = import("web_paste.txt");
    assert_eq!(agenda.title, "Monthly Prayer Focus – March");
    assert_eq!(
        agenda.scripture, None,
        "a verse under a heading belongs to that section"
    );
    assert_eq!(section_titles(&agenda), ["Courts and Justice", "Aftercare"]);
    assert_eq!(topic_counts(&agenda), [3, 3]);
    let magistrates = &agenda.sections[0].topics[0];
    assert_eq!(magistrates.title, "Magistrates in rural districts");
    assert_eq!(
        reference(magistrates),
        Some("Amos 5:24"),
        "a verse after a heading goes with the next topic"
    );
    let testify = &agenda.sections[0].topics[1];
    assert_eq!(testify.title, "Survivors preparing to testify");
    assert_eq!(
        testify.body,
        "Pray for survivors preparing to testify:\n- for a good night's sleep before each hearing\n\
         - for kind interpreters and support workers"
    );
    assert_eq!(praise_titles(&agenda).len(), 2);
    assert_eq!(agenda.closing, "Thank you for praying with us.");
}
