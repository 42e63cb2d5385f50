package dev.paperboy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.ingest.ImportProgress;
import dev.paperboy.ingest.SnapshotImporter;
import dev.paperboy.support.DemoLoads;
import dev.paperboy.support.SeedDayFile;
import dev.paperboy.support.Tables;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

class DemoDataTest {
  private static final String SAMPLE = "classpath:arxiv-snapshot/kaggle-format-sample-250.jsonl";
  private static final int SAMPLE_SIZE = 250;

  @TempDir Path dataDir;

  @Test
  void aFreshStoreGetsTheSeedDayAtOnceAndTheCorpusInTheBackgroundOnce() {
    int seedPapers = SeedDayFile.papers().size();
    try (ConfigurableApplicationContext context = start(true)) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      // The seed day is there before the application reports itself started.
      assertThat(Tables.count(jdbc, "daily_entries")).isEqualTo(seedPapers);
      DemoLoads.awaitDone(jdbc);
      assertThat(Tables.count(jdbc, "papers")).isEqualTo(seedPapers + SAMPLE_SIZE);
      assertThat(
              jdbc.sql("SELECT coalesce(sum(upvotes), 0) FROM daily_entries")
                  .query(Long.class)
                  .single())
          .as("no invented upvotes")
          .isZero();
      assertThat(context.getBean(DemoProgress.class).status().loading()).isFalse();
    }

    try (ConfigurableApplicationContext again = start(true)) {
      JdbcClient jdbc = again.getBean(JdbcClient.class);
      assertThat(again.getBean(DemoProgress.class).status().loading()).isFalse();
      assertThat(Tables.count(jdbc, "papers")).isEqualTo(seedPapers + SAMPLE_SIZE);
      assertThat(Tables.count(jdbc, "daily_entries")).isEqualTo(seedPapers);
      assertThat(Tables.count(jdbc, "members")).isEqualTo(1);
    }
  }

  @Test
  void aStoreWithPapersOfItsOwnNeverGetsTheDemo() throws Exception {
    try (ConfigurableApplicationContext context = start(false);
        InputStream sample =
            getClass().getResourceAsStream("/arxiv-snapshot/kaggle-format-sample-250.jsonl")) {
      context.getBean(SnapshotImporter.class).importStream(sample, false, ImportProgress.NONE);
    }

    try (ConfigurableApplicationContext context = start(true)) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      assertThat(Tables.count(jdbc, "papers")).isEqualTo(SAMPLE_SIZE);
      assertThat(Tables.count(jdbc, "daily_entries")).isZero();
      assertThat(Tables.count(jdbc, "demo_loads")).isZero();
    }
  }

  private ConfigurableApplicationContext start(boolean demo) {
    return new SpringApplicationBuilder(PaperboyApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--paperboy.store.data-dir=" + dataDir,
            "--paperboy.demo.enabled=" + demo,
            "--paperboy.demo.corpus=" + SAMPLE,
            "--logging.level.root=WARN");
  }
}
