package dev.paperboy.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Starts "now" for page and API tests at 2026-11-27T10:00Z, a day without a list, and lets it run
 * from there: dates are fixed for the test, and writes still get increasing times.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {
  public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @Bean
  @Primary
  Clock fixedClock() {
    Clock system = Clock.systemUTC();
    return Clock.offset(system, Duration.between(system.instant(), NOW));
  }
}
