package dev.paperboy.ingest;

import dev.paperboy.support.SqliteStore;

@SqliteStore
class SqliteSnapshotImporterTest extends SnapshotImporterContract {}
