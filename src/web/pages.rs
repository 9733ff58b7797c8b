//! Askama page structs: one per page, each rendering a file under `templates/`
//! that extends `base.html`. Handlers fill them with the current state, so every
//! page is complete before any script runs.

use super::language::LanguageChoice;
use crate::domain::agenda_input::{FieldErrors, TopicForm};
use crate::i18n::Tr;
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

/// `/login`: the facilitator's password form.
#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    /// The language switch, and the page it comes back to.
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    pub error: Option<String>,
    /// The account name typed before a wrong password, to type it again.
    pub name: String,
    /// Where to go after logging in (a local path).
    pub next: String,
    /// A confirmation shown once, such as "You are signed out."
    pub flash: Option<String>,
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

/// One gathering in the console's list.
#[derive(Debug, Clone)]
pub struct GatheringRow {
    pub code: String,
    pub title: String,
    /// "draft", "live" or "ended".
    pub status: String,
    /// "Last run 21 Nov 2026" or "Created 21 Nov 2026".
    pub when: String,
    pub topics: i64,
    /// "Shared by Ana" or "Ana's", when it is not the reader's own.
    pub whose: Option<String>,
}

/// `/console`: the facilitator's list of gatherings.
#[derive(Template)]
#[template(path = "console_list.html")]
pub struct ConsoleListPage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    /// The language switch, and the page it comes back to.
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    pub gatherings: Vec<GatheringRow>,
    pub csrf: String,
    /// A confirmation shown once, such as "Deleted “Friday prayer”."
    pub flash: Option<String>,
    /// Who is signed in, so a shared computer shows whose console it is.
    pub account_name: String,
    /// The server's owner, who gets a link to the accounts page.
    pub is_owner: bool,
}

/// One account on the owner's accounts page.
#[derive(Debug, Clone)]
pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub is_owner: bool,
    pub disabled: bool,
    /// Made, but its invitation not accepted yet.
    pub pending: bool,
    /// Gatherings it owns.
    pub gatherings: i64,
    /// Gatherings it leads with their owners.
    pub co_leads: i64,
    /// "Created 29 Nov 2026".
    pub created: String,
    /// When its unused new-password link stops working, if it has one.
    pub link_until: Option<String>,
}

/// `/console/accounts`: the owner's list of accounts and their buttons.
#[derive(Template)]
#[template(path = "accounts.html")]
pub struct AccountsPage {
    pub t: Tr,
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    pub accounts: Vec<AccountRow>,
    /// When each unused invitation for a new account stops working.
    pub waiting: Vec<String>,
    /// How long a new link works.
    pub invitation_days: i64,
    pub csrf: String,
    pub flash: Option<String>,
}

/// The link just made by the owner, shown this once: the token is in no
/// table and no log, so it cannot be shown again.
#[derive(Template)]
#[template(path = "invitation_made.html")]
pub struct InvitationMadePage {
    /// No language switch here: going through it would lose the link.
    pub t: Tr,
    /// The account whose new password it sets; `None` for a new account.
    pub for_account: Option<String>,
    pub url: String,
    /// The same link as an inline SVG QR code (trusted markup).
    pub qr_svg: String,
    /// When it stops working, as a date and time.
    pub expires: String,
}

/// `/invite/{token}`: the invitee chooses a name (for a new account) and a
/// password.
#[derive(Template)]
#[template(path = "invite.html")]
pub struct InvitePage {
    pub t: Tr,
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    /// The form posts back to the same address.
    pub action: String,
    /// The account whose password is set; `None`: a new account is made.
    pub account_name: Option<String>,
    /// The name typed before a refusal, to correct it.
    pub name: String,
    pub error: Option<String>,
    pub expires: String,
    /// The rules the server checks, for the browser to check first.
    pub max_name: usize,
    pub min_password: usize,
    pub max_password: usize,
}

/// One topic in the console's agenda list.
#[derive(Debug, Clone)]
pub struct AgendaTopicRow {
    pub id: i64,
    pub number: usize,
    pub title: String,
    pub kind: String,
    pub planned_minutes: i64,
    pub praying: i64,
    /// The languages the topic is translated into.
    pub translations: Vec<String>,
}

/// One section in the console's agenda list.
#[derive(Debug, Clone)]
pub struct AgendaSectionRow {
    pub title: String,
    pub topics: Vec<AgendaTopicRow>,
}

