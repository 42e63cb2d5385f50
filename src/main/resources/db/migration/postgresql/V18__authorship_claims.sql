-- A member's claim to be one of a paper's authors, decided by a curator. A claim is never deleted:
-- it is approved, refused or retracted, and the moderation log records each decision.
CREATE TABLE authorship_claims (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id     BIGINT      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    arxiv_id      TEXT        NOT NULL,
    author_name   TEXT        NOT NULL,
    orcid         TEXT,
    state         TEXT        NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REFUSED', 'RETRACTED')),
    created_at    TIMESTAMPTZ NOT NULL,
    decided_at    TIMESTAMPTZ,
    decided_by    BIGINT
);
-- One live claim per member and paper.
CREATE UNIQUE INDEX authorship_claims_live ON authorship_claims (member_id, arxiv_id)
    WHERE state IN ('PENDING', 'APPROVED');
CREATE INDEX authorship_claims_paper ON authorship_claims (arxiv_id, state);
CREATE INDEX authorship_claims_pending ON authorship_claims (state, created_at);
