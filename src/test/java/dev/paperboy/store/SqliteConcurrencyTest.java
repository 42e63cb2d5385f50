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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** RELIABILITY.md DATA-1: concurrent writers never see SQLITE_BUSY, and the WAL stays bounded. */
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
          // A reader whose cursor stays open, holding its snapshot, for the whole run. (Reads run
          // outside transactions: on SQLite every transaction takes the write lock up front.)
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
