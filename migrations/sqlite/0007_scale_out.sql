-- Several instances on one database (used on PostgreSQL; kept here so both
-- engines have the same tables).
-- Each change of a gathering's live state counts up `seq`, so every instance
-- applies the changes in one order and notices one it missed.
-- Time between an End and a Reopen (ms): not part of the gathering's length.
ALTER TABLE live_state ADD COLUMN paused_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE live_state ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;

-- How many phones each instance holds for each gathering, refreshed every
-- second or so; a gathering's `here` is the sum of the fresh rows.
CREATE TABLE presence (
    instance      TEXT     NOT NULL,
    gathering_id  INTEGER  NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    phones        INTEGER  NOT NULL,
    seen_at       INTEGER  NOT NULL,
    PRIMARY KEY (gathering_id, instance)
);
