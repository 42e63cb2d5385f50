package dev.paperboy.stars;

import dev.paperboy.support.PostgresCommunitySite;

@PostgresCommunitySite
class PostgresStarsTest extends StarsContract {}
