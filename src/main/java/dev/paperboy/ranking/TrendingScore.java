package dev.paperboy.ranking;

import java.time.Duration;
import java.time.Instant;

/**
 * The trending score, published on the "About ranking" page. Lobsters' form (REFERENCE.md §3):
 *
 * <pre>
 *   score = log10(max(1, upvotes + comments / 2 + 1)) + (submittedAt − epoch) / WINDOW
 * </pre>
 *
 * with WINDOW = 22 hours. Time enters linearly, so a score never needs recomputing as the clock
 * moves; ten times the points are worth one window of recency. More upvotes or comments never lower
 * a score, and an older submission never raises it. With no votes at all, the newest submission is
 * first.
 */
public final class TrendingScore {
  /** One decade of points (×10) is worth this much recency. */
  public static final Duration WINDOW = Duration.ofHours(22);

  private TrendingScore() {}

  public static double of(int upvotes, int comments, Instant submittedAt) {
    if (upvotes < 0 || comments < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    double points = upvotes + comments / 2.0 + 1.0;
    return Math.log10(Math.max(1.0, points))
        + (double) submittedAt.getEpochSecond() / WINDOW.toSeconds();
  }
}
