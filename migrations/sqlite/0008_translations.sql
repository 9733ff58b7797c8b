-- Topics in several languages. A gathering has a main language (the language
-- its own fields are written in) and translations into other languages: one
-- row in gathering_translations per language, whose presence says the
-- gathering is translated into it, and a row per section and topic that has
-- any of its words translated. An empty field is not translated: it falls back
-- to the original, field by field. Deleting a gathering, section or topic
-- deletes its translations.
-- projector_languages: what the projector shows, one language code or two
-- separated by a comma for a bilingual service (empty: the main language).
ALTER TABLE gatherings ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE gatherings ADD COLUMN projector_languages TEXT NOT NULL DEFAULT '';

CREATE TABLE gathering_translations (
    gathering_id     INTEGER NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    language         TEXT    NOT NULL,
    title            TEXT    NOT NULL DEFAULT '',
    scripture_text   TEXT    NOT NULL DEFAULT '',
    scripture_ref    TEXT    NOT NULL DEFAULT '',
    introduction     TEXT    NOT NULL DEFAULT '',
    closing_message  TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (gathering_id, language)
);

CREATE TABLE section_translations (
    section_id   INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    language     TEXT    NOT NULL,
    title        TEXT    NOT NULL DEFAULT '',
    description  TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (section_id, language)
);

CREATE TABLE topic_translations (
    topic_id        INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    language        TEXT    NOT NULL,
    title           TEXT    NOT NULL DEFAULT '',
    scripture_text  TEXT    NOT NULL DEFAULT '',
    scripture_ref   TEXT    NOT NULL DEFAULT '',
    body            TEXT    NOT NULL DEFAULT '',
    safe_summary    TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (topic_id, language)
);
