package dev.paperboy.digest;

import dev.paperboy.support.PostgresCommunitySite;

@PostgresCommunitySite
class PostgresDigestTest extends DigestContract {}
