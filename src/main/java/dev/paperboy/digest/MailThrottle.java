package dev.paperboy.digest;

import dev.paperboy.rules.Limit;
import dev.paperboy.rules.RateLimits;
import dev.paperboy.store.Sleeper;
import dev.paperboy.store.SqlValues;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The relay's throughput limit (MAIL-3), evenly paced and kept in the database: every node's
 * senders take their slots from the same bucket, and a restart does not start a fresh window. Each
 * slot taken is written to a ledger, which is how the limit is checked.
 */
@Component
class MailThrottle {
  /** The ledger is for checking the limit, not for history. */
  private static final Duration LEDGER_KEPT = Duration.ofDays(2);

  private final RateLimits rateLimits;
  private final Limit limit;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Sleeper sleeper;

  MailThrottle(
      RateLimits rateLimits,
      DigestSettings settings,
      JdbcClient jdbc,
      Clock clock,
      Sleeper sleeper) {
    this.rateLimits = rateLimits;
    this.limit = Limit.parse("messages to the mail relay", settings.rate());
    this.jdbc = jdbc;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Waits for the next slot and takes it. */
  void take() throws InterruptedException {
    while (true) {
      Duration wait = rateLimits.pace(limit, "relay");
      if (wait.isZero()) {
        jdbc.sql("INSERT INTO mail_grants (granted_at) VALUES (:now)")
            .param("now", SqlValues.text(clock.instant()))
            .update();
        return;
      }
      // Whole milliseconds, rounded up: a shorter sleep would only ask again too early.
      sleeper.sleep(Duration.ofMillis((wait.toNanos() + 999_999) / 1_000_000));
    }
  }

  void forgetOld() {
    jdbc.sql("DELETE FROM mail_grants WHERE granted_at < :before")
        .param("before", SqlValues.text(clock.instant().minus(LEDGER_KEPT)))
        .update();
  }
}
