package dev.paperboy.stars;

import dev.paperboy.support.CommunitySite;

@CommunitySite
class SqliteStarsTest extends StarsContract {}
