//! The pages of the room: the home page, a phone's page, the projector,
//! the helper's code box and the not-found page.

use crate::i18n::Tr;
use crate::web::language::LanguageChoice;
use askama::Template;

/// A topic as a page shows it (the same fields as the protocol's topic view).
#[derive(Debug, Clone)]
pub struct TopicView {
    pub id: i64,
    /// 1-based position in the whole agenda.
    pub number: usize,
    pub total: usize,
    pub section: String,
    /// What the section is about, by paragraph (may be empty).
    pub section_description: Vec<String>,
    pub title: String,
    /// "pray" or "praise".
    pub kind: String,
    /// The scripture quoted (empty: none) and its reference (may be empty).
    pub scripture_text: String,
    pub scripture_ref: String,
    /// The text as safe HTML, made by `domain::markdown` (trusted markup).
    pub body_html: String,
    pub planned_minutes: i64,
    pub sensitive: bool,
    /// The language its words are in.
    pub language: String,
    /// Shown in the main language for want of a translation into the page's.
    pub fallback: bool,
    /// A translated topic whose scripture is not: the scripture's language.
    pub scripture_language: String,
}

/// `/`: what Intercede is, and a box to type a join code.
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub t: Tr,
    /// What the visitor typed last time, kept in the box.
    pub code: String,
    pub error: Option<String>,
}

/// `/m`: a box to type the moderator code a facilitator gave a helper.
#[derive(Template)]
#[template(path = "moderator_enter.html")]
pub struct ModeratorEnterPage {
    pub t: Tr,
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    /// What the helper typed, kept in the box after a refusal.
    pub code: String,
    pub error: Option<String>,
}

/// An unknown join code: a friendly 404 that lets the visitor type it again.
#[derive(Template)]
#[template(path = "not_found.html")]
pub struct NotFoundPage {
    pub t: Tr,
    pub code: String,
    /// The text around the code in "We couldn't find a gathering with the code …".
    pub code_lead: (String, String),
}

/// A topic already covered, for the phone's "so far" list.
#[derive(Debug, Clone)]
pub struct CoveredRow {
    pub id: i64,
    pub number: usize,
    pub title: String,
}

/// One topic on the phone's "keep praying" page after the end.
#[derive(Debug, Clone)]
pub struct KeepRow {
    pub id: i64,
    pub number: usize,
    pub section: String,
    pub title: String,
    /// The scripture quoted (empty: none) and its reference (may be empty).
    pub scripture_text: String,
    pub scripture_ref: String,
    /// Safe HTML made by `domain::markdown`.
    pub body_html: String,
    /// Drawn behind the advisory, as during the gathering.
    pub sensitive: bool,
    /// This phone tapped "I'm praying" for it.
    pub tapped: bool,
    /// "Not translated yet: shown in English", or empty.
    pub note: String,
    /// Phones in the room that prayed for it.
    pub room_praying: i64,
}

/// `/j/{code}`: the attendee's phone.
#[derive(Template)]
#[template(path = "attend.html")]
pub struct AttendPage {
    /// The words, in the phone's language.
    pub t: Tr,
    /// The language switch.
    pub languages: Vec<LanguageChoice>,
    /// The words the script puts on screen, as JSON (see [`Tr::script_messages`]).
    pub messages: String,
    pub code: String,
    pub title: String,
    /// "waiting", "topic" or "ended".
    pub phase: String,
    pub topic: Option<TopicView>,
    /// This phone is already counted for the current topic.
    pub tapped: bool,
    pub praying: i64,
    /// Topics shown before the current one, in agenda order.
    pub covered: Vec<CoveredRow>,
    pub covered_count: i64,
    /// After the end: every topic to keep praying for (empty before).
    pub keep_praying: Vec<KeepRow>,
    /// After the end: the facilitator's closing words, by paragraph.
    pub closing_message: Vec<String>,
    /// Before the first topic: the gathering's introduction, by paragraph.
    pub introduction: Vec<String>,
    /// Approved prayer requests for everyone, newest first.
    pub requests: Vec<crate::live::protocol::PublicRequest>,
    /// The requests this phone prayed for.
    pub prayed_requests: Vec<i64>,
    /// Prayer requests are on the projector.
    pub requests_on: bool,
    /// The longest request and first name, in characters.
    pub request_max: usize,
    pub name_max: usize,
}

/// `/p/{code}`: the projector.
#[derive(Template)]
#[template(path = "projector.html")]
pub struct ProjectorPage {
    /// The words, in the projector browser's language.
    pub t: Tr,
    /// The words the script puts on screen, as JSON (see [`Tr::script_messages`]).
    pub messages: String,
    /// "Go to", the site, "and enter the code": the text around the site.
    pub join_go: (String, String),
    pub code: String,
    pub title: String,
    pub phase: String,
    pub blank: bool,
    pub topic: Option<TopicView>,
    pub praying: i64,
    pub here: i64,
    /// The full attendee address, such as `http://192.168.1.20:8080/j/K7HQ2M`.
    pub join_url: String,
    /// The address without the code, for "go to ... and type the code".
    pub site_url: String,
    /// An SVG QR code of `join_url`, generated on the server (trusted markup).
    pub qr_svg: String,
    pub opening_text: Option<String>,
    pub opening_ref: Option<String>,
    /// The gathering's introduction, by paragraph, on the welcome screen.
    pub introduction: Vec<String>,
    /// Once ended: the closing words, by paragraph, on the closing screen.
    pub closing: Vec<String>,
    /// Show the small join panel in the corner during topics.
    pub join_panel: bool,
    /// The language of the words above (the first the projector shows).
    pub language: String,
    /// A bilingual service: the same in the second language, shown beside.
    pub beside: Option<ProjectorBeside>,
}

/// What a bilingual projector shows in its second language.
pub struct ProjectorBeside {
    pub language: String,
    /// "Praise" and the untranslated topic's note, in this column's language.
    pub praise: String,
    pub untranslated: String,
    pub title: String,
    pub topic: Option<TopicView>,
    pub opening_text: Option<String>,
    pub opening_ref: Option<String>,
    pub introduction: Vec<String>,
    pub closing: Vec<String>,
}

impl From<&crate::live::protocol::TopicFrame> for TopicView {
    fn from(topic: &crate::live::protocol::TopicFrame) -> Self {
        TopicView {
            id: topic.id,
            number: topic.number,
            total: topic.total,
            section: topic.section.clone(),
            section_description: crate::domain::agenda::paragraphs(&topic.section_description),
            title: topic.title.clone(),
            kind: topic.kind.clone(),
            scripture_text: topic
                .scripture
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default(),
            scripture_ref: topic
                .scripture
                .as_ref()
                .map(|s| s.reference.clone())
                .unwrap_or_default(),
            body_html: topic.body_html.clone(),
            planned_minutes: topic.planned_minutes,
            sensitive: topic.sensitive,
            language: topic.language.clone(),
            fallback: topic.fallback,
            scripture_language: topic.scripture_language.clone().unwrap_or_default(),
        }
    }
}
