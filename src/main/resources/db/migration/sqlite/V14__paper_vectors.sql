-- Semantic vectors of papers (embedding module): derived data, but costly to compute, so kept
-- here where every node and every reindex reuses them.
CREATE TABLE paper_vectors (
    arxiv_id     TEXT NOT NULL PRIMARY KEY,
    model        TEXT NOT NULL,
    text_hash    TEXT NOT NULL,   -- SHA-256 of the embedded text: unchanged text is never embedded again
    vector       BLOB NOT NULL,   -- float32, little-endian
    computed_at  TEXT NOT NULL    -- the vectors' own change sequence, which each search index follows
);
CREATE INDEX paper_vectors_computed ON paper_vectors (computed_at, arxiv_id);

-- How far the vectors job has followed the papers' change sequence, per model: kept in the same
-- transaction as the vectors it wrote, so that a kill loses no vector and computes none twice.
CREATE TABLE vector_progress (
    model       TEXT NOT NULL PRIMARY KEY,
    changed_at  TEXT NOT NULL,
    arxiv_id    TEXT NOT NULL
);