/// `/console/{code}`: the facilitator's console for one gathering.
#[derive(Template)]
#[template(path = "console.html")]
pub struct ConsolePage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    /// The language switch, and the page it comes back to.
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    /// The words the script puts on screen, as JSON (see [`Tr::script_messages`]).
    pub messages: String,
    pub code: String,
    pub title: String,
    pub phase: String,
    pub blank: bool,
    pub current_topic_id: Option<i64>,
    pub topic: Option<TopicView>,
    /// Private notes of the current topic.
    pub notes: String,
    /// The next topic, if there is one.
    pub next: Option<crate::live::protocol::NextPreview>,
    /// Prayer requests waiting for a moderator.
    pub requests_waiting: i64,
    /// Prayer requests are on the projector.
    pub requests_on: bool,
    pub sections: Vec<AgendaSectionRow>,
    pub praying: i64,
    pub here: i64,
    pub join_url: String,
    pub projector_url: String,
    pub csrf: String,
    /// The projector shows the join panel during topics.
    pub join_panel: bool,
    /// When the first topic was shown and the current one began (ms since the epoch).
    pub started_at: Option<i64>,
    pub since: Option<i64>,
    /// The gathering's time zone, "" while unset (the page then offers the browser's).
    pub time_zone: String,
    /// What the projector may show, when the gathering has translations.
    pub projector_languages: Option<ProjectorLanguages>,
    /// Who started, ended, reopened or edited the gathering, and when.
    pub history: super::history::HistoryView,
}

impl ConsolePage {
    /// Whether this agenda row is the topic on screen.
    pub fn is_current(&self, id: &i64) -> bool {
        self.current_topic_id == Some(*id)
    }
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

/// One topic in the agenda editor.
#[derive(Debug, Clone)]
pub struct EditTopicRow {
    pub id: i64,
    pub number: usize,
    pub title: String,
    pub kind: String,
    pub planned_minutes: i64,
    pub sensitive: bool,
    pub first: bool,
    pub last: bool,
}

/// One section in the agenda editor.
#[derive(Debug, Clone)]
pub struct EditSectionRow {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub first: bool,
    pub last: bool,
    pub topics: Vec<EditTopicRow>,
}

/// `/console/{code}/edit`: the agenda editor.
#[derive(Template)]
#[template(path = "agenda_edit.html")]
pub struct EditorPage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    pub code: String,
    pub status: String,
    pub csrf: String,
    /// The settings form as typed (or as stored).
    pub title: String,
    pub scripture_text: String,
    pub scripture_ref: String,
    pub closing_message: String,
    /// The most characters the closing words may have.
    pub max_closing: usize,
    pub introduction: String,
    /// The time zone as typed (or as stored; empty while unset).
    pub time_zone: String,
    /// No zone is stored yet: the page offers the browser's.
    pub time_zone_unset: bool,
    /// Every known zone name, suggested as the facilitator types.
    pub zone_names: Vec<String>,
    /// The stored title, for the page heading.
    pub saved_title: String,
    pub errors: FieldErrors,
    pub sections: Vec<EditSectionRow>,
    /// The new-section box as typed.
    pub section_title: String,
    /// A confirmation shown once, such as "Saved “Mercy”."
    pub flash: Option<String>,
    /// The main language and the translations.
    pub languages: LanguagesCard,
    /// Who leads the gathering.
    pub leaders: LeadersCard,
}

/// A section in the topic form's "section" list.
#[derive(Debug, Clone)]
pub struct SectionChoice {
    pub id: i64,
    pub title: String,
    pub selected: bool,
}

/// `/console/{code}/topics/new` and `/console/{code}/topics/{id}`.
#[derive(Template)]
#[template(path = "topic_form.html")]
pub struct TopicFormPage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    pub code: String,
    pub gathering_title: String,
    /// `None` for a new topic.
    pub topic_id: Option<i64>,
    pub csrf: String,
    pub form: TopicForm,
    pub praise: bool,
    pub sensitive: bool,
    pub errors: FieldErrors,
    pub sections: Vec<SectionChoice>,
    /// The gathering's translations, each a link to translate this topic.
    pub translations: Vec<LanguageOption>,
}

/// `/console/{code}/delete`: the confirmation.
#[derive(Template)]
#[template(path = "delete_gathering.html")]
pub struct DeleteGatheringPage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    pub code: String,
    pub title: String,
    pub live: bool,
    pub csrf: String,
    pub error: Option<String>,
}

