-- Which demo data sets a fresh data directory has loaded, so that an interrupted load resumes.
CREATE TABLE demo_loads (
    name        TEXT        NOT NULL PRIMARY KEY,
    state       TEXT        NOT NULL CHECK (state IN ('PENDING', 'DONE')),
    updated_at  TIMESTAMPTZ NOT NULL
);
