-- A member's library: papers they brought from elsewhere (a BibTeX file, a list of ids or DOIs)
-- to seed "For you". Only the recommendations read it; it is not an upvote and moves no ranking.
CREATE TABLE library_papers (
    member_id     BIGINT      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    arxiv_id      TEXT        NOT NULL,
    added_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, arxiv_id)
);

-- A library names journal papers by DOI: the paper store finds them by it, in any case.
CREATE INDEX papers_doi ON papers (lower(doi));
