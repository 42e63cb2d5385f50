package dev.paperboy.community;

import dev.paperboy.support.PostgresCommunitySite;

@PostgresCommunitySite
class PostgresCommunityTest extends CommunityContract {}
