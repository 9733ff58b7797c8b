//! The importer scored against a corpus of invented prayer guides in the
//! shapes real ones come in (monthly letters, event handouts, e-mails, web
//! pastes, Markdown; English, Spanish, Portuguese and French), each beside an
//! expected-structure file `NAME.expected.json`. Every check belongs to one
//! class of the mistakes a facilitator would otherwise repair by hand:
//! headings, non-items (introduction, closing, section descriptions), topic
//! titles, praise, the guide's title, sensitive stories; a check on a guide
//! not in English also counts for the languages class. The score is printed
//! per class and the test fails below 100%.
//!
//! The expected file lists acceptable titles: a title matches one written
//! out (case ignored), or one given as `^prefix` that it starts with. An
//! introduction, closing or description is a piece of text that must appear
//! in the field (`null`: the field must be empty).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use super::round_trip::assert_markdown_round_trip;
use super::*;
use crate::agenda::parse_guide;
use crate::domain::agenda::{NewTopic, TopicKind};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    language: String,
    title: Vec<String>,
    introduction: Option<String>,
    closing: Option<String>,
    /// The opening verse's reference, when the guide has one.
    #[serde(default)]
    scripture: Option<String>,
    sections: Vec<ExpectedSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedSection {
    title: Vec<String>,
    description: Option<String>,
    topics: Vec<ExpectedTopic>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedTopic {
    title: Vec<String>,
    kind: TopicKind,
    sensitive: bool,
    #[serde(default)]
    scripture: Option<String>,
}

/// The classes of issue 12, in the order they are printed.
const CLASSES: &[&str] = &[
    "headings",
    "non-items",
    "titles",
    "praise",
    "title of the guide",
    "sensitive",
    "languages",
];

/// Checks passed and made per class, and what failed.
#[derive(Default)]
struct Score {
    classes: BTreeMap<&'static str, (usize, usize)>,
    failures: Vec<String>,
}

impl Score {
    fn check(
        &mut self,
        guide: &Guide,
        class: &'static str,
        ok: bool,
        what: impl FnOnce() -> String,
    ) {
        let mut count = |class| {
            let entry = self.classes.entry(class).or_default();
            entry.0 += usize::from(ok);
            entry.1 += 1;
        };
        count(class);
        if guide.language != "en" && class != "languages" {
            count("languages");
        }
        if !ok {
            self.failures
                .push(format!("{} [{class}]: {}", guide.name, what()));
        }
    }

    fn report(&self) -> (String, bool) {
        let mut out = String::from("importer score on the corpus:\n");
        let mut perfect = true;
        for class in CLASSES {
            let (passed, made) = self.classes.get(class).copied().unwrap_or_default();
            perfect &= passed == made;
            let percent = if made == 0 {
                100.0
            } else {
                100.0 * passed as f64 / made as f64
            };
            out.push_str(&format!(
                "  {class:<20} {passed:>3}/{made:<3} {percent:5.1}%\n"
            ));
        }
        (out, perfect)
    }
}

struct Guide {
    name: String,
    language: String,
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/agenda/tests/corpus")
}

/// Every guide of the corpus with its expected structure, in name order.
fn corpus() -> Vec<(String, String, Expected)> {
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("corpus directory")
        .map(|e| {
            e.expect("corpus entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".txt") || n.ends_with(".md"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let dir = corpus_dir();
            let text = std::fs::read_to_string(dir.join(&name)).expect("guide");
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            let path = dir.join(format!("{stem}.expected.json"));
            let json = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let expected =
                serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (name, text, expected)
        })
        .collect()
}

/// Whether `title` is one of the acceptable ones.
fn title_matches(title: &str, acceptable: &[String]) -> bool {
    let title = title.to_lowercase();
    acceptable.iter().any(|a| match a.strip_prefix('^') {
        Some(prefix) => title.starts_with(&prefix.to_lowercase()),
        None => title == a.to_lowercase(),
    })
}

/// Whether `field` holds what is expected of it (`None`: nothing).
fn text_matches(field: &str, expected: &Option<String>) -> bool {
    match expected {
        Some(piece) => comparable(field).contains(&comparable(piece)),
        None => field.trim().is_empty(),
    }
}

/// Words a title must not end on, in every language of the corpus.
const DANGLING: &[&str] = &[
    "with", "the", "of", "a", "an", "and", "for", "to", "in", "that", "de", "la", "el", "los",
    "las", "que", "y", "con", "por", "para", "da", "do", "das", "dos", "e", "com", "les", "le",
    "des", "du", "et", "avec", "pour",
];

/// A title fit for the projector: short, whole, not ending mid-phrase.
fn title_is_tidy(title: &str) -> bool {
    let last = title
        .rsplit([' ', '—', '–'])
        .next()
        .unwrap_or_default()
        .to_lowercase();
    title.chars().count() <= 60
        && !title.ends_with([',', '-', '–', '—', ':', ';', '…'])
        && !DANGLING.contains(&last.as_str())
}

fn score_guide(score: &mut Score, guide: &Guide, agenda: &NewAgenda, expected: &Expected) {
    score.check(
        guide,
        "title of the guide",
        title_matches(&agenda.title, &expected.title),
        || {
            format!(
                "guide titled {:?}, expected one of {:?}",
                agenda.title, expected.title
            )
        },
    );
    score.check(
        guide,
        "non-items",
        text_matches(&agenda.introduction, &expected.introduction),
        || {
            format!(
                "introduction {:?}, expected {:?}",
                agenda.introduction, expected.introduction
            )
        },
    );
    score.check(
        guide,
        "non-items",
        text_matches(&agenda.closing, &expected.closing),
        || {
            format!(
                "closing {:?}, expected {:?}",
                agenda.closing, expected.closing
            )
        },
    );
    if let Some(reference) = &expected.scripture {
        let found = agenda.scripture.as_ref().map(|s| s.reference.as_str());
        score.check(
            guide,
            "languages",
            found == Some(reference.as_str()),
            || format!("opening verse {found:?}, expected {reference:?}"),
        );
    }
    score.check(
        guide,
        "headings",
        agenda.sections.len() == expected.sections.len(),
        || {
            let titles: Vec<_> = agenda.sections.iter().map(|s| &s.title).collect();
            format!(
                "{} sections {titles:?}, expected {}",
                titles.len(),
                expected.sections.len()
            )
        },
    );
    for (i, want) in expected.sections.iter().enumerate() {
        let section = agenda.sections.get(i);
        let title = section.map_or("", |s| s.title.as_str());
        let count = section.map_or(0, |s| s.topics.len());
        let ok = title_matches(title, &want.title) && count == want.topics.len();
        score.check(guide, "headings", ok, || {
            format!(
                "section {i} {title:?} with {count} topics, expected {:?} with {}",
                want.title,
                want.topics.len()
            )
        });
        let description = section.map_or("", |s| s.description.as_str());
        score.check(
            guide,
            "non-items",
            section.is_some() && text_matches(description, &want.description),
            || {
                format!(
                    "section {i} description {description:?}, expected {:?}",
                    want.description
                )
            },
        );
        for (j, want) in want.topics.iter().enumerate() {
            score_topic(
                score,
                guide,
                section.and_then(|s| s.topics.get(j)),
                want,
                (i, j),
            );
        }
    }
}

fn score_topic(
    score: &mut Score,
    guide: &Guide,
    topic: Option<&NewTopic>,
    want: &ExpectedTopic,
    (i, j): (usize, usize),
) {
    let title = topic.map_or("", |t| t.title.as_str());
    let ok = title_matches(title, &want.title) && title_is_tidy(title);
    score.check(guide, "titles", ok, || {
        format!(
            "topic {i}.{j} titled {title:?}, expected one of {:?}",
            want.title
        )
    });
    let kind = topic.map(|t| t.kind);
    score.check(guide, "praise", kind == Some(want.kind), || {
        format!(
            "topic {i}.{j} {title:?} is {kind:?}, expected {:?}",
            want.kind
        )
    });
    let sensitive = topic.map(|t| t.sensitive && !t.safe_summary.trim().is_empty());
    score.check(
        guide,
        "sensitive",
        sensitive == Some(want.sensitive),
        || {
            format!(
                "topic {i}.{j} {title:?} sensitive (with a summary) {sensitive:?}, expected {}",
                want.sensitive
            )
        },
    );
    if let Some(reference) = &want.scripture {
        let found = topic
            .and_then(|t| t.scripture.as_ref())
            .map(|s| s.reference.as_str());
        score.check(
            guide,
            "languages",
            found == Some(reference.as_str()),
            || format!("topic {i}.{j} verse {found:?}, expected {reference:?}"),
        );
    }
}

#[test]
fn the_importer_scores_full_marks_on_the_corpus() {
    let corpus = corpus();
    assert!(
        corpus.len() >= 15,
        "only {} guides in the corpus",
        corpus.len()
    );
    let mut score = Score::default();
    for (name, text, expected) in &corpus {
        let imported = parse_guide(text, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The earlier guarantees hold on every guide of the corpus too.
        assert_nothing_lost(text, &imported);
        let agenda = imported.agenda;
        assert_markdown_round_trip(&agenda);
        let guide = Guide {
            name: name.clone(),
            language: expected.language.clone(),
        };
        score_guide(&mut score, &guide, &agenda, expected);
    }
    let (report, perfect) = score.report();
    println!("{report}");
    assert!(
        perfect,
        "{report}\nfailed checks:\n{}",
        score.failures.join("\n")
    );
}

#[test]
fn acceptable_titles_match_exactly_or_by_prefix() {
    let acceptable = vec![
        "The Rivera family".to_string(),
        "^Investigators".to_string(),
    ];
    assert!(title_matches("the rivera family", &acceptable));
    assert!(title_matches("Investigators tracing payments", &acceptable));
    assert!(!title_matches("Last spring", &acceptable));
    assert!(!title_is_tidy("A year of rejoicing—with"));
    assert!(!title_is_tidy("A workshop held with"));
    assert!(title_is_tidy("A court date for the Rivera family"));
}
