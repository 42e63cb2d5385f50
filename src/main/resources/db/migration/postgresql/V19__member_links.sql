-- Links to code, models, data and project pages that members with standing add to a paper, beside
-- those read from its text. Removed ones stay for the record; the moderation log has both.
CREATE TABLE member_links (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    arxiv_id      TEXT        NOT NULL,
    member_id     BIGINT      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    kind          TEXT        NOT NULL,
    url           TEXT        NOT NULL,
    name          TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    removed_at    TIMESTAMPTZ,
    removed_by    BIGINT
);
CREATE INDEX member_links_paper ON member_links (arxiv_id) WHERE removed_at IS NULL;
