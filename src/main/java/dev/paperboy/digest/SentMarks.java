package dev.paperboy.digest;

import dev.paperboy.paper.ArxivId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks sent messages in group commits. A sender thread that got the relay's 250 hands its mark
 * here and waits until it is committed; whichever waiting thread finds no commit running commits
 * every mark handed in so far, in one transaction. So each thread still has at most one message
 * sent but not marked (MAIL-1's duplicate window stays one per thread), while a commit, which on
 * SQLite with {@code synchronous=FULL} waits for the disk, is shared by all the threads that sent
 * meanwhile instead of being paid once per message.
 */
@Component
class SentMarks {
  /** One sent message: its row, when, the throttle slot it took, the papers it carried. */
  record Mark(
      long rowId,
      long subscriptionId,
      long editionId,
      Instant sentAt,
      Instant granted,
      List<ArxivId> papers) {}

  private record Waiting(Mark mark, CompletableFuture<Void> done) {}

  private final JdbcOutbox outbox;
  private final TransactionTemplate transactions;
  private final ReentrantLock committing = new ReentrantLock();
  private final List<Waiting> pending = new ArrayList<>();

  SentMarks(JdbcOutbox outbox, TransactionTemplate transactions) {
    this.outbox = outbox;
    this.transactions = transactions;
  }

  /** Returns once the mark is committed; throws what the commit threw. */
  void mark(Mark mark) throws InterruptedException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (pending) {
      pending.add(new Waiting(mark, done));
    }
    while (!done.isDone()) {
      if (committing.tryLock()) {
        try {
          commitPending();
        } finally {
          committing.unlock();
        }
      } else {
        try {
          done.get(1, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
          // Not yet committed, or failed: the loop and the join below tell.
        }
      }
    }
    try {
      done.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    }
  }

  private void commitPending() {
    List<Waiting> batch;
    synchronized (pending) {
      batch = new ArrayList<>(pending);
      pending.clear();
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      transactions.executeWithoutResult(
          tx -> {
            for (Waiting waiting : batch) {
              Mark mark = waiting.mark();
              outbox.markSent(mark.rowId(), mark.sentAt(), mark.granted());
              outbox.recordPapers(mark.subscriptionId(), mark.editionId(), mark.papers());
            }
          });
      batch.forEach(waiting -> waiting.done().complete(null));
    } catch (RuntimeException e) {
      batch.forEach(waiting -> waiting.done().completeExceptionally(e));
    }
  }
}
