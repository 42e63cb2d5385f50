package dev.paperboy.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Pins "now" for page and API tests: 2026-11-27T10:00Z, a day without a list. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {
  public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
