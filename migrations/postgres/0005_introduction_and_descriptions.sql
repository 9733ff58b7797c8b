-- Words of welcome shown before the first topic, and a line describing each section.
ALTER TABLE gatherings ADD COLUMN introduction TEXT NOT NULL DEFAULT '';
ALTER TABLE sections ADD COLUMN description TEXT NOT NULL DEFAULT '';
