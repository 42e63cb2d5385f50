package dev.paperboy.author;

import dev.paperboy.support.CommunitySite;

@CommunitySite
class SqliteClaimsTest extends ClaimsContract {}
