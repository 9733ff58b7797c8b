-- Facilitator accounts: an owner and the facilitators they invite. Each
-- gathering belongs to the account that created it and can be shared with
-- co-facilitators; the gathering's history says who started, ended, reopened
-- or edited it.

CREATE TABLE accounts (
    id             INTEGER PRIMARY KEY,
    -- As typed when the account was made; `name_key` is its lower-case form,
    -- so "Ana" and "ana" are one account.
    name           TEXT    NOT NULL,
    name_key       TEXT    NOT NULL UNIQUE,
    -- Only an argon2 hash. NULL until the invitation is accepted.
    password_hash  TEXT,
    is_owner       INTEGER NOT NULL DEFAULT 0,
    disabled_at    INTEGER,
    created_at     INTEGER NOT NULL
);

-- One owner at most.
CREATE UNIQUE INDEX accounts_one_owner ON accounts (is_owner) WHERE is_owner = 1;

-- The single facilitator of earlier versions becomes the owner, "admin".
INSERT INTO accounts (name, name_key, password_hash, is_owner, created_at)
    SELECT 'admin', 'admin', password_hash, 1, created_at FROM facilitator WHERE id = 1;
DROP TABLE facilitator;

-- One-time links: to make a new account (`account_id` NULL) or to set a new
-- password for one. The URL holds the token, the table its hash.
CREATE TABLE invitations (
    token_hash   TEXT    PRIMARY KEY,
    account_id   INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    created_by   INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER
);

-- Sessions of earlier versions were the single facilitator's: the owner's now.
ALTER TABLE sessions ADD COLUMN account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE;
UPDATE sessions SET account_id = (SELECT id FROM accounts WHERE is_owner = 1);
DELETE FROM sessions WHERE account_id IS NULL;
CREATE INDEX sessions_by_account ON sessions (account_id);

-- NULL: made before accounts existed (or from the command line without an
-- account), so the owner's.
ALTER TABLE gatherings ADD COLUMN owner_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL;
UPDATE gatherings SET owner_id = (SELECT id FROM accounts WHERE is_owner = 1);

-- Accounts that may lead and edit a gathering beside its owner.
CREATE TABLE co_facilitators (
    gathering_id  INTEGER NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    added_at      INTEGER NOT NULL,
    PRIMARY KEY (gathering_id, account_id)
);
CREATE INDEX co_facilitators_by_account ON co_facilitators (account_id);

-- Who started, ended, reopened or edited a gathering, and when. The name is
-- kept as it was, so the history reads the same after an account is renamed.
CREATE TABLE gathering_history (
    id            INTEGER PRIMARY KEY,
    gathering_id  INTEGER NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    account_id    INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    account_name  TEXT    NOT NULL,
    action        TEXT    NOT NULL CHECK (action IN ('started', 'ended', 'reopened', 'edited')),
    at            INTEGER NOT NULL
);
CREATE INDEX gathering_history_by_gathering ON gathering_history (gathering_id, id);
