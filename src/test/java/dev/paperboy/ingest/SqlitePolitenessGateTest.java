package dev.paperboy.ingest;

import dev.paperboy.support.SqliteStore;

@SqliteStore
class SqlitePolitenessGateTest extends PolitenessGateContract {}
