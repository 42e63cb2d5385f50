package dev.paperboy.store;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every module asks for the time; tests put a fixed {@code @Primary} one beside it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
  /**
   * @param offset shifts this node's clock; only for testing clock skew between nodes
   *     (docs/reliability.md NODE-2: editions, claims and leases must not depend on synchronized
   *     clocks)
   */
  @Bean
  Clock clock(@Value("${paperboy.clock.offset:PT0S}") Duration offset) {
    return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
  }

  @Bean
  Sleeper sleeper() {
    return Sleeper.REAL;
  }
}
