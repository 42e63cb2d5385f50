-- Indexes for reads that scanned under the load test (docs/benchmarks.md, "Load").

-- Every node's search index follower asks, every two seconds, for the papers changed after its
-- position (changed_at, arxiv_id).
CREATE INDEX papers_by_change ON papers (changed_at, arxiv_id);

-- A paper's counted votes (the paper page's history, a recount after a ban) from the index alone.
-- It starts with arxiv_id, so it also serves every look-up the old votes_by_paper did.
CREATE INDEX votes_counted ON votes (arxiv_id, weight, created_at, member_id);
DROP INDEX votes_by_paper;

-- Banned members are few: the votes that do not count are found through this small index.
CREATE INDEX members_banned ON members (id) WHERE banned_at IS NOT NULL;
