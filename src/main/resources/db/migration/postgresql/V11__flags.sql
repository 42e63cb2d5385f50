-- Flags: members with standing mark a paper entry or a comment for the moderators, with a reason
-- from a fixed list (RELIABILITY.md VOTE-3). One flag per member and target.
CREATE TABLE flags (
    member_id     BIGINT      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    target_type   TEXT        NOT NULL CHECK (target_type IN ('PAPER', 'COMMENT')),
    target        TEXT        NOT NULL,
    reason        TEXT        NOT NULL CHECK (reason IN ('SPAM', 'OFF_TOPIC', 'ABUSE', 'DUPLICATE')),
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, target_type, target)
);
CREATE INDEX flags_by_target ON flags (target_type, target);
