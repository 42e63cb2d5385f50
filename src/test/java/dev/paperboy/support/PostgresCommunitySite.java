package dev.paperboy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** {@link CommunitySite} on a fresh PostgreSQL database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresStore.Condition.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "paperboy.demo.corpus=classpath:arxiv-snapshot/kaggle-format-sample-250.jsonl",
      "paperboy.search.settle=PT0S",
      CommunitySite.NO_LIMITS_1,
      CommunitySite.NO_LIMITS_2,
      CommunitySite.NO_LIMITS_3,
      CommunitySite.NO_LIMITS_4,
      CommunitySite.NO_LIMITS_5,
      CommunitySite.NO_LIMITS_6,
      CommunitySite.NO_LIMITS_7,
      CommunitySite.NO_LIMITS_8,
      CommunitySite.NO_LIMITS_9,
      CommunitySite.FLAG_KARMA
    })
@ContextConfiguration(
    initializers = {
      PostgresStore.Initializer.class,
      Mailbox.Initializer.class,
      CommunityArxiv.Initializer.class
    })
@Import({FixedClock.class, CountingEncoder.class})
public @interface PostgresCommunitySite {}
