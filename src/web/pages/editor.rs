//! Authoring: the agenda editor, topics, importing a guide, translations.

use crate::domain::agenda_input::{FieldErrors, TopicForm};
use crate::i18n::Tr;
use askama::Template;

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
