-- Several instances on one database.
-- Each change of a gathering's live state counts up `seq`, so every instance
-- applies the changes in one order and notices one it missed.
-- Time between an End and a Reopen (ms): not part of the gathering's length.
ALTER TABLE live_state ADD COLUMN paused_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE live_state ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;

-- How many phones each instance holds for each gathering, refreshed every
-- second or so; a gathering's `here` is the sum of the fresh rows.
CREATE TABLE presence (
    instance      TEXT    NOT NULL,
    gathering_id  BIGINT  NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    phones        BIGINT  NOT NULL,
    seen_at       BIGINT  NOT NULL,
    PRIMARY KEY (gathering_id, instance)
);
