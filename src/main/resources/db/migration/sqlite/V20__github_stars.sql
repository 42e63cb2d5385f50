-- GitHub stars of the repositories listed papers link to, with the ETag of GitHub's last answer
-- so that the next request is conditional. Derived data: an empty table fills itself again.
CREATE TABLE github_repos (
    repo          TEXT    NOT NULL PRIMARY KEY,
    stars         INTEGER,
    etag          TEXT,
    status        INTEGER NOT NULL,
    checked_at    TEXT    NOT NULL
);
CREATE INDEX github_repos_checked ON github_repos (checked_at);
