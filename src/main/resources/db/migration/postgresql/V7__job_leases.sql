-- Scheduled work that must run on one node at a time takes a lease here first.
CREATE TABLE job_leases (
    name    TEXT        NOT NULL PRIMARY KEY,
    holder  TEXT        NOT NULL,
    until   TIMESTAMPTZ NOT NULL
);
