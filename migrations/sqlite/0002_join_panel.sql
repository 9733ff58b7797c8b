-- Whether the projector shows the join panel in its corner during topics.
ALTER TABLE live_state ADD COLUMN show_join INTEGER NOT NULL DEFAULT 1;
