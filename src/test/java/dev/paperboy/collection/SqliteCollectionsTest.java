package dev.paperboy.collection;

import dev.paperboy.support.CommunitySite;

@CommunitySite
class SqliteCollectionsTest extends CollectionsContract {}
