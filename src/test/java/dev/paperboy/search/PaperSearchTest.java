package dev.paperboy.search;

import static dev.paperboy.support.TestPapers.aPaper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.ingest.ImportProgress;
import dev.paperboy.ingest.SnapshotImporter;
import dev.paperboy.ingest.arxiv.SnapshotAdapter;
import dev.paperboy.ingest.arxiv.SnapshotRecord;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.SqliteStore;
import dev.paperboy.support.Tables;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search over a fixed corpus (the 250-record snapshot sample): expected hits are computed from the
 * same records, independently of the index.
 */
@SqliteStore
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaperSearchTest {
  @Autowired PaperSearch search;
  @Autowired SnapshotImporter importer;
  @Autowired Papers papers;
  @Autowired JdbcClient jdbc;

  List<Paper> corpus;

  @BeforeAll
  void indexTheSample() throws Exception {
    Tables.clean(jdbc);
    byte[] sample;
    try (InputStream in =
        getClass().getResourceAsStream("/arxiv-snapshot/kaggle-format-sample-250.jsonl")) {
      sample = in.readAllBytes();
    }
    importer.importStream(new ByteArrayInputStream(sample), false, ImportProgress.NONE);
    JsonMapper json = JsonMapper.builder().build();
    corpus =
        new String(sample, StandardCharsets.UTF_8)
            .lines()
            .map(line -> SnapshotAdapter.toPaper(json.readValue(line, SnapshotRecord.class)))
            .toList();
    search.rebuild(done -> {});
  }

  @Test
  void everyPaperIsIndexed() {
    assertThat(search.state().documents()).isEqualTo(corpus.size());
    assertThat(search.state().rebuilding()).isFalse();
  }

  @Test
  void anExactArxivIdComesFirstInAnyForm() {
    for (String q : List.of("0704.0001", "arXiv:0704.0001v2", "https://arxiv.org/abs/0704.0001")) {
      assertThat(first(q)).as(q).isEqualTo("0704.0001");
    }
  }

  @Test
  void anExactTitleComesFirst() {
    Paper target = corpus.get(41);

    assertThat(first(target.title())).isEqualTo(target.id().base());
    assertThat(first(target.title().toUpperCase(Locale.ROOT))).isEqualTo(target.id().base());
  }

  @Test
  void authorAndCategoryFiltersFindExactlyThePapersThatMatch() {
    long byAuthor =
        corpus.stream()
            .filter(p -> p.authors().stream().anyMatch(a -> words(a).contains("nadolsky")))
            .count();
    long inCategory = corpus.stream().filter(p -> p.categories().contains("hep-ph")).count();
    long both =
        corpus.stream()
            .filter(p -> p.categories().contains("astro-ph"))
            .filter(p -> p.authors().stream().anyMatch(a -> words(a).contains("smith")))
            .count();

    assertThat(search.search(SearchQuery.of("author:Nadolsky", 100)).total())
        .isEqualTo(byAuthor)
        .isPositive();
    assertThat(search.search(SearchQuery.of("cat:hep-ph", 250)).total())
        .isEqualTo(inCategory)
        .isGreaterThan(20);
    assertThat(search.search(SearchQuery.of("author:smith cat:astro-ph", 250)).total())
        .isEqualTo(both);
  }

  @Test
  void phrasesAndPrefixesWork() {
    assertThat(ids(search.search(SearchQuery.of("\"prompt diphoton\"", 10)))).contains("0704.0001");
    assertThat(search.search(SearchQuery.of("diphot*", 10)).total()).isPositive();
  }

  @Test
  void newestSortsByFirstVersionDate() {
    List<String> newest =
        ids(search.search(new SearchQuery("", null, null, SearchQuery.Sort.NEWEST, 0, 3)));
    List<String> expected =
        corpus.stream()
            .sorted(Comparator.comparing(Paper::publishedAt).reversed())
            .limit(3)
            .map(p -> p.id().base())
            .toList();

    assertThat(newest).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void pagesDoNotOverlap() {
    List<String> all =
        ids(
            search.search(
                new SearchQuery("energy", null, null, SearchQuery.Sort.RELEVANCE, 0, 20)));
    List<String> first =
        ids(
            search.search(
                new SearchQuery("energy", null, null, SearchQuery.Sort.RELEVANCE, 0, 10)));
    List<String> second =
        ids(
            search.search(
                new SearchQuery("energy", null, null, SearchQuery.Sort.RELEVANCE, 10, 10)));

    assertThat(first).hasSize(10);
    assertThat(second).doesNotContainAnyElementsOf(first);
    assertThat(all).startsWith(first.toArray(String[]::new));
  }

  @Test
  void aMisspelledSearchSuggestsACorrection() {
    SearchResults results = search.search(SearchQuery.of("quantm gravty", 10));

    assertThat(results.total()).isZero();
    assertThat(results.didYouMean()).isEqualTo("quantum gravity");
  }

  @Test
  void highlightsAreEscapedHtmlWithMarks() {
    papers.upsertAll(
        List.of(
            aPaper("2401.00077")
                .title("Attacks with <script>alert(1)</script> & friends")
                .build()));
    search.catchUp();
    try {
      SearchHit hit = search.search(SearchQuery.of("friends", 5)).hits().get(0);

      assertThat(hit.id().base()).isEqualTo("2401.00077");
      assertThat(hit.titleHtml())
          .contains("<mark>friends</mark>")
          .contains("&lt;script&gt;")
          .doesNotContain("<script>");
    } finally {
      // Keep the fixed corpus fixed for the other tests: a deleted paper leaves the index.
      papers.markDeleted(ArxivId.parse("2401.00077"), Instant.now());
      search.catchUp();
    }
  }

  @Test
  void aDeletedPaperLeavesTheIndexAtTheNextCatchUp() {
    papers.upsertAll(List.of(aPaper("2401.00078").title("Ephemeral zebrafish results").build()));
    search.catchUp();
    assertThat(search.search(SearchQuery.of("zebrafish ephemeral", 5)).total()).isEqualTo(1);

    papers.markDeleted(ArxivId.parse("2401.00078"), Instant.now());
    search.catchUp();

    assertThat(search.search(SearchQuery.of("zebrafish ephemeral", 5)).total()).isZero();
  }

  @Test
  void reindexingTwiceGivesTheSameResults() {
    List<String> queries =
        List.of("energy", "quantum field", "author:smith", "cat:hep-th", "neutron star*");
    List<List<String>> before =
        queries.stream().map(q -> ids(search.search(SearchQuery.of(q, 10)))).toList();

    search.rebuild(done -> {});
    search.rebuild(done -> {});

    assertThat(queries.stream().map(q -> ids(search.search(SearchQuery.of(q, 10)))).toList())
        .isEqualTo(before);
  }

  /**
   * DATA-5: an index that followed a run of changes (new papers, a new version with another title,
   * a withdrawal) answers exactly as one rebuilt from the database afterwards.
   */
  @Test
  void anIndexThatFollowedTheChangesEqualsOneRebuiltFromTheDatabase() {
    papers.upsertAll(
        List.of(aPaper("2401.00090").title("Okapi migration in sparse forests").build()));
    search.catchUp();
    papers.upsertAll(
        List.of(
            aPaper("2401.00090")
                .title("Okapi migration in dense forests")
                .versions(2)
                .metadataDate(LocalDate.of(2026, 11, 1))
                .build(),
            aPaper("2401.00091").title("Okapi diets across seasons").build()));
    search.catchUp();
    papers.upsertAll(List.of(aPaper("2401.00092").title("A withdrawn okapi census").build()));
    search.catchUp();
    papers.markDeleted(ArxivId.parse("2401.00092"), Instant.now());
    search.catchUp();

    List<String> queries =
        List.of("okapi", "okapi sparse", "okapi dense forests", "census", "energy", "cat:hep-th");
    List<String> followed =
        queries.stream()
            .map(q -> search.search(SearchQuery.of(q, 20)))
            .map(r -> r.total() + " " + ids(r))
            .toList();
    assertThat(followed.get(0)).startsWith("2 ");
    assertThat(followed.get(2)).contains("2401.00090");
    assertThat(followed.get(3)).startsWith("0 ");

    search.rebuild(done -> {});

    assertThat(
            queries.stream()
                .map(q -> search.search(SearchQuery.of(q, 20)))
                .map(r -> r.total() + " " + ids(r))
                .toList())
        .isEqualTo(followed);
  }

  /**
   * A build from empty reads the next batch while it adds this one from several threads: every live
   * paper is found once, over several batches, and none that was withdrawn.
   */
  @Test
  void aBuildFromEmptyHoldsEveryLivePaperOnce() {
    List<ArxivId> many =
        IntStream.range(0, 2_500).mapToObj(i -> ArxivId.parse("2402.%05d".formatted(i))).toList();
    papers.upsertAll(
        many.stream()
            .map(
                id ->
                    aPaper(id.base()).title("Quokka survey " + id.base().replace('.', 'q')).build())
            .toList());
    for (int i = 0; i < many.size(); i += 10) {
      papers.markDeleted(many.get(i), Instant.now());
    }
    try {
      assertThat(search.rebuild(done -> {})).isGreaterThanOrEqualTo(2_500);

      assertThat(search.search(SearchQuery.of("quokka", 10)).total()).isEqualTo(2_250);
      assertThat(ids(search.search(SearchQuery.of("2402q00017", 5)))).containsExactly("2402.00017");
      assertThat(search.search(SearchQuery.of("2402q00010", 5)).total()).isZero();
    } finally {
      many.forEach(id -> papers.markDeleted(id, Instant.now()));
      search.catchUp();
    }
  }

  @Test
  void overlongQueriesAreRefused() {
    assertThatThrownBy(() -> SearchQuery.of("a".repeat(257), 10)).isInstanceOf(InvalidSearch.class);
  }

  private String first(String q) {
    return search.search(SearchQuery.of(q, 5)).hits().get(0).id().base();
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(h -> h.id().base()).toList();
  }

  private static List<String> words(String name) {
    return List.of(name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"));
  }
}
