-- Prayer requests from the room, moderated before anyone else sees them.
-- A request's text and first name are deleted after the gathering's retention
-- (`request_retention_days`); the row stays, so the report's counts stay.

ALTER TABLE gatherings ADD COLUMN request_retention_days INTEGER NOT NULL DEFAULT 30;
-- Whether the phones' keep-praying page lists the approved requests.
ALTER TABLE gatherings ADD COLUMN requests_on_keep_list INTEGER NOT NULL DEFAULT 0;

CREATE TABLE prayer_requests (
    id             INTEGER PRIMARY KEY,
    gathering_id   INTEGER NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    -- The phone's anonymous identity and its id for this request: sent again
    -- after a lost connection, the same request is stored once.
    device_id      TEXT    NOT NULL,
    op_id          TEXT    NOT NULL,
    -- NULL once the retention has passed.
    body           TEXT,
    first_name     TEXT,
    audience       TEXT    NOT NULL CHECK (audience IN ('everyone', 'team')),
    status         TEXT    NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'approved', 'hidden')),
    prayed_for     INTEGER NOT NULL DEFAULT 0,
    edited         INTEGER NOT NULL DEFAULT 0,
    submitted_at   INTEGER NOT NULL,
    moderated_at   INTEGER,
    UNIQUE (gathering_id, device_id, op_id)
);
CREATE INDEX prayer_requests_by_gathering ON prayer_requests (gathering_id, id);

-- One "praying" per phone per request.
CREATE TABLE request_prayers (
    request_id    INTEGER NOT NULL REFERENCES prayer_requests (id) ON DELETE CASCADE,
    device_id     TEXT    NOT NULL,
    op_id         TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (request_id, device_id)
);

-- Links that open the moderation page of one gathering; the URL holds the
-- token, the table its hash. A revoked link stays listed, unusable.
CREATE TABLE moderator_links (
    id            INTEGER PRIMARY KEY,
    gathering_id  INTEGER NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    token_hash    TEXT    NOT NULL UNIQUE,
    label         TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    revoked_at    INTEGER
);
