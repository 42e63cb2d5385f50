package dev.paperboy.ingest;

import java.time.Duration;

/** Waits. Injected so that tests of retries and politeness run on a fake clock, not wall time. */
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
