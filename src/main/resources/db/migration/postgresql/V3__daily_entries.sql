-- The daily lists: a paper is on at most one day, put there by a member (a curator features,
-- members submit). list_date is a calendar date in the configured zone, never derived from
-- arXiv's dates. upvotes and comments are counts kept by the community features.
CREATE TABLE daily_entries (
    arxiv_id      TEXT        NOT NULL PRIMARY KEY REFERENCES papers (arxiv_id),
    list_date     DATE        NOT NULL,
    submitted_by  BIGINT      NOT NULL REFERENCES members (id),
    submitted_at  TIMESTAMPTZ NOT NULL,
    upvotes       INTEGER     NOT NULL DEFAULT 0 CHECK (upvotes >= 0),
    comments      INTEGER     NOT NULL DEFAULT 0 CHECK (comments >= 0)
);

CREATE INDEX daily_entries_by_day ON daily_entries (list_date, upvotes DESC, submitted_at);
