package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.ingest.arxiv.InvalidRecord;
import dev.paperboy.ingest.arxiv.SnapshotAdapter;
import dev.paperboy.ingest.arxiv.SnapshotRecord;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The adapter on real records of the Kaggle snapshot sample (src/test/resources). */
class SnapshotAdapterTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void mapsTheFirstRecordOfTheRealSnapshot() throws IOException {
    Paper paper = SnapshotAdapter.toPaper(record(0));

    assertThat(paper.id().base()).isEqualTo("0704.0001");
    assertThat(paper.title())
        .isEqualTo(
            "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
    assertThat(paper.authors())
        .containsExactly("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan");
    assertThat(paper.categories()).containsExactly("hep-ph");
    assertThat(paper.journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
    assertThat(paper.doi()).isEqualTo("10.1103/PhysRevD.76.013009");
    assertThat(paper.reportNo()).isEqualTo("ANL-HEP-PR-07-12");
    assertThat(paper.submitter()).isEqualTo("Pavel Nadolsky");
    assertThat(paper.versions())
        .containsExactly(
            new PaperVersion(1, Instant.parse("2007-04-02T19:18:42Z")),
            new PaperVersion(2, Instant.parse("2007-07-24T20:10:27Z")));
    assertThat(paper.metadataDate()).isEqualTo(LocalDate.of(2008, 11, 26));
    assertThat(paper.abstractText())
        .startsWith(
            "A fully differential calculation in perturbative quantum chromodynamics is presented")
        .doesNotContain("\n  ");
  }

  @Test
  void everyRecordOfTheSampleMaps() throws IOException {
    List<String> lines = sampleLines();
    for (int i = 0; i < lines.size(); i++) {
      Paper paper = SnapshotAdapter.toPaper(JSON.readValue(lines.get(i), SnapshotRecord.class));
      assertThat(paper.title()).as("line %d", i + 1).doesNotContain("\n").isNotBlank();
      assertThat(paper.versions()).as("line %d", i + 1).isNotEmpty();
    }
    assertThat(lines).hasSize(250);
  }

  @Test
  void fallsBackToTheAuthorsStringWithoutParsedNames() {
    SnapshotRecord record =
        new SnapshotRecord(
            "2401.00001",
            null,
            "A. One, B. Two and C. Three",
            "T",
            null,
            null,
            null,
            null,
            "cs.LG",
            null,
            "x",
            List.of(new SnapshotRecord.Version("v1", "Mon, 1 Jan 2024 00:00:00 GMT")),
            null,
            null);

    assertThat(SnapshotAdapter.toPaper(record).authors())
        .containsExactly("A. One", "B. Two", "C. Three");
  }

  @Test
  void refusesRecordsWithoutIdTitleOrVersionsAndSaysWhy() {
    List<SnapshotRecord.Version> v1 =
        List.of(new SnapshotRecord.Version("v1", "Mon, 1 Jan 2024 00:00:00 GMT"));
    assertThatThrownBy(() -> SnapshotAdapter.toPaper(recordWith(null, "T", v1)))
        .isInstanceOf(InvalidRecord.class)
        .hasMessage("missing id");
    assertThatThrownBy(() -> SnapshotAdapter.toPaper(recordWith("12345", "T", v1)))
        .hasMessageStartingWith("invalid id");
    assertThatThrownBy(() -> SnapshotAdapter.toPaper(recordWith("2401.00001v2", "T", v1)))
        .hasMessageContaining("carries a version");
    assertThatThrownBy(() -> SnapshotAdapter.toPaper(recordWith("2401.00001", " ", v1)))
        .hasMessage("missing title");
    assertThatThrownBy(() -> SnapshotAdapter.toPaper(recordWith("2401.00001", "T", List.of())))
        .hasMessage("no versions");
    assertThatThrownBy(
            () ->
                SnapshotAdapter.toPaper(
                    recordWith(
                        "2401.00001", "T", List.of(new SnapshotRecord.Version("v1", "yesterday")))))
        .hasMessageContaining("RFC 1123");
  }

  private static SnapshotRecord recordWith(
      String id, String title, List<SnapshotRecord.Version> versions) {
    return new SnapshotRecord(
        id, null, "A. One", title, null, null, null, null, "cs.LG", null, "x", versions, null,
        null);
  }

  private static SnapshotRecord record(int index) throws IOException {
    return JSON.readValue(sampleLines().get(index), SnapshotRecord.class);
  }

  static List<String> sampleLines() throws IOException {
    try (InputStream in =
        SnapshotAdapterTest.class.getResourceAsStream(
            "/arxiv-snapshot/kaggle-format-sample-250.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
