package dev.paperboy.community;

import dev.paperboy.support.PostgresStore;

@PostgresStore
class PostgresVoteCountsTest extends VoteCountsContract {}
