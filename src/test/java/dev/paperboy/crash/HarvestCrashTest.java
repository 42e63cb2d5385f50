package dev.paperboy.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperboy.ingest.OaiPagesForTests;
import dev.paperboy.support.ArxivStub;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/reliability.md ING-4 with a real crash: a harvesting JVM is killed (SIGKILL) after page 2
 * has committed, while it waits for page 3; the restarted harvest asks for page 3 by its token and
 * ends with every record stored exactly once. Slow (real politeness waits): {@code -Pslow}.
 */
@Tag("slow")
class HarvestCrashTest {
  @TempDir Path dataDir;

  @Test
  void aKilledHarvestResumesAtItsTokenAndStoresEveryRecordOnce() throws Exception {
    List<String> records = OaiPagesForTests.records();
    try (ArxivStub stub = new ArxivStub()) {
      stub.then(
          ArxivStub.Reply.xml(OaiPagesForTests.page(records.subList(0, 2), "t1", 6)),
          ArxivStub.Reply.xml(OaiPagesForTests.page(records.subList(2, 4), "t2", 6)),
          ArxivStub.Reply.xml(OaiPagesForTests.page(records.subList(4, 6), "", 6)).delayed(60_000));

      Process first = harvest(stub);
      await().atMost(Duration.ofSeconds(60)).until(() -> stub.requests().size() == 3);
      first.destroyForcibly().waitFor();

      assertThat(count("SELECT count(*) FROM papers")).isEqualTo(4);
      assertThat(first("SELECT token FROM harvests")).isEqualTo("t2");

      stub.reset();
      stub.then(ArxivStub.Reply.xml(OaiPagesForTests.page(records.subList(4, 6), "", 6)));
      Process second = harvest(stub);
      assertThat(second.waitFor()).isZero();

      assertThat(stub.requests()).containsExactly("verb=ListRecords&resumptionToken=t2");
      assertThat(count("SELECT count(*) FROM papers")).isEqualTo(6);
      assertThat(count("SELECT count(DISTINCT arxiv_id) FROM papers")).isEqualTo(6);
      assertThat(count("SELECT count(*) FROM harvests WHERE state = 'DONE'")).isEqualTo(1);
      assertThat(first("PRAGMA integrity_check")).isEqualTo("ok");
    }
  }

  private Process harvest(ArxivStub stub) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
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

  /** The first column of the first row of a query on the harvested store, read directly. */
  private String first(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private long count(String sql) throws Exception {
    return Long.parseLong(first(sql));
  }

  private String url() {
    return "jdbc:sqlite:" + dataDir.resolve("paperboy.db");
  }
}
