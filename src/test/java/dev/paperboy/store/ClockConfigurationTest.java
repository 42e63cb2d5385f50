package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The clock offset the multi-node tests give one node to skew its clock (NODE-2). */
class ClockConfigurationTest {
  @Test
  void anOffsetMovesTheNodesClockAndNoneLeavesItOnTheSystemClock() {
    ClockConfiguration configuration = new ClockConfiguration();

    Instant before = Instant.now();
    Instant skewed = configuration.clock(Duration.ofMinutes(10)).instant();
    Instant plain = configuration.clock(Duration.ZERO).instant();
    Instant after = Instant.now();

    assertThat(skewed).isBetween(before.plusSeconds(600), after.plusSeconds(600));
    assertThat(plain).isBetween(before, after);
  }
}
