package dev.paperboy.search;

import dev.paperboy.embedding.Vectors;
import dev.paperboy.paper.ChangedPaper;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.search.lucene.LuceneIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * One pass over the whole database into an empty index: the first build, and {@code reindex}. It
 * differs from following changes in three ways, each for speed at arXiv's size (docs/benchmarks.md,
 * "The whole of arXiv on one machine"):
 *
 * <ul>
 *   <li>the next batch is read from the database while this one is indexed;
 *   <li>a batch is analysed and added by one thread per core: analysis is most of a build's cost,
 *       and Lucene's writer takes documents from several threads at once;
 *   <li>papers are added, not upserted: in an empty index there is nothing to replace, and each
 *       paper appears once in one pass over the change sequence up to a fixed {@code until}.
 * </ul>
 *
 * The position is committed with the papers before it every {@link #COMMIT_EVERY} papers, so an
 * interrupted build resumes from there (by following, which upserts) and searches meanwhile see
 * what is built so far.
 */
final class IndexBuild {
  private static final int BATCH = 1_000;

  /** Each commit ends a segment per thread: fewer, larger segments leave less to merge. */
  private static final int COMMIT_EVERY = 100_000;

  private final Papers papers;
  private final Vectors vectors;
  private final LuceneIndex index;
  private final Instant until;
  private final Runnable committed;

  /**
   * @param until papers changed after it are left to the follower
   * @param committed run after each commit, when what is built so far becomes searchable
   */
  IndexBuild(Papers papers, Vectors vectors, LuceneIndex index, Instant until, Runnable committed) {
    this.papers = papers;
    this.vectors = vectors;
    this.index = index;
    this.until = until;
    this.committed = committed;
  }

  private record Batch(List<ChangedPaper> changes, Map<String, float[]> vectors) {
    ChangedPaper last() {
      return changes.get(changes.size() - 1);
    }

    LuceneIndex.Position end() {
      return new LuceneIndex.Position(last().changedAt(), last().paper().id().base());
    }
  }

  /** Answers the papers read (deleted ones included, as the follower counts them). */
  long run(LongConsumer progress) {
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService reader = Executors.newSingleThreadExecutor(named("index-build-read"));
    ExecutorService workers = Executors.newFixedThreadPool(threads, named("index-build"));
    try {
      long read = 0;
      long uncommitted = 0;
      Future<Batch> next = reader.submit(() -> read(Instant.EPOCH, ""));
      while (true) {
        Batch batch = result(next);
        if (batch.changes().isEmpty()) {
          if (uncommitted > 0) {
            index.commit(index.position());
            committed.run();
          }
          return read;
        }
        next =
            reader.submit(() -> read(batch.last().changedAt(), batch.last().paper().id().base()));
        add(batch, threads, workers);
        read += batch.changes().size();
        uncommitted += batch.changes().size();
        if (batch.changes().size() < BATCH || uncommitted >= COMMIT_EVERY) {
          index.commit(batch.end());
          committed.run();
          uncommitted = 0;
        } else {
          index.moveTo(batch.end());
        }
        progress.accept(read);
      }
    } finally {
      reader.shutdownNow();
      workers.shutdownNow();
    }
  }

  private Batch read(Instant after, String afterId) {
    List<ChangedPaper> changes = papers.changedSince(after, afterId, until, BATCH);
    return new Batch(
        changes, vectors.of(changes.stream().map(c -> c.paper().id().base()).toList()));
  }

  private void add(Batch batch, int threads, ExecutorService workers) {
    List<Paper> live =
        batch.changes().stream()
            .filter(c -> c.deletedAt() == null)
            .map(ChangedPaper::paper)
            .toList();
    int share = (live.size() + threads - 1) / threads;
    List<Callable<Void>> parts = new ArrayList<>();
    for (int from = 0; from < live.size(); from += share) {
      List<Paper> part = live.subList(from, Math.min(live.size(), from + share));
      parts.add(
          () -> {
            index.add(part, batch.vectors());
            return null;
          });
    }
    try {
      for (Future<Void> done : workers.invokeAll(parts)) {
        result(done);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("index build interrupted", e);
    }
  }

  private static <T> T result(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("index build interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("index build failed", e.getCause());
    }
  }

  private static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return work -> {
      Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
