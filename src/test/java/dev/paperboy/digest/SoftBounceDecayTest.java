package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SqliteStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** MAIL-6: soft bounces suppress at the limit within 30 days; older ones no longer count. */
@SqliteStore
class SoftBounceDecayTest {
  private static final Instant START = Instant.parse("2026-09-01T08:00:00Z");

  @Autowired JdbcClient jdbc;
  @Autowired SiteSecrets secrets;

  @Test
  void softBouncesOlderThanThirtyDaysDoNotCount() {
    String address = "flaky@example.org";
    for (int i = 0; i < 3; i++) {
      assertThat(at(START.plus(Duration.ofDays(i))).softBounce(address, 4)).isFalse();
    }
    // The fourth comes 31 days after the first: only three fall in its window.
    Suppressions later = at(START.plus(Duration.ofDays(31)));
    assertThat(later.softBounce(address, 4)).isFalse();
    assertThat(later.suppressed(address)).isFalse();
    // Another that day makes four within 30 days (days 1, 2 and twice 31).
    assertThat(later.softBounce(address, 4)).isTrue();
    assertThat(later.suppressed(address)).isTrue();
  }

  private Suppressions at(Instant now) {
    return new Suppressions(jdbc, secrets, Clock.fixed(now, ZoneOffset.UTC));
  }
}
