package dev.paperboy.account;

import dev.paperboy.support.CommunitySite;

@CommunitySite
class SqliteAccountsTest extends AccountsContract {}
