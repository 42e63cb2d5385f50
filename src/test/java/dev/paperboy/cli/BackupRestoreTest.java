package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.store.Backups;
import dev.paperboy.store.StoreSettings;
import dev.paperboy.support.Stores;
import dev.paperboy.support.TestPapers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/**
 * The restore drill of docs/reliability.md DATA-3, through the commands an operator runs: a backup
 * taken while papers are being written restores into an empty store with the same tables, row for
 * row; the restored store starts and searches; a backup with one flipped byte, or a store that is
 * not empty, is refused with a clear message and nothing written.
 */
class BackupRestoreTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void clearProperties() {
    clear();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aBackupTakenDuringWritesRestoresRowForRowAndACorruptOneIsRefused(String engine)
      throws Exception {
    List<String> source = Stores.options(engine, dir.resolve("source"));
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    Path backup = dir.resolve("paperboy.backup");
    Backups.Tables before;
    long papersBefore;
    try (ConfigurableApplicationContext context = Stores.context(source)) {
      Papers papers = context.getBean(Papers.class);
      for (int i = 0; i < 200; i++) {
        write(papers, i, acknowledged);
      }
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 200; writing.get(); i++) {
                  write(papers, i, acknowledged);
                }
              });
      await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 250);
      List<String> ackedBeforeBackup = List.copyOf(acknowledged);
      useStore(source);
      int code = run("backup", "--to", backup.toString(), "--data-dir", dataDir(source));
      writing.set(false);
      writer.join();
      assertThat(code).as(err.toString()).isZero();
      assertThat(out.toString()).contains("backup: " + backup).contains("database sha256");

      before = new Backups(context.getBean(StoreSettings.class), Clock.systemUTC()).tables();
      papersBefore = papers.count();
      // The target: an empty data directory, or a new PostgreSQL database.
      List<String> target = Stores.options(engine, dir.resolve("target"));
      useStore(target);
      out.getBuffer().setLength(0);
      assertThat(run("restore", "--from", backup.toString(), "--data-dir", dataDir(target)))
          .as(err.toString())
          .isZero();
      assertThat(out.toString()).contains("restored and checked");

      try (ConfigurableApplicationContext restored = Stores.context(target)) {
        JdbcClient jdbc = restored.getBean(JdbcClient.class);
        long restoredPapers = restored.getBean(Papers.class).count();
        // A snapshot from during the writes: every paper acknowledged before the backup began, and
        // none written after the writer stopped.
        assertThat(restoredPapers).isBetween((long) ackedBeforeBackup.size(), papersBefore);
        for (String id : ackedBeforeBackup) {
          assertThat(restored.getBean(Papers.class).find(ArxivId.parse(id))).isPresent();
        }
        if (engine.equals("sqlite")) {
          assertThat(jdbc.sql("PRAGMA integrity_check").query(String.class).single())
              .isEqualTo("ok");
        }
        // The restored store is the backup's snapshot, table by table.
        Backups.Tables restoredTables =
            new Backups(restored.getBean(StoreSettings.class), Clock.systemUTC()).tables();
        assertThat(restoredTables.rows().keySet()).isEqualTo(before.rows().keySet());
        assertThat(restoredTables.rows().get("papers")).isEqualTo(restoredPapers);
        PaperSearch search = restored.getBean(PaperSearch.class);
        assertThat(search.rebuild(n -> {})).isEqualTo(restoredPapers);
        assertThat(search.search(SearchQuery.of("backup drill", 10)).total()).isPositive();
      }
      // A second restore of the same backup into a fresh store gives the same checksums.
      List<String> again = Stores.options(engine, dir.resolve("again"));
      useStore(again);
      assertThat(run("restore", "--from", backup.toString(), "--data-dir", dataDir(again)))
          .isZero();
      Backups.Tables first = tablesOf(target);
      assertThat(tablesOf(again)).isEqualTo(first);

      // Restoring over a store that holds data is refused, and the store keeps what it had.
      err.getBuffer().setLength(0);
      useStore(source);
      assertThat(run("restore", "--from", backup.toString(), "--data-dir", dataDir(source)))
          .isEqualTo(1);
      assertThat(err.toString()).contains("restore into");
      assertThat(tablesOf(source)).isEqualTo(before);
    }

    // One flipped byte anywhere in the file: refused, with nothing written to the target.
    byte[] bytes = Files.readAllBytes(backup);
    Random random = new Random(7);
    for (int position :
        List.of(3, bytes.length / 2, random.nextInt(bytes.length), bytes.length - 10)) {
      byte[] flipped = bytes.clone();
      flipped[position] ^= 0x01;
      Path corrupt = dir.resolve("corrupt-" + position + ".backup");
      Files.write(corrupt, flipped);
      List<String> target = Stores.options(engine, dir.resolve("corrupt-" + position));
      useStore(target);
      err.getBuffer().setLength(0);

      assertThat(run("restore", "--from", corrupt.toString(), "--data-dir", dataDir(target)))
          .isEqualTo(1);
      assertThat(err.toString()).contains("is corrupt and was not restored");
      assertThat(Path.of(dataDir(target)).resolve("paperboy.db")).doesNotExist();
      if (engine.equals("postgresql")) {
        assertThat(tablesOf(target).rows()).isEmpty();
      }
    }
  }

  private static void write(Papers papers, int i, List<String> acknowledged) {
    String id = String.format("2611.%05d", 10_000 + i);
    papers.upsertAll(
        List.of(
            TestPapers.recent(
                id,
                "Backup drill paper " + i,
                "A paper written while a backup runs, number " + i,
                Instant.parse("2026-11-20T00:00:00Z"))));
    acknowledged.add(id);
  }

  /** Points the commands run in process at a store, as the environment would. */
  private static void useStore(List<String> store) {
    clear();
    for (String option : store) {
      String[] pair = option.substring(2).split("=", 2);
      if (!pair[0].endsWith("data-dir")) {
        System.setProperty(pair[0], pair[1]);
      }
    }
  }

  private static void clear() {
    for (String key : List.of("url", "user", "password")) {
      System.clearProperty("paperboy.store." + key);
    }
  }

  private static String dataDir(List<String> store) {
    return store.get(0).substring("--paperboy.store.data-dir=".length());
  }

  /** The tables of a store, read without starting the application on it. */
  private static Backups.Tables tablesOf(List<String> store) {
    String url = null;
    String user = null;
    String password = null;
    for (String option : store) {
      String[] pair = option.substring(2).split("=", 2);
      switch (pair[0]) {
        case "paperboy.store.url" -> url = pair[1];
        case "paperboy.store.user" -> user = pair[1];
        case "paperboy.store.password" -> password = pair[1];
        default -> {}
      }
    }
    StoreSettings settings =
        new StoreSettings(Path.of(dataDir(store)), url, user, password, 1, 2, 10_000, 1 << 26);
    return new Backups(settings, Clock.systemUTC()).tables();
  }

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
