package dev.paperboy.rules;

import dev.paperboy.support.CommunityArxiv;
import dev.paperboy.support.FixedClock;
import dev.paperboy.support.Mailbox;
import dev.paperboy.support.PostgresStore;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

@ExtendWith(PostgresStore.Condition.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"paperboy.demo.enabled=false", "server.forward-headers-strategy=native"})
@ContextConfiguration(
    initializers = {
      PostgresStore.Initializer.class,
      Mailbox.Initializer.class,
      CommunityArxiv.Initializer.class
    })
@Import(FixedClock.class)
class PostgresAbuseLimitsTest extends AbuseLimitsContract {}