/// `/console/import`: paste or upload a prayer guide.
#[derive(Template)]
#[template(path = "import.html")]
pub struct ImportPage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    pub csrf: String,
    pub title: String,
    pub text: String,
    pub error: Option<String>,
}

/// One topic in the import preview, with the fields a facilitator can change.
#[derive(Debug, Clone)]
pub struct PreviewTopic {
    /// "S-T": its section's and its own position, naming its form fields.
    pub key: String,
    pub title: String,
    pub kind: String,
    pub planned_minutes: i64,
    pub reference: Option<String>,
    /// The topic's text, by paragraph (shown folded).
    pub paragraphs: Vec<String>,
    pub sensitive: bool,
    /// What the projector shows instead of a sensitive story.
    pub safe_summary: String,
    /// Why it is sensitive, when it is, in the facilitator's words ("tells of …").
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct PreviewSection {
    pub index: usize,
    pub title: String,
    /// The section's description, by paragraph.
    pub description: Vec<String>,
    pub topics: Vec<PreviewTopic>,
}

/// What an import would create, shown before anything is.
#[derive(Template)]
#[template(path = "import_preview.html")]
pub struct ImportPreviewPage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    pub csrf: String,
    /// The guide's text, carried to the confirm step.
    pub text: String,
    pub agenda_title: String,
    pub opening_ref: Option<String>,
    /// The introduction and closing words found, by paragraph.
    pub introduction: Vec<String>,
    pub closing: Vec<String>,
    /// Lines of the guide in no field (a forwarded e-mail's header).
    pub set_aside: Vec<String>,
    /// What the importer recognised, to put into words.
    pub notes: Vec<crate::i18n::Message>,
    pub topic_count: usize,
    pub sections: Vec<PreviewSection>,
}

/// `/console/{code}/report`: what the gathering prayed for.
#[derive(Template)]
#[template(path = "report.html")]
pub struct ReportPage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    /// The day it started, in full, and when it started and ended, in the
    /// facilitator's language.
    pub day: Option<String>,
    pub started: Option<String>,
    pub ended: Option<String>,
    pub report: crate::report::Report,
    /// Server-made SVG with every text escaped (trusted markup).
    pub chart_svg: String,
    pub actual_minutes: String,
    /// "Languages: English (main), Español", when the gathering had translations.
    pub languages: Option<String>,
    /// Who started, ended, reopened and edited it, in the facilitator's language.
    pub history: Vec<String>,
}

/// One prayer request on a moderation page. `body` is empty once the
/// retention deleted the words.
pub struct RequestCard {
    pub id: i64,
    pub body: String,
    pub first_name: String,
    pub team_only: bool,
    /// "new", "approved" or "hidden".
    pub status: &'static str,
    /// The group it is listed in: its status, or "team" for a request for
    /// the prayer team that is not hidden (never shown, so never approved).
    pub group: &'static str,
    /// Whether it waits for a moderator.
    pub waits: bool,
    pub prayed_for: bool,
    pub edited: bool,
    pub praying: i64,
}

/// A moderator link as the facilitator's requests page lists it.
pub struct ModeratorLinkRow {
    pub id: i64,
    pub label: String,
    pub revoked: bool,
}

