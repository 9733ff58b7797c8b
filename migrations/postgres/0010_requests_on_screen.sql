-- Prayer requests on the projector as a live item, chosen from the console:
-- shown or not, and one request pinned (NULL: the approved ones in turn).
ALTER TABLE live_state ADD COLUMN requests_on BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE live_state ADD COLUMN request_shown BIGINT;
