package dev.paperboy.rules;

import dev.paperboy.store.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A throughput limit shared by every node through the database (the mail relay's, MAIL-3), evenly
 * paced. A node reserves a block of the next slots at once (about a second's worth) and hands them
 * out to its threads one by one, sleeping until each slot's time: one database round trip per block
 * instead of one per action, and since a reservation moves the shared bucket's clock on before the
 * next node reserves, the nodes' blocks never overlap. A slot reserved by a node that dies is lost
 * capacity, never extra.
 */
public final class Throughput {
  /** The most slots reserved at once. */
  private static final int MAX_BLOCK = 100;

  private final RateLimits rateLimits;
  private final Limit limit;
  private final String subject;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration interval;
  private final int block;
  private final Deque<Instant> slots = new ArrayDeque<>();

  public Throughput(
      RateLimits rateLimits, Limit limit, String subject, Clock clock, Sleeper sleeper) {
    this.rateLimits = rateLimits;
    this.limit = limit;
    this.subject = subject;
    this.clock = clock;
    this.sleeper = sleeper;
    // The slowest band sets the pace.
    this.interval =
        limit.bands().stream()
            .map(band -> band.period().dividedBy(band.capacity()))
            .max(Duration::compareTo)
            .orElseThrow();
    long perSecond = interval.isZero() ? MAX_BLOCK : Duration.ofSeconds(1).dividedBy(interval);
    this.block = (int) Math.max(1, Math.min(MAX_BLOCK, perSecond));
  }

  /** Waits for this node's next slot and takes it; answers the slot's time. */
  public Instant take() throws InterruptedException {
    Instant slot;
    synchronized (slots) {
      Instant now = clock.instant();
      // A slot more than one interval in the past is dropped: used this late, it would crowd
      // the slots that other nodes reserved after it.
      while (!slots.isEmpty() && slots.peekFirst().isBefore(now.minus(interval))) {
        slots.removeFirst();
      }
      if (slots.isEmpty()) {
        Instant last = now.plus(rateLimits.reserve(limit, subject, block));
        for (int i = block - 1; i >= 0; i--) {
          Instant at = last.minus(interval.multipliedBy(i));
          slots.addLast(at.isBefore(now) ? now : at);
        }
      }
      slot = slots.removeFirst();
    }
    Duration wait = Duration.between(clock.instant(), slot);
    if (!wait.isNegative() && !wait.isZero()) {
      // Whole milliseconds, rounded up: never early.
      sleeper.sleep(Duration.ofMillis((wait.toNanos() + 999_999) / 1_000_000));
    }
    return slot;
  }
}
