-- Members' collections of papers: a "Reading list" made on first save, and any others they name.
-- Private unless the member makes one public; only the owner ever changes one.
CREATE TABLE collections (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    member_id     INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    visibility    TEXT    NOT NULL CHECK (visibility IN ('PRIVATE', 'PUBLIC')),
    kind          TEXT    NOT NULL CHECK (kind IN ('READING_LIST', 'NAMED')),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
-- One name once per member, whatever its case; one reading list per member.
CREATE UNIQUE INDEX collections_name ON collections (member_id, lower(name));
CREATE UNIQUE INDEX collections_reading_list ON collections (member_id) WHERE kind = 'READING_LIST';

CREATE TABLE collection_papers (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    arxiv_id      TEXT    NOT NULL,
    added_at      TEXT    NOT NULL,
    PRIMARY KEY (collection_id, arxiv_id)
);
CREATE INDEX collection_papers_newest ON collection_papers (collection_id, added_at);

-- Personal API tokens (API-4): 256 random bits shown once, only their SHA-256 kept; scopes are
-- space-separated names; a revoked token stays for the record and answers 401.
CREATE TABLE api_tokens (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    member_id     INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    token_hash    TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    scopes        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    last_used_at  TEXT,
    revoked_at    TEXT
);
CREATE INDEX api_tokens_by_member ON api_tokens (member_id);
