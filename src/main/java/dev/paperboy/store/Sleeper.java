package dev.paperboy.store;

import java.time.Duration;

/**
 * Waits. Injected beside the {@link java.time.Clock} so that tests of retries, politeness and
 * throttles run on a fake clock, not wall time.
 */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL =
      duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis());
        }
      };

  void sleep(Duration duration) throws InterruptedException;
}
