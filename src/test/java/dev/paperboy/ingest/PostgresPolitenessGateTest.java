package dev.paperboy.ingest;

import dev.paperboy.support.PostgresStore;

@PostgresStore
class PostgresPolitenessGateTest extends PolitenessGateContract {}
