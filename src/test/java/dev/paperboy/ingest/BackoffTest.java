package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The waits between arXiv attempts (docs/reliability.md ING-3): growth, cap, jitter. */
class BackoffTest {
  private static final Instant NOW = Instant.parse("2026-11-26T22:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Duration INTERVAL = Duration.ofSeconds(3);
  private static final Duration CAP = Duration.ofMinutes(15);

  /** Draws that are always the smallest, or always the largest, the jitter allows. */
  private static RandomGenerator always(boolean largest) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public long nextLong(long bound) {
        return largest ? bound - 1 : 0;
      }
    };
  }

  private static Backoff backoff(RandomGenerator random) {
    return new Backoff(INTERVAL, CAP, random, CLOCK);
  }

  @Test
  void eachFailedAttemptDoublesTheWaitBetweenItsBounds() {
    Backoff least = backoff(always(false));
    Backoff most = backoff(always(true));
    // Attempt n waits between half of and all of interval × 2^n.
    assertThat(least.after(1)).isEqualTo(Duration.ofSeconds(3));
    assertThat(most.after(1)).isEqualTo(Duration.ofSeconds(6));
    assertThat(least.after(2)).isEqualTo(Duration.ofSeconds(6));
    assertThat(least.after(3)).isEqualTo(Duration.ofSeconds(12));
    assertThat(most.after(4)).isEqualTo(Duration.ofSeconds(48));
  }

  @Test
  void theWaitNeverPassesTheCapHoweverManyAttempts() {
    Backoff least = backoff(always(false));
    Backoff most = backoff(always(true));
    for (int attempt : new int[] {9, 10, 20, 21, 63, 64, 1_000, Integer.MAX_VALUE}) {
      assertThat(most.after(attempt)).as("attempt %d", attempt).isEqualTo(CAP);
      assertThat(least.after(attempt)).as("attempt %d", attempt).isEqualTo(CAP.dividedBy(2));
    }
  }

  @Test
  void nodesThatFailedTogetherDoNotComeBackTogether() {
    Backoff real = backoff(RandomGenerator.getDefault());
    Set<Duration> waits = new HashSet<>();
    for (int draw = 0; draw < 200; draw++) {
      Duration wait = real.after(5);
      assertThat(wait).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(96));
      waits.add(wait);
    }
    assertThat(waits).hasSizeGreaterThan(150);
  }

  @Test
  void retryAfterIsObeyedInSecondsAndAsADateWithinTheIntervalAndTheCap() {
    Backoff backoff = backoff(always(false));
    assertThat(backoff.retryAfter("7")).contains(Duration.ofSeconds(7));
    assertThat(backoff.retryAfter(" 120 ")).contains(Duration.ofSeconds(120));
    assertThat(backoff.retryAfter("0")).contains(INTERVAL);
    assertThat(backoff.retryAfter("86400")).contains(CAP);
    assertThat(backoff.retryAfter(httpDate(NOW.plusSeconds(10)))).contains(Duration.ofSeconds(10));
    assertThat(backoff.retryAfter(httpDate(NOW.minusSeconds(60)))).contains(INTERVAL);
    assertThat(backoff.retryAfter(null)).isEmpty();
    assertThat(backoff.retryAfter("soon")).isEmpty();
    assertThat(backoff.retryAfter("-5")).contains(INTERVAL);
  }

  private static String httpDate(Instant at) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC));
  }
}
