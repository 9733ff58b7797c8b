//! The demo gathering created on first start, so a new user opens the app to a
//! believable agenda instead of an empty screen.

use super::agenda::{NewAgenda, NewSection, NewTopic, Scripture, TopicKind};

/// The sample "Evening of Prayer for Justice": five sections, thirteen topics.
pub fn demo_agenda() -> NewAgenda {
    NewAgenda {
        title: "Evening of Prayer for Justice".to_string(),
        scripture: Some(scripture(
            "He has shown you, O man, what is good. What does the LORD require of you, \
             but to act justly, to love mercy, and to walk humbly with your God?",
            "Micah 6:8",
        )),
        introduction: String::new(),
        closing: String::new(),
        language: "en".to_string(),
        translations: Vec::new(),
        sections: vec![
            section(
                "Pray for | Forced Labour Slavery",
                vec![
                    topic(
                        "People held in forced labour",
                        "Psalm 146:7",
                        "Which executeth judgment for the oppressed: which giveth food to the \
                         hungry. The LORD looseth the prisoners.",
                        4,
                        &[
                            "Men, women and children work in fields, factories, fishing boats, \
                             brick kilns and private homes without pay or freedom, often tied \
                             by debts they can never repay. Pray that the Lord would see each \
                             one and open a way out.",
                            "Pray for labour inspectors and police to recognise the signs of \
                             forced labour and to act with courage. Pray for safe places ready \
                             to receive people when they walk free.",
                        ],
                    )
                    .with_notes(
                        "Invite short prayers aloud, one after another, rather than one long prayer.",
                    ),
                    topic(
                        "Honest supply chains",
                        "Jeremiah 22:13",
                        "Woe unto him that buildeth his house by unrighteousness, and his \
                         chambers by wrong; that useth his neighbour's service without wages, \
                         and giveth him not for his work.",
                        3,
                        &[
                            "Pray for companies to trace where their goods really come from, \
                             and to act honestly when they find forced labour hidden among \
                             their suppliers.",
                            "Pray for governments to pass and enforce laws that hold businesses \
                             to account. Pray that we would buy with care and ask questions of \
                             the brands we use.",
                        ],
                    ),
                    topic(
                        "Praise God for workers set free",
                        "Psalm 107:14",
                        "He brought them out of darkness and the shadow of death, and brake \
                         their bands in sunder.",
                        2,
                        &[
                            "Praise God for every worker released from a kiln, a farm or a boat \
                             this year, and for the partners who walked with them into a new \
                             start.",
                            "Give thanks for cases that ended with unpaid wages returned, and \
                             for villages that welcomed their people home.",
                        ],
                    )
                    .praise()
                    .with_notes("Keep this one joyful: a short song or a few spoken thanks."),
                ],
            ),
            section(
                "Pray for | Commercial Sexual Exploitation of Children",
                vec![
                    topic(
                        "Children exploited for profit",
                        "Psalm 82:3",
                        "Defend the poor and fatherless: do justice to the afflicted and needy.",
                        4,
                        &[
                            "Pray for children exploited for money in cities, tourist areas and \
                             along trucking and migration routes. Pray that they would be found \
                             quickly and brought to safety.",
                            "Pray for the teams who search for them, for wise plans and for \
                             operations that keep every child safe.",
                            "Pray that those who pay to exploit children would be caught, held \
                             to account and brought to real repentance.",
                        ],
                    ),
                    topic(
                        "One girl's road to safety",
                        "Psalm 147:3",
                        "He healeth the broken in heart, and bindeth up their wounds.",
                        5,
                        &[
                            "A fourteen-year-old girl was promised a job in a restaurant in a \
                             nearby city. Instead she was locked in a guesthouse and sold for \
                             sex, and told that her family would be hurt if she tried to leave.",
                            "A hotel worker raised the alarm, and police and a local partner \
                             brought her out to a safe home. She now sees a counsellor and has \
                             gone back to school, though she still sleeps badly and the case \
                             against the men who sold her moves slowly.",
                            "Pray for her healing and for peaceful sleep. Pray for courage when \
                             she gives evidence, and for the court to reach a just verdict \
                             without delay.",
                        ],
                    )
                    .sensitive_with_summary(
                        "Pray for a teenage girl now living in a safe home: for healing, for \
                         courage in court, and for justice to be done.",
                    )
                    .with_notes(
                        "Read only the summary aloud and let people read the story on their \
                         phones. Leave a minute of silence before praying.",
                    ),
                ],
            ),
            section(
                "Pray About | Online Sexual Exploitation of Children",
                vec![
                    topic(
                        "Children harmed in front of a camera",
                        "Luke 12:2",
                        "For there is nothing covered, that shall not be revealed; neither \
                         hid, that shall not be known.",
                        4,
                        &[
                            "Some children are abused on camera at home while people in other \
                             countries pay to watch, and often the abuser is someone the child \
                             knows. Pray that every case would be uncovered and every child made \
                             safe.",
                            "Pray for social workers who find safe relatives or foster homes \
                             for rescued children, and for families shaken by what happened.",
                        ],
                    )
                    .with_notes("Go gently here; parents of young children may find this hard."),
                    topic(
                        "Technology companies and online safety",
                        "Ephesians 5:11",
                        "And have no fellowship with the unfruitful works of darkness, but \
                         rather reprove them.",
                        3,
                        &[
                            "Pray for engineers and leaders in technology companies to build \
                             services that detect and report abuse quickly, even when it costs \
                             them.",
                            "Pray for content moderators who see disturbing material every day, \
                             that their minds and hearts would be guarded.",
                        ],
                    ),
                    topic(
                        "Digital investigators and prosecutors",
                        "Proverbs 21:15",
                        "It is joy to the just to do judgment: but destruction shall be to the \
                         workers of iniquity.",
                        3,
                        &[
                            "Pray for forensic teams who trace payments and accounts across \
                             borders, for patience and for breakthroughs.",
                            "Pray for prosecutors and judges to understand online crimes well \
                             and to hand down sentences that protect children.",
                            "Pray for police forces in different countries to work together, so \
                             that distance is no hiding place for offenders.",
                        ],
                    )
                    .with_notes(
                        "If someone in the room works in tech or law, invite them to lead this \
                         prayer.",
                    ),
                ],
            ),
            section(
                "Pray for | Survivors of Sexual Violence Against Children",
                vec![
                    topic(
                        "Healing that takes time",
                        "Psalm 34:18",
                        "The LORD is nigh unto them that are of a broken heart; and saveth such \
                         as be of a contrite spirit.",
                        4,
                        &[
                            "Recovery from abuse is rarely quick. Pray for survivors, both \
                             children and adults abused long ago, to find counsellors they \
                             trust, safe friendships and hope for the future.",
                            "Pray for aftercare homes and their staff, for steady funding, \
                             proper rest and wisdom in hard conversations.",
                        ],
                    ),
                    topic(
                        "Courage in the courtroom",
                        "Isaiah 41:10",
                        "Fear thou not; for I am with thee: be not dismayed; for I am thy God.",
                        3,
                        &[
                            "Many survivors must tell their story again and again to police, \
                             doctors and courts. Pray for child-friendly procedures, kind \
                             interviewers and judges who shield children from further harm.",
                            "Pray for parents and carers who stand beside a child through a \
                             long trial.",
                        ],
                    ),
                    topic(
                        "Praise God for survivors who now lead",
                        "Psalm 30:11",
                        "Thou hast turned for me my mourning into dancing: thou hast put off \
                         my sackcloth, and girded me with gladness.",
                        2,
                        &[
                            "Praise God for survivors who have become advocates, mentors and \
                             leaders, shaping the laws and services that protect children \
                             today.",
                            "Give thanks for every child who laughs again, returns to school or \
                             finds a safe family.",
                        ],
                    )
                    .praise()
                    .with_notes("Invite people to call out one-line thanks."),
                ],
            ),
            section(
                "Regional Focus | Latin America",
                vec![
                    topic(
                        "Migrants on the move",
                        "Deuteronomy 10:18",
                        "He doth execute the judgment of the fatherless and widow, and loveth \
                         the stranger, in giving him food and raiment.",
                        4,
                        &[
                            "Across Central and South America, families fleeing poverty and \
                             violence travel long routes where traffickers wait to exploit \
                             them. Pray for protection on the road and for shelters that offer \
                             safe rest and honest advice.",
                            "Pray for border officials to treat migrants with dignity and to \
                             notice those who are being trafficked.",
                        ],
                    ),
                    topic(
                        "Partners and churches across the region",
                        "Isaiah 58:6",
                        "Is not this the fast that I have chosen? to loose the bands of \
                         wickedness, to undo the heavy burdens, and to let the oppressed go free.",
                        3,
                        &[
                            "Pray for local partners working alongside police, courts and \
                             social services, that they would be protected, well led and never \
                             alone.",
                            "Pray for churches to become safe places that welcome survivors and \
                             speak up for justice in their towns.",
                        ],
                    )
                    .with_notes(
                        "Close by praying together aloud, then move to the closing blessing.",
                    ),
                ],
            ),
        ],
    }
}

