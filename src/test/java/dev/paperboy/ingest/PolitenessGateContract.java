package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.store.SqlValues;
import dev.paperboy.store.StoreSettings;
import dev.paperboy.support.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * docs/reliability.md ING-3 across nodes: two gates on one database (two nodes) asking at once get
 * slots at least 3 s apart, and never two requests in flight. Run on SQLite and PostgreSQL.
 */
abstract class PolitenessGateContract {
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ArxivSettings settings;
  @Autowired StoreSettings store;

  @BeforeEach
  void resetGate() {
    jdbc.sql("UPDATE arxiv_gate SET next_start_at = :epoch, busy_until = NULL")
        .param("epoch", SqlValues.text(Instant.EPOCH))
        .update();
    jdbc.sql("DELETE FROM arxiv_requests").update();
  }

  @Test
  void twoNodesAskingAtOnceAreServedOneAtATimeThreeSecondsApart() throws Exception {
    FakeTime time = new FakeTime(Instant.parse("2026-11-27T01:00:00Z"));
    JdbcPolitenessGate nodeA =
        new JdbcPolitenessGate(jdbc, transaction, time, time.sleeper(), settings, store);
    JdbcPolitenessGate nodeB =
        new JdbcPolitenessGate(jdbc, transaction, time, time.sleeper(), settings, store);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    try {
      for (JdbcPolitenessGate gate : List.of(nodeA, nodeB, nodeA, nodeB)) {
        work.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 3; i++) {
                    try (JdbcPolitenessGate.Permit permit =
                        gate.acquire("https://oaipmh.arxiv.org/oai?verb=Identify")) {
                      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                      permit.status(200);
                      inFlight.decrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : work) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }

    List<Instant> grants =
        jdbc.sql("SELECT granted_at FROM arxiv_requests ORDER BY granted_at")
            .query((rs, n) -> SqlValues.requiredInstant(rs, "granted_at"))
            .list();
    assertThat(grants).hasSize(12);
    for (int i = 1; i < grants.size(); i++) {
      assertThat(Duration.between(grants.get(i - 1), grants.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
    assertThat(maxInFlight.get()).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM arxiv_requests WHERE status = 200")
                .query(Long.class)
                .single())
        .isEqualTo(12);
  }
}
