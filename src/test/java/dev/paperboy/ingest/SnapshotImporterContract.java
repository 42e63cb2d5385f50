package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.Tables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The snapshot importer against a real store; run on SQLite and on PostgreSQL. */
abstract class SnapshotImporterContract {
  @Autowired SnapshotImporter importer;
  @Autowired Papers papers;
  @Autowired JdbcClient jdbc;
  @Autowired ImportCheckpoints checkpoints;
  @Autowired TransactionTemplate transaction;

  @BeforeEach
  void emptyStore() {
    Tables.clean(jdbc);
  }

  @Test
  void importsTheRealSampleAndASecondRunChangesNothing() throws IOException {
    byte[] sample = sample();

    ImportSummary first =
        importer.importStream(new ByteArrayInputStream(sample), false, ImportProgress.NONE);
    ImportSummary second =
        importer.importStream(new ByteArrayInputStream(gzip(sample)), false, ImportProgress.NONE);

    assertThat(first.read()).isEqualTo(250);
    assertThat(first.added()).isEqualTo(250);
    assertThat(first.rejected()).isZero();
    assertThat(second.read()).isEqualTo(250);
    assertThat(second.added()).isZero();
    assertThat(second.updated()).isZero();
    assertThat(second.unchanged()).isEqualTo(250);
    assertThat(papers.count()).isEqualTo(250);
  }

  @Test
  void badLinesAreReportedByNumberAndTheRestImports() throws IOException {
    List<String> good = SnapshotAdapterTest.sampleLines();
    String text =
        String.join(
            "\n",
            good.get(0), // line 1
            "{\"id\": \"2401.00001\", \"title\": ", // 2: broken JSON
            "{\"title\": \"no id\", \"versions\": []}", // 3: missing id
            good.get(1).replace("\"0704.0002\"", "\"not-an-id\""), // 4: invalid id
            "{\"id\": \"2401.00002\", \"x\": \"" + "a".repeat(2 << 20) + "\"}", // 5: oversized
            "[".repeat(100_000), // 6: nesting bomb
            "", // 7: blank, skipped silently
            good.get(2), // 8
            "\u00ff\u00fe garbage" // 9
            );

    ImportSummary summary =
        importer.importStream(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            false,
            ImportProgress.NONE);

    assertThat(summary.added()).isEqualTo(2);
    assertThat(summary.rejected()).isEqualTo(6);
    assertThat(summary.problems())
        .extracting(ImportProblem::line)
        .containsExactly(2L, 3L, 4L, 5L, 6L, 9L);
    assertThat(summary.problems().get(0).reason()).startsWith("broken JSON");
    assertThat(summary.problems().get(1).reason()).isEqualTo("missing id");
    assertThat(summary.problems().get(2).reason()).startsWith("invalid id");
    assertThat(summary.problems().get(3).reason()).startsWith("line longer than");
    assertThat(summary.problems().get(4).reason()).startsWith("broken JSON");
    assertThat(papers.findAll(List.of(ArxivId.parse("0704.0001"), ArxivId.parse("0704.0003"))))
        .hasSize(2);
  }

  /**
   * ING-2: an import that stops midway (here its reader fails once 6,144 lines are read, after the
   * first batch of 5,000 is stored) leaves a checkpoint at the last stored line, never past it; the
   * next import of the same file starts after that line and reads nothing twice.
   */
  @Test
  void anImportStoppedMidFileResumesAfterItsLastStoredLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("snapshot.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      SnapshotLines.write(out, 12_000);
    }
    ImportProgress stopping =
        (bytes, records) -> {
          if (records >= 6_144) {
            throw new IllegalStateException("stopped");
          }
        };

    assertThatThrownBy(() -> importer.importFile(file, false, stopping)).hasMessage("stopped");
    long checkpoint = jdbc.sql("SELECT last_line FROM snapshot_imports").query(Long.class).single();
    assertThat(checkpoint).isEqualTo(5_000);
    assertThat(papers.count()).isEqualTo(checkpoint);

