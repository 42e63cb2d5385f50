package dev.paperboy.community;

import dev.paperboy.support.CommunitySite;

@CommunitySite
class SqliteCommunityTest extends CommunityContract {}