fn scripture(text: &str, reference: &str) -> Scripture {
    Scripture {
        text: text.to_string(),
        reference: reference.to_string(),
    }
}

fn section(title: &str, topics: Vec<NewTopic>) -> NewSection {
    NewSection {
        title: title.to_string(),
        description: String::new(),
        topics,
    }
}

/// A prayer topic with no notes, not sensitive; paragraphs joined by a blank line.
fn topic(title: &str, reference: &str, verse: &str, minutes: i64, body: &[&str]) -> NewTopic {
    NewTopic {
        title: title.to_string(),
        scripture: Some(scripture(verse, reference)),
        body: body.join("\n\n"),
        kind: TopicKind::Pray,
        planned_minutes: minutes,
        notes: String::new(),
        sensitive: false,
        safe_summary: String::new(),
    }
}

/// Small finishing touches for the topics above, so the data reads top to bottom.
trait TopicExt {
    fn praise(self) -> Self;
    fn with_notes(self, notes: &str) -> Self;
    fn sensitive_with_summary(self, safe_summary: &str) -> Self;
}

impl TopicExt for NewTopic {
    fn praise(mut self) -> Self {
        self.kind = TopicKind::Praise;
        self
    }

    fn with_notes(mut self, notes: &str) -> Self {
        self.notes = notes.to_string();
        self
    }