/// `/console/{code}/requests` and `/m/{code}`: the requests to moderate.
#[derive(Template)]
#[template(path = "requests.html")]
pub struct RequestsPage {
    /// The words, in the reader's language.
    pub t: Tr,
    /// The language switch, and the page it comes back to.
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    /// "3 waiting · 5 approved · 1 hidden".
    pub counts_line: String,
    /// The moderation buttons: (action, label).
    pub actions: Vec<(&'static str, String)>,
    /// Where a helper types a moderator code (the site's `/m`).
    pub moderate_address: String,
    pub code: String,
    pub title: String,
    pub requests: Vec<RequestCard>,
    pub new_count: usize,
    pub approved_count: usize,
    pub hidden_count: usize,
    /// Each status's heading, name and number of requests, in page order.
    pub groups: Vec<(String, &'static str, usize)>,
    /// What the page's live socket names: the gathering's code on the
    /// console's page, the moderator code on a helper's.
    pub live_code: String,
    /// Where the page's moderation forms post, followed by `/{request id}`:
    /// `/console/{code}/requests` or `/m/{moderator code}/requests`.
    pub moderate_action: String,
    /// The facilitator's page (with the links and CSRF), not a helper's.
    pub facilitator: bool,
    pub csrf: String,
    pub links: Vec<ModeratorLinkRow>,
    /// Days the words are kept, and whether phones' keep-praying page lists
    /// the approved requests.
    pub retention_days: i64,
    pub on_keep_list: bool,
    /// A link just made: its address and its code in groups, shown once.
    pub new_link: Option<(String, String)>,
    pub new_link_qr: Option<String>,
    pub error: Option<String>,
}

/// A language (or a pair of them) offered in a list, and how much of the
/// agenda is translated into it where that is shown.
#[derive(Debug, Clone)]
pub struct LanguageOption {
    pub code: String,
    pub name: String,
    pub chosen: bool,
    /// "4 of 12 topics translated" (may be empty).
    pub progress: String,
}

/// The editor's "Languages" box: the main language, the translations and
/// the languages a translation may be added in.
pub struct LanguagesCard {
    pub t: Tr,
    pub main: Vec<LanguageOption>,
    pub translations: Vec<LanguageOption>,
    pub addable: Vec<LanguageOption>,
}

/// The editor's "Who leads" box: the gathering's owner and co-facilitators,
/// and (for its owner) the forms that change them.
pub struct LeadersCard {
    pub t: Tr,
    pub owner: String,
    pub co_facilitators: Vec<crate::store::Account>,
    /// The reader may add and remove co-facilitators.
    pub may_manage: bool,
    /// Names of enabled accounts that could be added.
    pub candidates: Vec<String>,
}

/// The console's choice of what the projector shows.
pub struct ProjectorLanguages {
    pub t: Tr,
    pub options: Vec<LanguageOption>,
}

/// One field of the side-by-side translation form.
#[derive(Debug, Clone)]
pub struct TranslationField {
    pub name: String,
    pub label: String,
    /// The original, by paragraph.
    pub original: Vec<String>,
    pub value: String,
    /// Rows of its box; 0 for a one-line field.
    pub rows: usize,
    pub error: Option<String>,
}

/// The gathering's own fields, a section's or a topic's, in the translation form.
#[derive(Debug, Clone)]
pub struct TranslationGroup {
    pub id: String,
    pub heading: String,
    pub fields: Vec<TranslationField>,
}

/// `/console/{code}/translations/{language}`: every field beside the original.
#[derive(Template)]
#[template(path = "translation_edit.html")]
pub struct TranslationPage {
    pub t: Tr,
    pub code: String,
    pub csrf: String,
    pub language: String,
    pub heading: String,
    pub original_label: String,
    pub translation_label: String,
    pub groups: Vec<TranslationGroup>,
    pub has_errors: bool,
    pub flash: Option<String>,
}

/// `/console/{code}/import-translation`: paste or upload a translated guide.
#[derive(Template)]
#[template(path = "translation_import.html")]
pub struct TranslationImportPage {
    pub t: Tr,
    pub code: String,
    pub csrf: String,
    pub heading: String,
    pub languages: Vec<LanguageOption>,
    pub text: String,
    pub error: Option<String>,
}

/// One option of a pairing list.
#[derive(Debug, Clone)]
pub struct PairingChoice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

/// An imported section or topic and the original it is paired with.
#[derive(Debug, Clone)]
pub struct PairingRow {
    /// The form field naming its original: `section-N` or `topic-N`.
    pub field: String,
    pub is_section: bool,
    pub title: String,
    /// Its first paragraph.
    pub glimpse: String,
    /// The paired original's title (empty when skipped).
    pub original: String,
    pub choices: Vec<PairingChoice>,
}

/// The preview of an imported translation: how it pairs with the original.
#[derive(Template)]
#[template(path = "translation_pairing.html")]
pub struct TranslationPairingPage {
    pub t: Tr,
    pub code: String,
    pub csrf: String,
    pub language: String,
    pub heading: String,
    pub imported_title: String,
    pub original_title: String,
    /// The guide's text, sent again with the confirmation.
    pub text: String,
    pub rows: Vec<PairingRow>,
}

/// A refusal or a failure, for a person in a browser: what happened, in
/// their language, and a way on.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub t: Tr,
    pub message: String,
    /// Where the way on leads (the sign-in page, or the start page).
    pub back: String,
    pub back_words: String,
}
