package dev.paperboy.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperboy.ingest.OaiPagesForTests;
import dev.paperboy.support.ArxivStub;
import dev.paperboy.support.ArxivStub.Reply;
import dev.paperboy.support.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/reliability.md ING-4 with real crashes, on SQLite and on PostgreSQL: a harvesting JVM is
 * killed (SIGKILL) after page 2 of 5 has committed, while it waits for page 3; the restarted
 * harvest asks for page 3 by its token and is killed again while it parses and writes page 4 (1,000
 * records a page; the moment is random). After each kill the checkpoint is exactly as far as the
 * stored records, never ahead; the third run ends the list with every record stored once. Slow
 * (real politeness waits): {@code -Pslow}.
 */
@Tag("slow")
class HarvestCrashTest {
  private static final int PAGE = 1_000;
  private static final int PAGES = 5;

  @TempDir Path dataDir;

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aHarvestKilledBetweenAndDuringPagesResumesAtItsTokenAndStoresEveryRecordOnce(String engine)
      throws Exception {
    List<String> store = Stores.options(engine, dataDir);
    List<String> records = OaiPagesForTests.records(PAGE * PAGES);
    try (ArxivStub stub = new ArxivStub()) {
      stub.then(page(records, 1), page(records, 2), page(records, 3).delayed(60_000));
      Process first = harvest(stub, store);
      await().atMost(Duration.ofSeconds(60)).until(() -> stub.requests().size() == 3);
      first.destroyForcibly().waitFor();

      assertThat(Stores.firstValue(store, "SELECT token FROM harvests")).isEqualTo("t2");
      assertCheckpointMatchesTheStore(store);

      stub.reset();
      stub.then(page(records, 3), page(records, 4), page(records, 5).delayed(60_000));
      Process second = harvest(stub, store);
      await().atMost(Duration.ofSeconds(60)).until(() -> stub.requests().size() == 2);
      // Page 4 is on its way in: parsed, then written in one transaction. Kill somewhere in it.
      Thread.sleep(new Random().nextInt(1_500));
      second.destroyForcibly().waitFor();

      assertThat(stub.requests().get(0)).isEqualTo("verb=ListRecords&resumptionToken=t2");
      String token = Stores.firstValue(store, "SELECT token FROM harvests");
      assertThat(token).isIn("t3", "t4");
      assertCheckpointMatchesTheStore(store);

      stub.reset();
      int next = token.equals("t3") ? 4 : 5;
      for (int p = next; p <= PAGES; p++) {
        stub.then(page(records, p));
      }
      Process third = harvest(stub, store);
      assertThat(third.waitFor()).isZero();

      assertThat(stub.requests().get(0)).isEqualTo("verb=ListRecords&resumptionToken=" + token);
      assertThat(count(store, "SELECT count(*) FROM papers")).isEqualTo(PAGE * PAGES);
      assertThat(count(store, "SELECT count(DISTINCT arxiv_id) FROM papers"))
          .isEqualTo(PAGE * PAGES);
      assertThat(count(store, "SELECT count(*) FROM harvests WHERE state = 'DONE'")).isEqualTo(1);
      if (engine.equals("sqlite")) {
        assertThat(Stores.firstValue(store, "PRAGMA integrity_check")).isEqualTo("ok");
      }
    }
  }

  /** Page {@code n} of five; its token names it, the last has none. */
  private static Reply page(List<String> records, int n) {
    return Reply.xml(
        OaiPagesForTests.page(
            records.subList((n - 1) * PAGE, n * PAGE), n == PAGES ? "" : "t" + n, PAGE * PAGES));
  }

  /** The records stored are exactly the pages the checkpoint counts: never fewer, never more. */
  private static void assertCheckpointMatchesTheStore(List<String> store) throws Exception {
    long pages = count(store, "SELECT pages FROM harvests");
    assertThat(count(store, "SELECT count(*) FROM papers")).isEqualTo(pages * PAGE);
    assertThat(Stores.firstValue(store, "SELECT token FROM harvests")).isEqualTo("t" + pages);
  }

  private Process harvest(ArxivStub stub, List<String> store) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : store) {
      command.add("-D" + option.substring(2));
    }
    command.add("-Dpaperboy.arxiv.oai-base-url=" + stub.baseUrl());
    // The killed JVM's gate lease (connect + read timeout + interval) must run out before the
    // restarted one may ask: short timeouts keep that wait short.
    command.add("-Dpaperboy.arxiv.connect-timeout=PT2S");
    command.add("-Dpaperboy.arxiv.read-timeout=PT5S");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.paperboy.cli.Main");
    command.addAll(
        List.of("harvest", "--set", "cs", "--no-progress", "--data-dir", dataDir.toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("harvest-" + System.nanoTime() + ".log").toFile())
        .start();
  }

  private static long count(List<String> store, String sql) throws Exception {
    return Long.parseLong(Stores.firstValue(store, sql));
  }
}
