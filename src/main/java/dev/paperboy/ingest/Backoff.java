package dev.paperboy.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * How long to wait before asking arXiv again (docs/reliability.md ING-3, proved by {@code
 * ingest/BackoffTest}): exponential from the interval, capped, with "equal jitter" (half fixed,
 * half random), so that nodes which failed together do not come back together; and a server's
 * {@code Retry-After}, in seconds or as an HTTP-date, never shorter than the interval nor longer
 * than the cap.
 */
record Backoff(Duration interval, Duration cap, RandomGenerator random, Clock clock) {

  static Backoff of(ArxivSettings settings, Clock clock) {
    return new Backoff(
        settings.interval(), settings.maxBackoff(), RandomGenerator.getDefault(), clock);
  }

  /** The wait after the given failed attempt (the first is 1). */
  Duration after(int attempt) {
    long base = interval.toMillis() << Math.min(Math.max(attempt, 1), 20);
    long capped = Math.min(base, cap.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + random.nextLong(half + 1));
  }

  /** The server's wait, when its header says one. */
  Optional<Duration> retryAfter(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at =
            ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
        wait = Duration.between(clock.instant(), at.toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    if (wait.compareTo(interval) < 0) {
      wait = interval;
    }
    return Optional.of(wait.compareTo(cap) > 0 ? cap : wait);
  }
}
