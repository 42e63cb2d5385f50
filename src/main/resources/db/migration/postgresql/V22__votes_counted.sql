-- Whether a vote counts is curation's own state: weight 1 (VOTE-3) and a voter who is not banned.
-- Until now the counts read account's members table to leave banned voters out; the ban event
-- now keeps this flag, so curation's statements name only its own tables.
ALTER TABLE votes ADD COLUMN counted INTEGER NOT NULL DEFAULT 0 CHECK (counted IN (0, 1));

UPDATE votes SET counted = 1
WHERE weight = 1 AND member_id NOT IN (SELECT id FROM members WHERE banned_at IS NOT NULL);

-- A paper's counted votes (the upvote history, karma, a recount) from the index alone, as the
-- index it replaces did with weight.
DROP INDEX votes_counted;
CREATE INDEX votes_counted ON votes (arxiv_id, counted, created_at, member_id);
