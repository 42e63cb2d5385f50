-- The community layer: accounts, sessions, votes, comments, curation flags and moderation.

-- Accounts. email is stored lower-cased; it is null for members made by the system (the seed
-- day's curator), who cannot sign in. password_hash is an Argon2id PHC string.
ALTER TABLE members ADD COLUMN email TEXT;
ALTER TABLE members ADD COLUMN password_hash TEXT;
ALTER TABLE members ADD COLUMN email_verified_at TEXT;
ALTER TABLE members ADD COLUMN banned_at TEXT;
ALTER TABLE members ADD COLUMN banned_by TEXT;
ALTER TABLE members ADD COLUMN ban_reason TEXT;
CREATE UNIQUE INDEX members_by_email ON members (email);

-- Email verification and password reset links. Only a SHA-256 of the token is kept (AUTH-5).
CREATE TABLE account_tokens (
    token_hash    TEXT    NOT NULL PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    purpose       TEXT    NOT NULL CHECK (purpose IN ('VERIFY', 'RESET')),
    created_at    TEXT    NOT NULL,
    expires_at    TEXT    NOT NULL,
    used_at       TEXT
);
CREATE INDEX account_tokens_by_member ON account_tokens (member_id, purpose);

-- "Remember me" logins (Spring Security's persistent token scheme), shared by all nodes.
CREATE TABLE persistent_logins (
    series        TEXT    NOT NULL PRIMARY KEY,
    username      TEXT    NOT NULL,
    token         TEXT    NOT NULL,
    last_used     TIMESTAMP NOT NULL
);

-- HTTP sessions (Spring Session JDBC), shared by all nodes. Its own schema, with room for
-- email addresses as principal names.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHARACTER(36) NOT NULL,
    SESSION_ID            CHARACTER(36) NOT NULL,
    CREATION_TIME         INTEGER NOT NULL,
    LAST_ACCESS_TIME      INTEGER NOT NULL,
    MAX_INACTIVE_INTERVAL INTEGER NOT NULL,
    EXPIRY_TIME           INTEGER NOT NULL,
    PRINCIPAL_NAME        VARCHAR(320),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);
CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36) NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    BLOB NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- Abuse limits: one Bucket4j bucket state per key, shared by all nodes and kept over restarts.
CREATE TABLE rate_limits (
    bucket_key    TEXT    NOT NULL PRIMARY KEY,
    state         BLOB    NOT NULL,
    updated_at    TEXT    NOT NULL
);

-- Upvotes: one per member and paper (VOTE-1). weight 0 records a vote that does not count for
-- ranking (an account too young to vote, VOTE-3).
CREATE TABLE votes (
    member_id     INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    arxiv_id      TEXT    NOT NULL REFERENCES papers (arxiv_id),
    weight        INTEGER NOT NULL CHECK (weight IN (0, 1)),
    created_at    TEXT    NOT NULL,
    PRIMARY KEY (member_id, arxiv_id)
);
CREATE INDEX votes_by_paper ON votes (arxiv_id);

-- Comments: Markdown as written, and the HTML made from it through the allow-list (VOTE-5).
-- Replies are one level deep: parent_id names a top-level comment.
CREATE TABLE comments (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    arxiv_id      TEXT    NOT NULL REFERENCES papers (arxiv_id),
    member_id     INTEGER REFERENCES members (id) ON DELETE SET NULL,
    parent_id     INTEGER REFERENCES comments (id),
    body_markdown TEXT    NOT NULL,
    body_html     TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    edited_at     TEXT,
    deleted_at    TEXT,
    hidden_at     TEXT
);
CREATE INDEX comments_by_paper ON comments (arxiv_id, created_at);
CREATE INDEX comments_by_member ON comments (member_id, created_at);

-- Curators pin entries to the top of their day; moderators hide them from the lists.
ALTER TABLE daily_entries ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));
DROP INDEX daily_entries_by_day;
CREATE INDEX daily_entries_by_day ON daily_entries (list_date, pinned DESC, upvotes DESC, submitted_at);
ALTER TABLE daily_entries ADD COLUMN hidden_at TEXT;

-- Every moderator action, append-only (VOTE-6). Names are copied so the log outlives accounts.
CREATE TABLE moderation_log (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    moderator_id  INTEGER NOT NULL,
    moderator     TEXT    NOT NULL,
    action        TEXT    NOT NULL,
    target        TEXT    NOT NULL,
    reason        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE TRIGGER moderation_log_no_update BEFORE UPDATE ON moderation_log
BEGIN
    SELECT RAISE(ABORT, 'the moderation log is append-only');
END;
CREATE TRIGGER moderation_log_no_delete BEFORE DELETE ON moderation_log
BEGIN
    SELECT RAISE(ABORT, 'the moderation log is append-only');
END;
