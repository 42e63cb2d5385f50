package dev.paperboy.rules;

import dev.paperboy.store.SqlValues;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bucket4j's buckets kept in the {@code rate_limits} table by compare-and-swap: read the state,
 * compute the new one, write it only if the row still holds what was read (Bucket4j retries
 * otherwise). Plain SQL that SQLite and PostgreSQL both run, so every node shares one state. Time
 * comes from the injected clock. Each write is a transaction of its own (or joins the caller's): on
 * SQLite that puts it in the one writer's queue (DATA-1), where an autocommit write would have
 * raced the writer through the busy handler and, under load, failed.
 */
@Component
class JdbcBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {
  /** Every configured band refills completely within a day; older rows are full buckets. */
  private static final Duration FORGET_AFTER = Duration.ofDays(2);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  JdbcBuckets(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
    super(ClientSideConfig.getDefault().withClientClock(new ClockMeter(clock)));
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
    return new CompareAndSwapOperation() {
      @Override
      public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
        return jdbc.sql("SELECT state FROM rate_limits WHERE bucket_key = :key")
            .param("key", key)
            .query((rs, n) -> rs.getBytes(1))
            .optional();
      }

      @Override
      public boolean compareAndSwap(
          byte[] original, byte[] updated, RemoteBucketState state, Optional<Long> timeoutNanos) {
        String now = SqlValues.text(clock.instant());
        return written(
                original == null
                    ? jdbc.sql(
                            """
                      INSERT INTO rate_limits (bucket_key, state, updated_at)
                      VALUES (:key, :state, :now)
                      ON CONFLICT (bucket_key) DO NOTHING
                      """)
                        .param("key", key)
                        .param("state", updated)
                        .param("now", now)
                    : jdbc.sql(
                            """
                        UPDATE rate_limits SET state = :state, updated_at = :now
                        WHERE bucket_key = :key AND state = :original
                        """)
                        .param("key", key)
                        .param("state", updated)
                        .param("original", original)
                        .param("now", now))
            == 1;
      }
    };
  }

  @Override
  protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
    throw new UnsupportedOperationException("rate limits are checked synchronously");
  }

  @Override
  public void removeProxy(String key) {
    written(jdbc.sql("DELETE FROM rate_limits WHERE bucket_key = :key").param("key", key));
  }

  /** Runs the statement in a read-write transaction; answers how many rows it changed. */
  private int written(JdbcClient.StatementSpec statement) {
    Integer changed = transactions.execute(status -> statement.update());
    return changed == null ? 0 : changed;
  }

  @Override
  protected CompletableFuture<Void> removeAsync(String key) {
    throw new UnsupportedOperationException("rate limits are checked synchronously");
  }

  @Override
  public boolean isAsyncModeSupported() {
    return false;
  }

  /** Forgets buckets untouched for long enough to be full again. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void forgetFullBuckets() {
    written(
        jdbc.sql("DELETE FROM rate_limits WHERE updated_at < :cutoff")
            .param("cutoff", SqlValues.text(clock.instant().minus(FORGET_AFTER))));
  }

  /** Bucket4j's view of the injected clock. */
  private record ClockMeter(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return clock.millis() * 1_000_000L;
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
