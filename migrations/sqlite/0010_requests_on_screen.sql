-- Prayer requests on the projector as a live item, chosen from the console:
-- shown or not, and one request pinned (NULL: the approved ones in turn).
ALTER TABLE live_state ADD COLUMN requests_on INTEGER NOT NULL DEFAULT 0;
ALTER TABLE live_state ADD COLUMN request_shown INTEGER;
