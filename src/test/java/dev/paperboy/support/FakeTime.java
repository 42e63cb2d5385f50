package dev.paperboy.support;

import dev.paperboy.store.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when something sleeps on it: waits are recorded, never spent. */
public final class FakeTime extends Clock {
  private volatile Instant start;
  private final AtomicLong elapsedMillis = new AtomicLong();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public FakeTime(Instant start) {
    this.start = start;
  }

  /** The sleeper that advances this clock (kept apart so that it is not also a Clock bean). */
  public Sleeper sleeper() {
    return this::sleep;
  }

  public void sleep(Duration duration) {
    sleeps.add(duration);
    elapsedMillis.addAndGet(Math.max(0, duration.toMillis()));
  }

  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public void clearSleeps() {
    sleeps.clear();
  }

  /** Sets "now" (tests that share one clock each start from the time they need). */
  public void set(Instant now) {
    elapsedMillis.set(0);
    start = now;
    sleeps.clear();
  }

  @Override
  public Instant instant() {
    return start.plusMillis(elapsedMillis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }
}
