package dev.paperboy.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.ingest.arxiv.SnapshotAdapter;
import dev.paperboy.ingest.arxiv.SnapshotRecord;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import dev.paperboy.support.Node;
import dev.paperboy.support.Stores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full-size path of docs/benchmarks.md "The whole of arXiv on one machine", end to end at
 * 200,000 records made from the demo corpus: the generator's file is valid and the same for the
 * same seed; {@code import}, {@code reindex} and {@code serve} take it on SQLite, and a generated
 * paper is found by its title and served by its id. Slow: {@code -Pslow}.
 */
@Tag("slow")
class FullSizePathTest {
  private static final int RECORDS = 200_000;
  private static final Pattern YYMM = Pattern.compile("(?:^|/)(\\d{2})(\\d{2})");

  @TempDir Path dir;

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theSameSeedWritesTheSameFileAndAnotherSeedAnother() throws Exception {
    Path source = demoCorpus();
    FullSizeCorpus generator = new FullSizeCorpus();
    String once = generator.write(source, dir.resolve("a.gz"), 30_000, 7).sha256();
    String again = generator.write(source, dir.resolve("b.gz"), 30_000, 7).sha256();
    String other = generator.write(source, dir.resolve("c.gz"), 30_000, 8).sha256();

    assertThat(again).isEqualTo(once);
    assertThat(other).isNotEqualTo(once);
  }

  @Test
  void aSourceLargerThanTheSizeAskedIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path out = dir.resolve("small.gz");
    Files.writeString(out, "kept");

    assertThatThrownBy(() -> new FullSizeCorpus().write(demoCorpus(), out, 1_000, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the source already holds 10,133 records, more than the 1,000 asked for");
    assertThat(out).hasContent("kept");
  }

  @Test
  void twoHundredThousandRecordsImportIndexAndServe() throws Exception {
    Path file = dir.resolve("arxiv-200k.jsonl.gz");
    FullSizeCorpus.Written written = new FullSizeCorpus().write(demoCorpus(), file, RECORDS, 2026);
    assertThat(written.records()).isEqualTo(RECORDS);
    assertThat(written.copied()).isEqualTo(10_133);

    List<SnapshotRecord> generated = checkEveryRecord(file);

    Path data = dir.resolve("node");
    List<String> store = Stores.options("sqlite", data);
    String imported =
        run(store, "import", "--no-progress", "--data-dir", data.toString(), file.toString());
    assertThat(imported).contains("read 200,000, new 200,000").contains("rejected 0");
    run(store, "reindex", "--no-progress", "--data-dir", data.toString());

    SnapshotRecord oldStyle =
        generated.stream().filter(r -> r.id().contains("/")).findFirst().orElseThrow();
    SnapshotRecord recent = generated.get(generated.size() - 1);
    try (Node node =
        Node.start(
            "node", store, dir, "paperboy.demo.enabled=false", "paperboy.arxiv.scheduled=false")) {
      node.awaitReady(Duration.ofMinutes(3));
      for (SnapshotRecord paper : List.of(oldStyle, recent)) {
        String title = SnapshotAdapter.toPaper(paper).title();
        String found =
            get(
                node,
                "/api/papers/search?mode=lexical&limit=5&q="
                    + URLEncoder.encode(title, StandardCharsets.UTF_8));
        assertThat(found).as("a search for %s", title).contains("\"id\":\"" + paper.id() + "\"");
        assertThat(get(node, "/papers/" + paper.id())).contains(paper.id());
      }
      assertThat(
              get(
                  node,
                  "/api/papers/search?q="
                      + URLEncoder.encode(oldStyle.id(), StandardCharsets.UTF_8)))
          .contains("\"id\":\"" + oldStyle.id() + "\"");
    }
  }

  /**
   * Every line maps to a paper (the importer's own mapping), no id twice, the first version inside
   * its id's month, later versions after it and the update date on or after the last; returns the
   * generated records (those after the copied source).
   */
  private List<SnapshotRecord> checkEveryRecord(Path file) throws Exception {
    Set<String> ids = new HashSet<>();
    List<SnapshotRecord> generated = new ArrayList<>();
    int line = 0;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String text = lines.readLine(); text != null; text = lines.readLine(), line++) {
        SnapshotRecord record = json.readValue(text, SnapshotRecord.class);
        Paper paper = SnapshotAdapter.toPaper(record);
        assertThat(ids.add(record.id())).as("%s only once", record.id()).isTrue();
        if (line < 10_133) {
          continue;
        }
        generated.add(record);
        List<PaperVersion> versions = paper.versions();
        assertThat(YearMonth.from(versions.get(0).createdAt().atZone(ZoneOffset.UTC)))
            .as(record.id())
            .isEqualTo(monthOf(record.id()));
        for (int i = 1; i < versions.size(); i++) {
          assertThat(versions.get(i).createdAt()).isAfter(versions.get(i - 1).createdAt());
          assertThat(versions.get(i).number()).isEqualTo(i + 1);
        }
        LocalDate lastVersion =
            LocalDate.ofInstant(versions.get(versions.size() - 1).createdAt(), ZoneOffset.UTC);
        assertThat(paper.metadataDate()).isAfterOrEqualTo(lastVersion);
      }
    }
    assertThat(line).isEqualTo(RECORDS);
    // The generated papers span arXiv's months, in each era's form of id.
    assertThat(generated.get(0).id()).matches("[a-z-]+/9108\\d{3}");
    assertThat(generated).anyMatch(r -> r.id().matches("1\\d{3}\\.\\d{4}"));
    assertThat(generated.get(generated.size() - 1).id()).matches("2611\\.\\d{5}");
    return generated;
  }

  /**
   * The month an arXiv id names: YYMM, after the archive's slash in the old form; 91–99 are 1990s.
   */
  private static YearMonth monthOf(String id) {
    Matcher yymm = YYMM.matcher(id);
    assertThat(yymm.find()).as(id).isTrue();
    int yy = Integer.parseInt(yymm.group(1));
    return YearMonth.of(yy >= 91 ? 1900 + yy : 2000 + yy, Integer.parseInt(yymm.group(2)));
  }

  private String run(List<String> store, String... args) throws Exception {
    List<String> command = Node.java(store);
    command.addAll(List.of(args));
    Path log = dir.resolve(args[0] + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(args[0] + " ended").isTrue();
    String said = Files.readString(log);
    assertThat(process.exitValue()).as(said).isZero();
    return said;
  }

  private static String get(Node node, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(node.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private static Path demoCorpus() throws Exception {
    return Path.of(FullSizePathTest.class.getResource("/demo/arxiv-demo-corpus.jsonl.gz").toURI());
  }
}
