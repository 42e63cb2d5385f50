package dev.paperboy.rules;

import dev.paperboy.support.CommunityArxiv;
import dev.paperboy.support.FixedClock;
import dev.paperboy.support.Mailbox;
import dev.paperboy.support.SqliteStore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"paperboy.demo.enabled=false", "server.forward-headers-strategy=native"})
@ContextConfiguration(
    initializers = {
      SqliteStore.Initializer.class,
      Mailbox.Initializer.class,
      CommunityArxiv.Initializer.class
    })
@Import(FixedClock.class)
class SqliteAbuseLimitsTest extends AbuseLimitsContract {}
