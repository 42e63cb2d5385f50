package dev.paperboy.community;

import dev.paperboy.support.SqliteStore;

@SqliteStore
class SqliteVoteCountsTest extends VoteCountsContract {}
