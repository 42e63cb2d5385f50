-- arXiv ingestion: soft deletes, the shared politeness gate and its ledger, harvest checkpoints.

-- Set when arXiv reports the record deleted or withdrawn; the paper is kept, never dropped.
ALTER TABLE papers ADD COLUMN deleted_at TEXT;

-- One row: when the next request to arXiv may start, and until when one is in flight. Every node
-- takes its turn here, so all nodes together keep arXiv's one request per 3 s, one at a time.
CREATE TABLE arxiv_gate (
    id            INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    next_start_at TEXT    NOT NULL,
    busy_until    TEXT
);
INSERT INTO arxiv_gate (id, next_start_at) VALUES (1, '1970-01-01T00:00:00.000Z');

-- Every slot the gate granted: the politeness record that tests and operators read.
CREATE TABLE arxiv_requests (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    granted_at  TEXT    NOT NULL,
    url         TEXT    NOT NULL,
    status      INTEGER,
    finished_at TEXT
);

-- Where a harvest stands; written in the same transaction as the records of each page.
CREATE TABLE harvests (
    name           TEXT    NOT NULL PRIMARY KEY,  -- metadata prefix and set
    metadata       TEXT    NOT NULL,
    set_spec       TEXT,
    from_date      TEXT,
    until_date     TEXT,
    token          TEXT,
    response_date  TEXT,
    state          TEXT    NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
    pages          INTEGER NOT NULL DEFAULT 0,
    records        INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT    NOT NULL
);
