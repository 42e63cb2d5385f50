package dev.paperboy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.support.SqliteStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The limits' state lives in the database: a new process (new buckets) sees it (VOTE-4). */
@SqliteStore
class RateLimitsTest {
  @Autowired JdbcClient jdbc;

  @Test
  void aLimitHoldsAcrossARestartAndRefillsWithTime() {
    Instant start = Instant.parse("2026-11-27T10:00:00Z");
    Limit twoAnHour = Limit.parse("tests", "2/PT1H");
    RateLimits before = new RateLimits(new JdbcBuckets(jdbc, Clock.fixed(start, ZoneOffset.UTC)));
    before.take(twoAnHour, "10.0.0.1");
    before.take(twoAnHour, "10.0.0.1");
    assertThatThrownBy(() -> before.take(twoAnHour, "10.0.0.1"))
        .isInstanceOfSatisfying(
            Refusal.class,
            refusal -> {
              assertThat(refusal.kind()).isEqualTo(Refusal.Kind.TOO_MANY);
              assertThat(refusal.retryAfterSeconds()).isBetween(1_700L, 1_800L);
            });

    RateLimits restarted =
        new RateLimits(new JdbcBuckets(jdbc, Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC)));
    assertThatThrownBy(() -> restarted.take(twoAnHour, "10.0.0.1")).isInstanceOf(Refusal.class);
    restarted.take(twoAnHour, "10.0.0.2");
    assertThat(
            jdbc.sql("SELECT count(*) FROM rate_limits WHERE bucket_key NOT LIKE '%10.0.0%'")
                .query(Integer.class)
                .single())
        .as("subjects are stored as digests")
        .isPositive();

    RateLimits later =
        new RateLimits(
            new JdbcBuckets(jdbc, Clock.fixed(start.plus(Duration.ofMinutes(31)), ZoneOffset.UTC)));
    later.take(twoAnHour, "10.0.0.1");
  }

  @Test
  void limitsReadTheirConfiguredForm() {
    Limit limit = Limit.parse("comments", "10/P1D, 1/PT30S");
    assertThat(limit.bands())
        .containsExactly(
            new Limit.Band(10, Duration.ofDays(1)), new Limit.Band(1, Duration.ofSeconds(30)));
    assertThatThrownBy(() -> Limit.parse("x", "ten a day"))
        .hasMessageContaining("must look like 5/PT1M");
  }
}
