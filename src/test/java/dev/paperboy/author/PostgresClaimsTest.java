package dev.paperboy.author;

import dev.paperboy.support.PostgresCommunitySite;

@PostgresCommunitySite
class PostgresClaimsTest extends ClaimsContract {}
