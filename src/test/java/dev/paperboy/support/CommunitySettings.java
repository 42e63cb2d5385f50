package dev.paperboy.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The settings of the community sites on both engines: the demo with the sample corpus, an index
 * that follows at once, abuse limits raised out of the way (the tests of the limits run a site with
 * the defaults), a flagging karma a test can earn (two upvotes; the default is 50), and digests
 * that only go out when a test sends them, unthrottled.
 */
public class CommunitySettings
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  private static final String LIFTED = "=100000/PT1S";

  /** The bounce webhook's shared secret on the community sites. */
  public static final String BOUNCE_SECRET = "bounce-secret-for-tests";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "paperboy.demo.corpus=classpath:arxiv-snapshot/kaggle-format-sample-250.jsonl",
            "paperboy.search.settle=PT0S",
            "paperboy.limits.sign-in-per-ip" + LIFTED,
            "paperboy.limits.sign-in-per-account" + LIFTED,
            "paperboy.limits.sign-up-per-ip" + LIFTED,
            "paperboy.limits.reset-per-ip" + LIFTED,
            "paperboy.limits.reset-per-account" + LIFTED,
            "paperboy.limits.submit-new" + LIFTED,
            "paperboy.limits.submit-curator" + LIFTED,
            "paperboy.limits.vote-new" + LIFTED,
            "paperboy.limits.comment-new" + LIFTED,
            "paperboy.limits.comment" + LIFTED,
            "paperboy.limits.subscribe-per-ip" + LIFTED,
            "paperboy.limits.export-per-address" + LIFTED,
            // Tests decide editions and send rounds themselves, and should not wait for a throttle.
            "paperboy.digest.scheduled=false",
            "paperboy.backup.scheduled=false",
            "paperboy.digest.rate=100000/PT1S",
            "paperboy.digest.bounce-secret=" + BOUNCE_SECRET,
            "paperboy.community.flag-min-karma=2")
        .applyTo(context);
  }
}
