package dev.paperboy.digest;

import dev.paperboy.support.CommunitySite;

@CommunitySite
class SqliteDigestTest extends DigestContract {}
