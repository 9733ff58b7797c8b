-- Which account made each moderator link, so that removing that account from
-- the gathering's leaders, or disabling it, revokes the links it handed out.
-- Links made before this version have no maker and are the gathering owner's.
ALTER TABLE moderator_links ADD COLUMN made_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL;
CREATE INDEX moderator_links_made_by ON moderator_links (made_by) WHERE revoked_at IS NULL;
