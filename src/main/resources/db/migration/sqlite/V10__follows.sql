-- What members follow: categories, authors and keywords. The "For you" recommendations start
-- from these when a member has upvoted nothing yet.
CREATE TABLE follows (
    member_id     INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL CHECK (kind IN ('CATEGORY', 'AUTHOR', 'KEYWORD')),
    value         TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    PRIMARY KEY (member_id, kind, value)
);
