package dev.paperboy.store;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every module asks for the time; tests put a fixed {@code @Primary} one beside it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Sleeper sleeper() {
    return Sleeper.REAL;
  }
}
