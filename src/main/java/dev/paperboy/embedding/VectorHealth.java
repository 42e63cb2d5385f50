package dev.paperboy.embedding;

import dev.paperboy.paper.Papers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The semantic vectors in {@code /actuator/health}: always up (search answers lexically without
 * them), with the model and how many papers have a vector of how many. The counts are read at most
 * every few seconds, so that a probe never waits on the database.
 */
@Component("vectors")
class VectorHealth implements HealthIndicator {
  private static final Duration FRESH = Duration.ofSeconds(5);

  private final Vectors vectors;
  private final Papers papers;
  private final VectorJob job;
  private final VectorSettings settings;
  private final Clock clock;
  private volatile Instant readAt = Instant.EPOCH;
  private volatile long computed;
  private volatile long total;

  VectorHealth(
      Vectors vectors, Papers papers, VectorJob job, VectorSettings settings, Clock clock) {
    this.vectors = vectors;
    this.papers = papers;
    this.job = job;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    if (now.isAfter(readAt.plus(FRESH))) {
      computed = vectors.count();
      total = papers.count();
      readAt = now;
    }
    String state =
        !settings.enabled()
            ? "off"
            : job.running() ? "computing " + computed + " / " + total : "idle";
    return Health.up()
        .withDetail("model", Embedder.MODEL)
        .withDetail("vectors", computed)
        .withDetail("papers", total)
        .withDetail("state", state)
        .build();
  }
}