    fn sensitive_with_summary(mut self, safe_summary: &str) -> Self {
        self.sensitive = true;
        self.safe_summary = safe_summary.to_string();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_topics(agenda: &NewAgenda) -> Vec<&NewTopic> {
        agenda
            .sections
            .iter()
            .flat_map(|s| s.topics.iter())
            .collect()
    }

    #[test]
    fn has_a_title_and_opening_scripture() {
        let agenda = demo_agenda();
        assert!(!agenda.title.trim().is_empty());
        let opening = agenda.scripture.expect("opening scripture");
        assert!(!opening.text.trim().is_empty());
        assert!(!opening.reference.trim().is_empty());
    }

    #[test]
    fn has_five_sections_of_two_or_three_topics() {
        let agenda = demo_agenda();
        assert_eq!(agenda.sections.len(), 5);
        assert_eq!(agenda.sections[0].title, "Pray for | Forced Labour Slavery");
        for section in &agenda.sections {
            assert!(!section.title.trim().is_empty());
            let count = section.topics.len();
            assert!(
                (2..=3).contains(&count),
                "section {:?} has {} topics",
                section.title,
                count
            );
        }
    }

    #[test]
    fn every_topic_is_well_formed() {
        let agenda = demo_agenda();
        for topic in all_topics(&agenda) {
            let title = topic.title.trim();
            assert!(!title.is_empty());
            assert!(
                topic.title.chars().count() < 70,
                "title too long: {:?}",
                topic.title
            );

            let scripture = topic.scripture.as_ref().expect("topic scripture");
            assert!(!scripture.reference.trim().is_empty(), "{:?}", topic.title);
            assert!(!scripture.text.trim().is_empty(), "{:?}", topic.title);

            let paragraphs: Vec<&str> = topic.body.split("\n\n").collect();
            assert!(
                (1..=3).contains(&paragraphs.len()),
                "{:?} has {} paragraphs",
                topic.title,
                paragraphs.len()
            );
            assert!(paragraphs.iter().all(|p| !p.trim().is_empty()));

            assert!(
                (2..=5).contains(&topic.planned_minutes),
                "{:?} plans {} minutes",
                topic.title,
                topic.planned_minutes
            );
        }
    }

    #[test]
    fn includes_a_sensitive_topic_with_a_safe_summary() {
        let agenda = demo_agenda();
        let topics = all_topics(&agenda);
        assert!(
            topics
                .iter()
                .any(|t| t.sensitive && !t.safe_summary.trim().is_empty())
        );
        for topic in topics.iter().filter(|t| t.sensitive) {
            assert!(!topic.safe_summary.trim().is_empty(), "{:?}", topic.title);
        }
    }

    #[test]
    fn includes_praise_and_facilitator_notes() {
        let agenda = demo_agenda();
        let topics = all_topics(&agenda);
        assert!(topics.iter().any(|t| t.kind == TopicKind::Praise));
        assert!(topics.iter().filter(|t| !t.notes.trim().is_empty()).count() >= 3);
    }
}
