package dev.paperboy.paper;

import dev.paperboy.support.PostgresStore;

@PostgresStore
class PostgresPapersTest extends PapersContract {}
