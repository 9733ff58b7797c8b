-- A short thank-you line from the facilitator, shown on phones when the gathering ends.
ALTER TABLE gatherings ADD COLUMN closing_message TEXT NOT NULL DEFAULT '';
