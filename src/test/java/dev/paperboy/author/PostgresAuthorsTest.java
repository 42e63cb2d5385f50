package dev.paperboy.author;

import dev.paperboy.support.PostgresCommunitySite;

@PostgresCommunitySite
class PostgresAuthorsTest extends AuthorsContract {}
