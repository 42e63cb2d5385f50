package dev.paperboy.collection;

import dev.paperboy.support.PostgresCommunitySite;

@PostgresCommunitySite
class PostgresCollectionsTest extends CollectionsContract {}