    ImportSummary resumed = importer.importFile(file, false, ImportProgress.NONE);
    assertThat(resumed.resumedAfterLine()).isEqualTo(5_000);
    assertThat(resumed.read()).isEqualTo(7_000);
    assertThat(resumed.added()).isEqualTo(7_000);
    assertThat(resumed.unchanged()).isZero();
    assertThat(resumed.describe()).contains("resumed after line 5,000");
    assertThat(papers.count()).isEqualTo(12_000);

    // Finished: importing the file again reads it whole, and changes nothing.
    ImportSummary again = importer.importFile(file, false, ImportProgress.NONE);
    assertThat(again.resumedAfterLine()).isZero();
    assertThat(again.unchanged()).isEqualTo(12_000);
  }

  @Test
  void aTruncatedGzipKeepsWhatCameBeforeAndHarmsNothingStored() throws IOException {
    importer.importStream(new ByteArrayInputStream(sample()), false, ImportProgress.NONE);
    Paper before = papers.find(ArxivId.parse("0704.0001")).orElseThrow();
    byte[] gz = gzip(sample());
    byte[] truncated = Arrays.copyOf(gz, gz.length / 2);

    ImportSummary summary =
        importer.importStream(new ByteArrayInputStream(truncated), false, ImportProgress.NONE);

    assertThat(summary.aborted()).contains("ends early");
    assertThat(summary.read()).isGreaterThan(0).isLessThan(250);
    assertThat(summary.added() + summary.updated()).isZero();
    assertThat(papers.count()).isEqualTo(250);
    assertThat(papers.find(before.id())).contains(before);
  }

  @Test
  void readsTheFirstFileOfAZipAsKaggleShipsItAndSaysWhenThereIsMore() throws IOException {
    byte[] sample = sample();
    ImportSummary one =
        importer.importStream(
            new ByteArrayInputStream(zip(Map.of("arxiv-metadata-oai-snapshot.json", sample))),
            false,
            ImportProgress.NONE);
    assertThat(one.added()).isEqualTo(250);
    assertThat(one.problems()).isEmpty();

    Map<String, byte[]> two = new LinkedHashMap<>();
    two.put("a.json", sample);
    two.put("b.json", "{}".getBytes(StandardCharsets.UTF_8));
    ImportSummary more =
        importer.importStream(new ByteArrayInputStream(zip(two)), false, ImportProgress.NONE);
    assertThat(more.unchanged()).isEqualTo(250);
    assertThat(more.problems())
        .extracting(ImportProblem::reason)
        .containsExactly("the zip holds more files; only the first was read (b.json)");
    assertThat(papers.count()).isEqualTo(250);
  }

  /** ING-2: a decompression bomb stops at the cap; the whole records before it are kept. */
  @Test
  void aFileThatDecompressesPastTheCapStopsThereAndKeepsWhatCameBefore() throws IOException {
    List<String> lines = SnapshotAdapterTest.sampleLines();
    byte[] bomb =
        gzip(
            (lines.get(0) + "\n" + lines.get(1) + "\n" + " ".repeat(5_000_000))
                .getBytes(StandardCharsets.UTF_8));
    assertThat(bomb.length).as("small on disk").isLessThan(20_000);
    SnapshotImporter capped =
        new SnapshotImporter(
            papers, checkpoints, transaction, new IngestSettings(5_000, 1 << 20, 32, 1 << 20));

    ImportSummary summary =
        capped.importStream(new ByteArrayInputStream(bomb), false, ImportProgress.NONE);

    assertThat(summary.aborted()).contains("decompresses to more than 1048576 bytes");
    assertThat(summary.added()).isEqualTo(2);
    assertThat(papers.count()).isEqualTo(2);
  }

  private static byte[] zip(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void aDryRunChecksEveryLineAndStoresNothing() throws IOException {
    ImportSummary summary =
        importer.importStream(new ByteArrayInputStream(sample()), true, ImportProgress.NONE);

    assertThat(summary.read()).isEqualTo(250);
    assertThat(summary.rejected()).isZero();
    assertThat(summary.describe()).contains("dry run");
    assertThat(papers.count()).isZero();
  }

  static byte[] sample() throws IOException {
    try (InputStream in =
        SnapshotImporterContract.class.getResourceAsStream(
            "/arxiv-snapshot/kaggle-format-sample-250.jsonl")) {
      return in.readAllBytes();
    }
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
