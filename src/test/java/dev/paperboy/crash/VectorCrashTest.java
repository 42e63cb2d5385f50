package dev.paperboy.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperboy.ingest.ImportProgress;
import dev.paperboy.ingest.SnapshotImporter;
import dev.paperboy.support.Node;
import dev.paperboy.support.Stores;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The vectors job killed (SIGKILL) while it embeds, on both engines: the restarted node goes on
 * from the last committed batch, every paper ends with one vector, and no vector stored before the
 * kill is computed again (its computed_at is unchanged), once the killed node's lease ran out. Slow
 * (two JVMs, the real model): {@code -Pslow}.
 */
@Tag("slow")
class VectorCrashTest {
  private static final String[] SETTINGS = {
    "paperboy.demo.enabled=false",
    "paperboy.arxiv.scheduled=false",
    "paperboy.digest.scheduled=false",
    "paperboy.backup.scheduled=false",
    "paperboy.vectors.enabled=true",
    "paperboy.vectors.interval=PT1S",
    "paperboy.vectors.batch=8",
    "paperboy.vectors.settle=PT0S"
  };

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aKilledVectorsJobResumesFromItsLastBatchAndComputesNoVectorTwice(String engine)
      throws Exception {
    List<String> store = Stores.options(engine, dir.resolve("store"));
    try (ConfigurableApplicationContext context = Stores.context(store)) {
      try (InputStream sample =
          getClass().getResourceAsStream("/arxiv-snapshot/kaggle-format-sample-250.jsonl")) {
        context.getBean(SnapshotImporter.class).importStream(sample, false, ImportProgress.NONE);
      }
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      long papers = count(jdbc, "SELECT count(*) FROM papers WHERE deleted_at IS NULL");

      Process first = serve(store, "first");
      try {
        await()
            .atMost(Duration.ofMinutes(3))
            .until(() -> count(jdbc, "SELECT count(*) FROM paper_vectors") >= 40);
      } catch (ConditionTimeoutException e) {
        throw new AssertionError(Files.readString(dir.resolve("first.log")), e);
      } finally {
        first.destroyForcibly().waitFor();
      }
      Map<String, String> beforeKill = computedAt(jdbc);
      assertThat(beforeKill).hasSizeLessThan((int) papers);

      // The killed node's lease (a minute) runs out before the second takes the job.
      Process second = serve(store, "second");
      try {
        await()
            .atMost(Duration.ofMinutes(4))
            .until(() -> count(jdbc, "SELECT count(*) FROM paper_vectors") == papers);
      } finally {
        second.destroyForcibly().waitFor();
      }

      Map<String, String> after = computedAt(jdbc);
      assertThat(after).hasSize((int) papers);
      assertThat(
              count(
                  jdbc,
                  "SELECT count(*) FROM papers p WHERE deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM paper_vectors v WHERE v.arxiv_id = p.arxiv_id)"))
          .isZero();
      beforeKill.forEach((id, at) -> assertThat(after.get(id)).as(id).isEqualTo(at));
    }
  }

  /** {@code serve} on the store (SQLite: in its data directory), logging to a file of its own. */
  private Process serve(List<String> store, String name) throws Exception {
    List<String> command = Node.java(store, SETTINGS);
    command.addAll(List.of("serve", "--port", "0", "--data-dir", dir.resolve("store").toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile())
        .start();
  }

  private static Map<String, String> computedAt(JdbcClient jdbc) {
    Map<String, String> at = new HashMap<>();
    jdbc.sql("SELECT arxiv_id, computed_at FROM paper_vectors")
        .query(
            rs -> {
              at.put(rs.getString(1), rs.getString(2));
            });
    return at;
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
