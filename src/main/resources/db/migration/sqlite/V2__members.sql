-- Members of the community. The community issue adds email, password and verification.
CREATE TABLE members (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('MEMBER', 'CURATOR', 'ADMIN')),
    created_at    TEXT    NOT NULL
);
