package dev.paperboy.embedding;

import dev.paperboy.paper.ChangedPaper;
import dev.paperboy.paper.Papers;
import dev.paperboy.store.Hashes;
import dev.paperboy.store.JobLeases;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps a vector for every paper: follows the papers' change sequence from its own position and
 * embeds, in batches, each paper whose title or abstract it has not embedded yet (a changed
 * abstract is embedded again; a metadata-only change is not). Each batch and the new position are
 * committed together, so a kill mid-batch loses nothing and computes nothing twice (VectorJobTest).
 * With several nodes one node computes (a lease); every node's index reads the stored vectors.
 */
@Service
public class VectorJob {
  private static final Logger log = LoggerFactory.getLogger(VectorJob.class);
  private static final String JOB = "vectors";

  /**
   * Renewed after every batch (seconds of work), so short: a node killed mid-batch leaves the job
   * to another within a minute.
   */
  private static final Duration LEASE = Duration.ofMinutes(1);

  /** Progress is logged every this many papers. */
  private static final long LOG_EVERY = 1_000;

  private final Papers papers;
  private final JdbcVectors vectors;
  private final Embedder embedder;
  private final JobLeases leases;
  private final VectorSettings settings;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();

  VectorJob(
      Papers papers,
      JdbcVectors vectors,
      Embedder embedder,
      JobLeases leases,
      VectorSettings settings,
      Clock clock) {
    this.papers = papers;
    this.vectors = vectors;
    this.embedder = embedder;
    this.leases = leases;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${paperboy.vectors.interval:PT10S}",
      fixedDelayString = "${paperboy.vectors.interval:PT10S}")
  void follow() {
    if (settings.enabled() && leases.tryAcquire(JOB, LEASE)) {
      try {
        catchUp(done -> {});
      } catch (RuntimeException e) {
        log.error("Vectors job failed; it tries again: {}", e.toString(), e);
      } finally {
        leases.release(JOB);
      }
    }
  }

  /** True while a batch is being computed. */
  public boolean running() {
    return running.get();
  }

  /** Embeds every paper changed since the position; answers how many were embedded. */
  public synchronized long catchUp(LongConsumer progress) {
    running.set(true);
    try {
      long embedded = 0;
      long seen = 0;
      while (true) {
        JdbcVectors.Position at = vectors.position();
        List<ChangedPaper> changes =
            papers.changedSince(
                at.changedAt(),
                at.arxivId(),
                clock.instant().minus(settings.settle()),
                settings.batch());
        if (changes.isEmpty()) {
          break;
        }
        embedded += batch(changes);
        seen += changes.size();
        progress.accept(seen);
        if (seen / LOG_EVERY != (seen - changes.size()) / LOG_EVERY) {
          log.info("Vectors: {} papers seen, {} embedded", seen, embedded);
        }
        leases.tryAcquire(JOB, LEASE);
      }
      if (embedded > 0) {
        log.info("Vectors: {} papers embedded with {}", embedded, Embedder.MODEL);
      }
      return embedded;
    } finally {
      running.set(false);
    }
  }

  /** Forgets every vector and computes them all again: {@code reindex --vectors}. */
  public synchronized long recompute(LongConsumer progress) {
    vectors.clear();
    return catchUp(progress);
  }

  private int batch(List<ChangedPaper> changes) {
    List<String> ids = changes.stream().map(c -> c.paper().id().base()).toList();
    Map<String, String> stored = vectors.hashes(ids);
    List<ChangedPaper> toEmbed = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    for (ChangedPaper change : changes) {
      String id = change.paper().id().base();
      if (change.deletedAt() != null) {
        deleted.add(id);
        continue;
      }
      String hash = Hashes.sha256Hex(Embedder.text(change.paper()));
      if (!hash.equals(stored.get(id))) {
        toEmbed.add(change);
        hashes.add(hash);
      }
    }
    List<float[]> computed =
        toEmbed.isEmpty()
            ? List.of()
            : embedder.embedAll(toEmbed.stream().map(c -> Embedder.text(c.paper())).toList());
    List<JdbcVectors.Fresh> fresh = new ArrayList<>(computed.size());
    for (int i = 0; i < computed.size(); i++) {
      fresh.add(
          new JdbcVectors.Fresh(
              toEmbed.get(i).paper().id().base(), hashes.get(i), computed.get(i)));
    }
    ChangedPaper last = changes.get(changes.size() - 1);
    vectors.save(
        fresh,
        deleted,
        new JdbcVectors.Position(last.changedAt(), last.paper().id().base()),
        clock.instant());
    return fresh.size();
  }
}
