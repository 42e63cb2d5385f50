-- A member's karma counts the votes on the papers they submitted: found from their entries
-- through this index, then each paper's counted votes through votes_counted. Without it the
-- query scanned every vote, on each signed-in paper page (docs/benchmarks.md, "Load").
CREATE INDEX daily_entries_by_submitter ON daily_entries (submitted_by);
