package dev.paperboy.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperboy.ingest.SnapshotLines;
import dev.paperboy.support.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/reliability.md ING-2 with a real crash: {@code paperboy import} of a gzip snapshot of 60,000
 * records is killed (SIGKILL) once some batches are stored; the checkpoint is never ahead of the
 * store, and the next import of the same file starts after it, reads no line twice and ends with
 * every record once. On SQLite and on PostgreSQL. Slow: {@code -Pslow}.
 */
@Tag("slow")
class ImportCrashTest {
  private static final int RECORDS = 60_000;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aKilledImportResumesAfterItsLastStoredLine(String engine) throws Exception {
    List<String> store = Stores.options(engine, dir.resolve("data"));
    Path file = dir.resolve("snapshot.jsonl.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      SnapshotLines.write(out, RECORDS);
    }

    Process first = importing(store, file, "first.log");
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> lastLine(store) >= 10_000);
    first.destroyForcibly().waitFor();

    long checkpoint = lastLine(store);
    assertThat(checkpoint).isLessThan(RECORDS);
    // Every line up to the checkpoint is a stored record: it is never ahead of the store.
    assertThat(count(store, "SELECT count(*) FROM papers")).isGreaterThanOrEqualTo(checkpoint);
    if (engine.equals("sqlite")) {
      assertThat(Stores.firstValue(store, "PRAGMA integrity_check")).isEqualTo("ok");
    }

    Process second = importing(store, file, "second.log");
    assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(second.exitValue()).isZero();
    String said = Files.readString(dir.resolve("second.log"));
    assertThat(said).contains("read %,d".formatted(RECORDS - checkpoint));
    assertThat(said).contains("resumed after line %,d".formatted(checkpoint));
    assertThat(count(store, "SELECT count(*) FROM papers")).isEqualTo(RECORDS);
    assertThat(Stores.firstValue(store, "SELECT state FROM snapshot_imports")).isEqualTo("DONE");
  }

  private Process importing(List<String> store, Path file, String log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : store) {
      command.add("-D" + option.substring(2));
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.paperboy.cli.Main");
    command.addAll(
        List.of("import", "--data-dir", dir.resolve("data").toString(), file.toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile())
        .start();
  }

  private static long lastLine(List<String> store) {
    try {
      String line = Stores.firstValue(store, "SELECT max(last_line) FROM snapshot_imports");
      return line == null ? 0 : Long.parseLong(line);
    } catch (Exception e) {
      return 0; // the first run has not made the table yet
    }
  }

  private static long count(List<String> store, String sql) throws Exception {
    return Long.parseLong(Stores.firstValue(store, sql));
  }
}
