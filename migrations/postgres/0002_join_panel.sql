-- Whether the projector shows the join panel in its corner during topics.
ALTER TABLE live_state ADD COLUMN show_join BOOLEAN NOT NULL DEFAULT TRUE;
