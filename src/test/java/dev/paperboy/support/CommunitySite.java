package dev.paperboy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * As {@link Site} (the whole site, fresh SQLite, demo with the sample corpus), sending mail to the
 * {@link Mailbox}, with abuse limits raised out of the way: the tests that exercise the limits use
 * their own site with the defaults.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
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
      SqliteStore.Initializer.class,
      Mailbox.Initializer.class,
      CommunityArxiv.Initializer.class
    })
@Import({FixedClock.class, CountingEncoder.class})
public @interface CommunitySite {
  String NO_LIMITS_1 = "paperboy.limits.sign-in-per-ip=100000/PT1S";
  String NO_LIMITS_2 = "paperboy.limits.sign-in-per-account=100000/PT1S";
  String NO_LIMITS_3 = "paperboy.limits.sign-up-per-ip=100000/PT1S";
  String NO_LIMITS_4 = "paperboy.limits.reset-per-ip=100000/PT1S";
  String NO_LIMITS_5 = "paperboy.limits.reset-per-account=100000/PT1S";
  String NO_LIMITS_6 = "paperboy.limits.submit-new=100000/PT1S";
  String NO_LIMITS_7 = "paperboy.limits.vote-new=100000/PT1S";
  String NO_LIMITS_8 = "paperboy.limits.comment-new=100000/PT1S";
  String NO_LIMITS_9 = "paperboy.limits.comment=100000/PT1S";

  /** Karma a flagger needs: two upvotes, so a test can earn it (the default is 50). */
  String FLAG_KARMA = "paperboy.community.flag-min-karma=2";
}
