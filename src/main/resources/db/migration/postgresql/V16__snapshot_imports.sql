-- Where a snapshot import of a file got to (docs/reliability.md ING-2): the last line whose
-- record is stored, written in the same transaction as the batch that ends there, so an import
-- killed mid-file starts again after that line and never ahead of what is stored. A file is known
-- by its size and a hash of its first MiB, whatever it is called.
CREATE TABLE snapshot_imports (
    file_key    TEXT        NOT NULL PRIMARY KEY,
    file_name   TEXT        NOT NULL,
    last_line   BIGINT      NOT NULL,
    state       TEXT        NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
    updated_at  TIMESTAMPTZ NOT NULL
);
