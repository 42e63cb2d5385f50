package dev.paperboy.ingest;

import dev.paperboy.store.Engine;
import dev.paperboy.store.Sleeper;
import dev.paperboy.store.SqlValues;
import dev.paperboy.store.StoreSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * arXiv's rule, one request every 3 s and one connection at a time, kept across every node: the
 * gate is a row in the database. A caller reserves the next start slot (never sooner than the
 * interval after the previous start, and never while another request is in flight) in one short
 * transaction, then waits for it outside. The reservation is a lease: a node that dies mid-request
 * blocks the others only until its lease runs out. Every grant is written to a ledger.
 */
@Component
class JdbcPolitenessGate {
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ArxivSettings settings;
  private final String forUpdate;
  // Threads of one node queue here instead of polling the database.
  private final ReentrantLock local = new ReentrantLock(true);

  JdbcPolitenessGate(
      JdbcClient jdbc,
      TransactionTemplate transaction,
      Clock clock,
      Sleeper sleeper,
      ArxivSettings settings,
      StoreSettings store) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
    this.sleeper = sleeper;
    this.settings = settings;
    // PostgreSQL locks the gate row; on SQLite the write transaction already holds the database.
    this.forUpdate = store.engine() == Engine.POSTGRESQL ? " FOR UPDATE" : "";
  }

  /** A granted slot; {@link #close} frees the gate. */
  final class Permit implements AutoCloseable {
    private final long ledgerId;
    private @Nullable Integer status;

    private Permit(long ledgerId) {
      this.ledgerId = ledgerId;
    }

    void status(int status) {
      this.status = status;
    }

    @Override
    public void close() {
      try {
        Instant now = clock.instant();
        transaction.executeWithoutResult(
            tx -> {
              jdbc.sql("UPDATE arxiv_gate SET busy_until = NULL WHERE id = 1").update();
              jdbc.sql(
                      "UPDATE arxiv_requests SET status = :status, finished_at = :now WHERE id = :id")
                  .param("status", status)
                  .param("now", SqlValues.text(now))
                  .param("id", ledgerId)
                  .update();
            });
      } finally {
        local.unlock();
      }
    }
  }

  /** Waits for the next slot and takes it. */
  Permit acquire(String url) throws InterruptedException {
    local.lockInterruptibly();
    try {
      while (true) {
        Reservation reservation = transaction.execute(tx -> reserve(url));
        if (reservation == null) {
          throw new IllegalStateException("the politeness gate row is missing");
        }
        Duration wait = Duration.between(clock.instant(), reservation.at());
        sleeper.sleep(wait.isNegative() ? Duration.ZERO : wait);
        if (reservation.granted()) {
          return new Permit(reservation.ledgerId());
        }
      }
    } catch (InterruptedException | RuntimeException e) {
      local.unlock();
      throw e;
    }
  }

  /**
   * Granted: wait until {@code at}, then go. Not granted: another request is in flight until {@code
   * at}.
   */
  private record Reservation(boolean granted, Instant at, long ledgerId) {}

  private Reservation reserve(String url) {
    Instant now = clock.instant();
    Gate gate =
        jdbc.sql("SELECT next_start_at, busy_until FROM arxiv_gate WHERE id = 1" + forUpdate)
            .query(
                (rs, n) ->
                    new Gate(
                        SqlValues.requiredInstant(rs, "next_start_at"),
                        SqlValues.instant(rs, "busy_until")))
            .single();
    if (gate.busyUntil() != null && gate.busyUntil().isAfter(now)) {
      Instant retry = min(gate.busyUntil(), now.plusSeconds(1));
      return new Reservation(false, retry, 0);
    }
    Instant start = gate.nextStart().isAfter(now) ? gate.nextStart() : now;
    // Long enough for a request that is alive (a connect, then silences shorter than the read
    // timeout), short enough that a node killed mid-request holds the others up only that long.
    Instant lease =
        start
            .plus(settings.connectTimeout())
            .plus(settings.readTimeout())
            .plus(settings.interval());
    jdbc.sql("UPDATE arxiv_gate SET next_start_at = :next, busy_until = :lease WHERE id = 1")
        .param("next", SqlValues.text(start.plus(settings.interval())))
        .param("lease", SqlValues.text(lease))
        .update();
    jdbc.sql("INSERT INTO arxiv_requests (granted_at, url) VALUES (:at, :url)")
        .param("at", SqlValues.text(start))
        .param("url", url.length() > 2000 ? url.substring(0, 2000) : url)
        .update();
    // The gate is held, so the newest ledger row is this one.
    long id = jdbc.sql("SELECT max(id) FROM arxiv_requests").query(Long.class).single();
    return new Reservation(true, start, id);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private record Gate(Instant nextStart, @Nullable Instant busyUntil) {}
}
