package dev.paperboy.paper;

import static dev.paperboy.support.TestPapers.aPaper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The paper store's behaviour, run on SQLite and on PostgreSQL by the subclasses. */
abstract class PapersContract {
  @Autowired Papers papers;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void emptyStore() {
    Tables.clean(jdbc);
  }

  @Test
  void storesAPaperWithAllItsFields() {
    Paper paper = aPaper("2401.00001").versions(2).journalRef("J. Tests 1 (2024)").build();

    assertThat(papers.upsertAll(List.of(paper))).containsExactly(UpsertOutcome.NEW);

    assertThat(papers.find(ArxivId.parse("arXiv:2401.00001v1"))).contains(paper);
    assertThat(papers.count()).isEqualTo(1);
  }

  @Test
  void storingTheSameRecordTwiceChangesNothing() {
    Paper paper = aPaper("2401.00002").build();
    papers.upsertAll(List.of(paper));
    String changedAt = changedAt("2401.00002");

    assertThat(papers.upsertAll(List.of(paper))).containsExactly(UpsertOutcome.UNCHANGED);

    assertThat(changedAt("2401.00002")).isEqualTo(changedAt);
    assertThat(papers.find(paper.id())).contains(paper);
  }

  @Test
  void aNewerVersionUpdatesThePaperAndKeepsItsHistory() {
    papers.upsertAll(List.of(aPaper("2401.00003").versions(1).title("First title").build()));

    Paper v2 = aPaper("2401.00003").versions(2).title("Second title").build();
    assertThat(papers.upsertAll(List.of(v2))).containsExactly(UpsertOutcome.UPDATED);

    Paper stored = papers.find(v2.id()).orElseThrow();
    assertThat(stored.title()).isEqualTo("Second title");
    assertThat(stored.versions()).extracting(PaperVersion::number).containsExactly(1, 2);
  }

  @Test
  void anOlderVersionNeverOverwritesANewerOne() {
    Paper v3 = aPaper("2401.00004").versions(3).title("Latest").build();
    papers.upsertAll(List.of(v3));

    List<UpsertOutcome> outcomes =
        papers.upsertAll(List.of(aPaper("2401.00004").versions(1).title("Stale").build()));

    assertThat(outcomes).containsExactly(UpsertOutcome.OLDER);
    assertThat(papers.find(v3.id())).contains(v3);
  }

  @Test
  void aMetadataCorrectionWithoutNewVersionUpdates() {
    papers.upsertAll(List.of(aPaper("2401.00005").metadataDate(LocalDate.of(2024, 1, 10)).build()));
    Paper corrected =
        aPaper("2401.00005")
            .metadataDate(LocalDate.of(2024, 6, 1))
            .journalRef("Phys. Rev. X 1 (2024)")
            .build();

    assertThat(papers.upsertAll(List.of(corrected))).containsExactly(UpsertOutcome.UPDATED);
    assertThat(papers.find(corrected.id()).orElseThrow().journalRef())
        .isEqualTo("Phys. Rev. X 1 (2024)");
  }

  @Test
  void aBatchWithTheSamePaperSeveralTimesEndsAtItsNewestRecord() {
    Paper v1 = aPaper("2401.00006").versions(1).build();
    Paper v2 = aPaper("2401.00006").versions(2).title("v2").build();

    assertThat(papers.upsertAll(List.of(v1, v2, v1)))
        .containsExactly(UpsertOutcome.NEW, UpsertOutcome.UPDATED, UpsertOutcome.OLDER);

    assertThat(papers.find(v1.id())).contains(v2);
    assertThat(Tables.count(jdbc, "paper_versions")).isEqualTo(2);
  }

  @Test
  void oldStyleIdsAndUnicodeAuthorsRoundTrip() {
    Paper paper =
        aPaper("hep-th/9901001").authors(List.of("Patrick Forré", "Юрий Гагарин", "李 雷")).build();
    papers.upsertAll(List.of(paper));

    assertThat(papers.find(ArxivId.parse("hep-th/9901001v2"))).contains(paper);
  }

  @Test
  void newestListsByFirstVersionDateNewestFirst() {
    papers.upsertAll(
        List.of(aPaper("2401.00007").build(), aPaper("2401.00008").versions(3).build()));

    assertThat(papers.newest(0, 10))
        .extracting(p -> p.id().base())
        .containsExactly("2401.00008", "2401.00007");
    assertThat(papers.newest(1, 10)).hasSize(1);
  }

  @Test
  void findAllSkipsUnknownIds() {
    papers.upsertAll(List.of(aPaper("2401.00009").build()));

    assertThat(papers.findAll(List.of(ArxivId.parse("2401.00009"), ArxivId.parse("2401.99999"))))
        .containsOnlyKeys("2401.00009");
  }

  /**
   * docs/reliability.md ING-5: any permutation of a record stream, with records repeated, ends in
   * the state the canonical (oldest-first) order reaches.
   */
  @Test
  void replayingRecordsInAnyOrderEndsInTheSameState() {
    List<Paper> stream = new ArrayList<>();
    for (int p = 1; p <= 4; p++) {
      String id = "2403.0000" + p;
      for (int v = 1; v <= 3; v++) {
        stream.add(aPaper(id).versions(v).title(id + " v" + v).build());
        stream.add(
            aPaper(id)
                .versions(v)
                .title(id + " v" + v + " corrected")
                .metadataDate(LocalDate.of(2024, 2, v))
                .build());
      }
    }
    papers.upsertAll(stream);
    Map<String, Paper> canonical = snapshot();

    dev.paperboy.support.Generated.cases(
            12,
            random -> {
              List<Paper> shuffled = new ArrayList<>(stream);
              shuffled.addAll(stream.subList(0, random.nextInt(stream.size())));
              Collections.shuffle(shuffled, new Random(random.nextLong()));
              return shuffled;
            })
        .forEach(
            shuffled -> {
              Tables.clean(jdbc);
              // In several batches, as an import or a harvest would deliver them.
              for (int from = 0; from < shuffled.size(); from += 5) {
                papers.upsertAll(shuffled.subList(from, Math.min(shuffled.size(), from + 5)));
              }
              assertThat(snapshot()).isEqualTo(canonical);
            });
  }

  private Map<String, Paper> snapshot() {
    return papers.findAll(
        List.of("2403.00001", "2403.00002", "2403.00003", "2403.00004").stream()
            .map(ArxivId::parse)
            .toList());
  }

  private String changedAt(String id) {
    return jdbc.sql("SELECT changed_at FROM papers WHERE arxiv_id = :id")
        .param("id", id)
        .query((rs, n) -> rs.getObject(1).toString())
        .single();
  }
}
