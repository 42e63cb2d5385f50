package dev.paperboy.store;

import static dev.paperboy.support.TestPapers.aPaper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.paper.Papers;
import dev.paperboy.paper.UpsertOutcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * docs/reliability.md DATA-1: concurrent writers never see SQLITE_BUSY, write transactions take
 * turns on the one writer connection while readers go on, and the WAL stays bounded.
 */
class SqliteConcurrencyTest {
  private static final int WRITERS = 16;
  private static final int WRITES_EACH = 100;

  @TempDir Path dataDir;

  @Test
  void sixteenConcurrentWritersBesideALongReaderAllSucceed() throws Exception {
    try (ConfigurableApplicationContext context = start()) {
      Papers papers = context.getBean(Papers.class);
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<Integer>> writers = new ArrayList<>();
      papers.upsertAll(List.of(aPaper("2312.00001").build(), aPaper("2312.00002").build()));
      try (Connection reader = context.getBean(DataSource.class).getConnection();
          Statement statement = reader.createStatement();
          // A reader whose cursor stays open, holding its snapshot, for the whole run.
          ResultSet cursor = statement.executeQuery("SELECT arxiv_id FROM papers")) {
        assertThat(cursor.next()).isTrue();
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          writers.add(
              pool.submit(
                  () -> {
                    int added = 0;
                    for (int i = 0; i < WRITES_EACH; i++) {
                      String id = String.format("2401.%05d", writer * WRITES_EACH + i + 1);
                      if (papers.upsertAll(List.of(aPaper(id).build())).get(0)
                          == UpsertOutcome.NEW) {
                        added++;
                      }
                    }
                    return added;
                  }));
        }
        int added = 0;
        for (Future<Integer> writer : writers) {
          added += writer.get();
        }
        assertThat(cursor.next()).isTrue();
        assertThat(added).isEqualTo(WRITERS * WRITES_EACH);
      } finally {
        pool.shutdownNow();
      }
      assertThat(papers.count()).isEqualTo(WRITERS * WRITES_EACH + 2);
    }
  }

  @Test
  void writeTransactionsTakeTurnsOnTheOneWriterWhileReadOnlyOnesGoOn() throws Exception {
    try (ConfigurableApplicationContext context = start()) {
      PlatformTransactionManager manager = context.getBean(PlatformTransactionManager.class);
      TransactionTemplate writes = new TransactionTemplate(manager);
      TransactionTemplate reads = new TransactionTemplate(manager);
      reads.setReadOnly(true);
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
          int writer = w;
          writers.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 10; i++) {
                      String name = "job-" + writer + "-" + i;
                      writes.executeWithoutResult(
                          tx -> {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            jdbc.sql(
                                    "INSERT INTO job_leases (name, holder, until) VALUES (:n, '', '')")
                                .param("n", name)
                                .update();
                            sleepQuietly(2);
                            inside.decrementAndGet();
                          });
                    }
                  }));
        }
        for (Future<?> writer : writers) {
          writer.get();
        }
        assertThat(most.get()).as("write transactions at once").isEqualTo(1);
        assertThat(count(jdbc)).isEqualTo(80);

        // A write transaction holds the writer; a read-only one neither waits nor sees its row.
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> open =
            pool.submit(
                () ->
                    writes.executeWithoutResult(
                        tx -> {
                          jdbc.sql(
                                  "INSERT INTO job_leases (name, holder, until) VALUES ('x', '', '')")
                              .update();
                          holding.countDown();
                          awaitQuietly(release);
                        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        Integer seen = reads.execute(tx -> count(jdbc));
        release.countDown();
        open.get();
        assertThat(seen).isEqualTo(80);
        assertThat(count(jdbc)).isEqualTo(81);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static int count(JdbcClient jdbc) {
    return jdbc.sql("SELECT count(*) FROM job_leases").query(Integer.class).single();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aWalAboveTheCapIsCheckpointedAway() {
    try (ConfigurableApplicationContext context =
        start("--paperboy.store.wal-checkpoint-bytes=1")) {
      Papers papers = context.getBean(Papers.class);
      for (int i = 1; i <= 50; i++) {
        papers.upsertAll(List.of(aPaper(String.format("2402.%05d", i)).build()));
      }
      SqliteWalMonitor monitor = context.getBean(SqliteWalMonitor.class);
      assertThat(monitor.walSize()).isPositive();

      monitor.check();

      assertThat(monitor.walSize()).isZero();
      assertThat(papers.count()).isEqualTo(50);
    }
  }

  private ConfigurableApplicationContext start(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--paperboy.store.data-dir=" + dataDir,
                "--paperboy.demo.enabled=false",
                "--paperboy.store.wal-check-interval=PT1H",
                "--logging.level.root=WARN"));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(PaperboyApplication.class)
        .web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }
}
