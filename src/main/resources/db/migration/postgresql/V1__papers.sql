-- Papers as arXiv publishes them. The base id (no version) is the key; versions are rows of
-- their own.
CREATE TABLE papers (
    arxiv_id         TEXT        NOT NULL PRIMARY KEY,
    title            TEXT        NOT NULL,
    abstract         TEXT        NOT NULL,
    authors          TEXT        NOT NULL,  -- names in order, one per line (arXiv keeps one string too)
    categories       TEXT        NOT NULL,  -- space-separated codes, primary first, as arXiv writes them
    comments         TEXT,
    journal_ref      TEXT,
    doi              TEXT,
    license          TEXT,
    report_no        TEXT,
    submitter        TEXT,
    latest_version   INTEGER     NOT NULL,
    published_at     TIMESTAMPTZ NOT NULL,  -- first version submitted
    updated_at       TIMESTAMPTZ NOT NULL,  -- latest version submitted
    metadata_date    DATE,                  -- the day arXiv last changed the record
    content_hash     TEXT        NOT NULL,
    stored_at        TIMESTAMPTZ NOT NULL,  -- first stored here
    changed_at       TIMESTAMPTZ NOT NULL   -- last changed here
);

CREATE INDEX papers_by_published ON papers (published_at DESC, arxiv_id);

CREATE TABLE paper_versions (
    arxiv_id    TEXT        NOT NULL REFERENCES papers (arxiv_id) ON DELETE CASCADE,
    version     INTEGER     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (arxiv_id, version)
);

