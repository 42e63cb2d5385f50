package dev.paperboy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.support.SqliteStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The limits' state lives in the database: a new process (new buckets) sees it (VOTE-4). */
@SqliteStore
class RateLimitsTest {
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void aLimitHoldsAcrossARestartAndRefillsWithTime() {
    Instant start = Instant.parse("2026-11-27T10:00:00Z");
    Limit twoAnHour = Limit.parse("tests", "2/PT1H");
    RateLimits before =
        new RateLimits(new JdbcBuckets(jdbc, transactions, Clock.fixed(start, ZoneOffset.UTC)));
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
        new RateLimits(
            new JdbcBuckets(
                jdbc, transactions, Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC)));
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
            new JdbcBuckets(
                jdbc,
                transactions,
                Clock.fixed(start.plus(Duration.ofMinutes(31)), ZoneOffset.UTC)));
    later.take(twoAnHour, "10.0.0.1");
  }

  /**
   * VOTE-4's first-day cap, with the default limit of a new member's comments: 30 s apart, and no
   * more than 10 in the day however far apart.
   */
  @Test
  void aNewMembersCommentsStopAtTenOnTheFirstDay() {
    Limit commentNew =
        Limit.parse(
            "comments",
            new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("paperboy.limits", LimitSettings.class)
                .commentNew());
    Instant start = Instant.parse("2026-11-27T10:00:00Z");
    for (int i = 0; i < 10; i++) {
      at(start.plusSeconds(31L * i)).take(commentNew, "member 7");
    }
    assertThatThrownBy(() -> at(start.plusSeconds(310)).take(commentNew, "member 7"))
        .isInstanceOfSatisfying(
            Refusal.class,
            refusal ->
                assertThat(refusal.retryAfterSeconds())
                    .as("the day's cap, not the 30 s spacing")
                    .isGreaterThan(3_600L));
    at(start.plusSeconds(310)).take(commentNew, "member 8");
  }

  private RateLimits at(Instant now) {
    return new RateLimits(new JdbcBuckets(jdbc, transactions, Clock.fixed(now, ZoneOffset.UTC)));
  }

  /**
   * MAIL-3: the relay throttle at 5 messages a second, 100 messages on a fake clock, taken by two
   * "nodes" (two sets of buckets over one database) in turn, with a restart of one of them in the
   * middle. The grants never put more than 5 in any one-second window, and the pace holds.
   */
  @Test
  void aThroughputLimitNeverLetsMoreThanItsCountThroughInAnyWindowAcrossNodesAndRestarts()
      throws InterruptedException {
    dev.paperboy.support.FakeTime time =
        new dev.paperboy.support.FakeTime(Instant.parse("2026-11-27T11:00:00Z"));
    Limit fivePerSecond = Limit.parse("messages to the mail relay", "5/PT1S");
    String relay = "relay-" + System.nanoTime();
    Throughput nodeA = node(fivePerSecond, relay, time);
    Throughput nodeB = node(fivePerSecond, relay, time);
    List<Instant> grants = new ArrayList<>();
    for (int message = 0; message < 100; message++) {
      if (message == 50) {
        nodeA = node(fivePerSecond, relay, time);
      }
      // Each node takes a block's worth (a second's: 5) in turn; then the other one does.
      grants.add((message / 5 % 2 == 0 ? nodeA : nodeB).take());
    }
    grants.sort(null);
    for (int i = 0; i + 5 < grants.size(); i++) {
      assertThat(Duration.between(grants.get(i), grants.get(i + 5)))
          .as("six grants from grant %d on", i)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
    assertThat(grants).doesNotHaveDuplicates();
    // Evenly paced: 100 messages take about 20 seconds, not 1 (a burst) nor much more.
    assertThat(Duration.between(grants.get(0), grants.get(99)))
        .isBetween(Duration.ofMillis(19_800), Duration.ofMillis(21_000));
  }

  private Throughput node(Limit limit, String subject, dev.paperboy.support.FakeTime time) {
    return new Throughput(
        new RateLimits(new JdbcBuckets(jdbc, transactions, time)),
        limit,
        subject,
        time,
        time.sleeper());
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
