package dev.paperboy.paper;

import dev.paperboy.support.SqliteStore;

@SqliteStore
class SqlitePapersTest extends PapersContract {}
