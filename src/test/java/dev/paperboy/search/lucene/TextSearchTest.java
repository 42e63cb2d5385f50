package dev.paperboy.search.lucene;

import static dev.paperboy.support.TestPapers.aPaper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.paper.ChangedPaper;
import dev.paperboy.paper.Paper;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.SearchResults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lexical search as people type, on a fixed corpus with exact expected hits: small words, accents,
 * TeX, a word no paper has.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextSearchTest {
  @TempDir static Path dir;
  LuceneIndex index;

  static final List<Paper> CORPUS =
      List.of(
          aPaper("2401.00001")
              .title("Deep learning for protein structure prediction")
              .abstractText("We predict the folds of proteins with a deep network.")
              .build(),
          aPaper("2401.00002")
              .title("Graph neural networks for molecules and their properties")
              .abstractText("Message passing over atoms and bonds.")
              .build(),
          aPaper("2401.00003")
              .title("Feature pyramid networks for object detection")
              .authors(List.of("Tsung-Yi Lin", "Piotr Dollár", "Ross Girshick"))
              .build(),
          aPaper("2401.00004")
              .title("Causal inference with latent confounders")
              .authors(List.of("Patrick Forr\\'e", "Joris Mooij"))
              .build(),
          aPaper("2401.00005")
              .title("Harmonic maps of spheres")
              .abstractText(
                  "Let $f:\\mathbb{S}^{d-1}\\times\\mathbb{R}\\to M$ be a harmonic map and"
                      + " $\\phi_W$ its energy \\left( x \\right).")
              .build(),
          aPaper("2401.00006")
              .title("Quasi-periodic potential for magnetism in thin films")
              .abstractText("Thin films of iron.")
              .build(),
          aPaper("2401.00007")
              .title("Euler potentials and magnetic fields")
              .abstractText("Field lines of the sun.")
              .build(),
          aPaper("2401.00008")
              .title("Protein folding by simulation")
              .abstractText("Molecular dynamics of small proteins.")
              .build());

  @BeforeAll
  void index() {
    index = LuceneIndex.open(dir);
    Instant at = Instant.parse("2026-11-27T06:00:00Z");
    index.apply(
        CORPUS.stream().map(p -> new ChangedPaper(p, at, null)).toList(),
        new LuceneIndex.Position(at, "2401.00008"));
  }

  @AfterAll
  void close() throws IOException {
    index.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "deep learning protein|2401.00001",
        "deep learning for protein|2401.00001",
        "learning for protein structure prediction|2401.00001",
        "graph neural networks for molecules|2401.00002",
        "piotr dollar|2401.00003",
        "Piotr Dollár|2401.00003",
        "dollar pyramid detection|2401.00003",
        "forre|2401.00004",
        "Forré causal|2401.00004",
        "potential for magnetism|2401.00006",
        "potentials and magnetic|2401.00007",
        "harmonic maps of spheres|2401.00005",
      })
  void theMeantPaperComesFirst(String query, String expected) {
    assertThat(ids(query)).as(query).first().isEqualTo(expected);
  }

  @Test
  void aStopWordNeverHasToBeAnAuthorsName() {
    assertThat(ids("deep learning for protein")).containsExactly("2401.00001");
    assertThat(ids("graph neural networks for molecules")).containsExactly("2401.00002");
  }

  @Test
  void allWordsRankAbovePartialMatches() {
    // Two words must both match: only 2401.00008 mentions a simulation.
    assertThat(ids("protein simulation")).containsExactly("2401.00008");
    // Of three, two must: 2401.00001 has all three (its abstract's "folds"), 2401.00008 two.
    assertThat(ids("protein folding prediction")).containsExactly("2401.00001", "2401.00008");
  }

  @Test
  void aWordNoPaperHasStillAnswersTheBestPartialMatches() {
    SearchResults results = index.search(SearchQuery.of("protein structure zqxjv", 10));

    assertThat(results.hits()).extracting(h -> h.id().base()).containsExactly("2401.00001");
  }

  @Test
  void texIsIndexedAsWordsNotAsCommandsAndLetters() {
    assertThat(ids("mathbb")).isEmpty();
    assertThat(ids("left right")).isEmpty();
    assertThat(ids("phi energy")).containsExactly("2401.00005");
  }

  @Test
  void stopWordsAloneAnswerNothingRatherThanFail() {
    assertThat(index.search(SearchQuery.of("of the for", 10)).total()).isZero();
  }

  @Test
  void texAccentsInStoredNamesAreShownDecoded() {
    SearchHit hit = index.search(SearchQuery.of("forre", 10)).hits().get(0);

    assertThat(hit.authors()).containsExactly("Patrick Forré", "Joris Mooij");
    assertThat(hit.titleHtml()).isEqualTo("Causal inference with latent confounders");
  }

  @Test
  void anExactTitleAndAnIdComeFirst() {
    assertThat(ids("Protein folding by simulation")).first().isEqualTo("2401.00008");
    assertThat(ids("2401.00007")).containsExactly("2401.00007");
  }

  @Test
  void operatorsStillWork() {
    assertThat(ids("\"potential for magnetism\"")).containsExactly("2401.00006");
    assertThat(ids("protein -simulation")).containsExactly("2401.00001");
    assertThat(ids("magnet*")).containsExactlyInAnyOrder("2401.00006", "2401.00007");
  }

  private List<String> ids(String query) {
    return index.search(SearchQuery.of(query, 10)).hits().stream().map(h -> h.id().base()).toList();
  }
}
