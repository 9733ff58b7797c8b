-- Agendas, their live state, taps and the facilitator's login.
-- Times are milliseconds since the Unix epoch (UTC).

CREATE TABLE gatherings (
    id              INTEGER PRIMARY KEY,
    code            TEXT    NOT NULL UNIQUE,
    title           TEXT    NOT NULL,
    scripture_text  TEXT,
    scripture_ref   TEXT,
    status          TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'live', 'ended')),
    created_at      INTEGER NOT NULL
);

CREATE TABLE sections (
    id            INTEGER PRIMARY KEY,
    gathering_id  INTEGER NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    title         TEXT    NOT NULL
);
CREATE INDEX sections_by_gathering ON sections (gathering_id, position);

CREATE TABLE topics (
    id               INTEGER PRIMARY KEY,
    gathering_id     INTEGER NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    section_id       INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    title            TEXT    NOT NULL,
    scripture_text   TEXT,
    scripture_ref    TEXT,
    body             TEXT    NOT NULL DEFAULT '',
    kind             TEXT    NOT NULL DEFAULT 'pray' CHECK (kind IN ('pray', 'praise')),
    planned_minutes  INTEGER NOT NULL DEFAULT 3,
    notes            TEXT    NOT NULL DEFAULT '',
    sensitive        INTEGER NOT NULL DEFAULT 0,
    safe_summary     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX topics_by_section ON topics (section_id, position);
CREATE INDEX topics_by_gathering ON topics (gathering_id);

-- One row per gathering once it has been opened live.
CREATE TABLE live_state (
    gathering_id      INTEGER PRIMARY KEY REFERENCES gatherings (id) ON DELETE CASCADE,
    current_topic_id  INTEGER REFERENCES topics (id) ON DELETE SET NULL,
    blank             INTEGER NOT NULL DEFAULT 0,
    started_at        INTEGER,
    ended_at          INTEGER,
    topic_since       INTEGER,
    updated_at        INTEGER NOT NULL
);

-- When each topic was shown, for how long, and the most phones connected meanwhile.
CREATE TABLE topic_stats (
    gathering_id    INTEGER NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    topic_id        INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    first_shown_at  INTEGER,
    shown_ms        INTEGER NOT NULL DEFAULT 0,
    peak_attendees  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (gathering_id, topic_id)
);

-- Distinct phones that joined a gathering (an anonymous device identity, no more).
CREATE TABLE attendances (
    gathering_id   INTEGER NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    device_id      TEXT    NOT NULL,
    first_seen_at  INTEGER NOT NULL,
    PRIMARY KEY (gathering_id, device_id)
);

-- One "I'm praying" per phone per topic.
CREATE TABLE taps (
    gathering_id  INTEGER NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    topic_id      INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    device_id     TEXT    NOT NULL,
    op_id         TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (gathering_id, topic_id, device_id)
);

-- The single facilitator account: only an argon2 hash of the password is kept.
CREATE TABLE facilitator (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    password_hash  TEXT    NOT NULL,
    created_at     INTEGER NOT NULL
);

-- Logged-in browser sessions; the cookie holds the token, the table its hash.
CREATE TABLE sessions (
    token_hash  TEXT    PRIMARY KEY,
    csrf_token  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
