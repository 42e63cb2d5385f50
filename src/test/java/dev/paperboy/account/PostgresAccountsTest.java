package dev.paperboy.account;

import dev.paperboy.support.PostgresCommunitySite;

@PostgresCommunitySite
class PostgresAccountsTest extends AccountsContract {}
