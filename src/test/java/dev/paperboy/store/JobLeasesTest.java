package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SqliteStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Two nodes (two holders on one database) never hold one job's lease at once. */
@SqliteStore
class JobLeasesTest {
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  @Test
  void oneHolderAtATimeUntilReleaseOrExpiry() {
    Clock at = Clock.fixed(Instant.parse("2026-11-27T05:00:00Z"), ZoneOffset.UTC);
    JobLeases nodeA = new JobLeases(jdbc, transaction, at);
    JobLeases nodeB = new JobLeases(jdbc, transaction, at);

    assertThat(nodeA.tryAcquire("job-1", Duration.ofMinutes(5))).isTrue();
    assertThat(nodeB.tryAcquire("job-1", Duration.ofMinutes(5))).isFalse();
    assertThat(nodeA.tryAcquire("job-1", Duration.ofMinutes(5))).as("renewal").isTrue();
    assertThat(nodeB.tryAcquire("job-2", Duration.ofMinutes(5))).as("another job").isTrue();

    nodeA.release("job-1");
    assertThat(nodeB.tryAcquire("job-1", Duration.ofMinutes(5))).isTrue();

    JobLeases nodeALater =
        new JobLeases(jdbc, transaction, Clock.offset(at, Duration.ofMinutes(6)));
    assertThat(nodeALater.tryAcquire("job-1", Duration.ofMinutes(5))).as("after expiry").isTrue();
  }
}
