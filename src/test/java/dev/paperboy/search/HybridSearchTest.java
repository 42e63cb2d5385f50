package dev.paperboy.search;

import static dev.paperboy.support.TestPapers.aPaper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.embedding.VectorJob;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.SqliteStore;
import dev.paperboy.support.Tables;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search by meaning with the real embedding model, on a fixed corpus: first with no vectors yet
 * (every mode answers lexically), then after the vectors job has run.
 */
@SqliteStore
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HybridSearchTest {
  @Autowired PaperSearch search;
  @Autowired VectorJob vectors;
  @Autowired Papers papers;
  @Autowired JdbcClient jdbc;

  static final List<Paper> CORPUS =
      List.of(
          aPaper("2401.10001")
              .title("Linear-time attention for very long documents")
              .abstractText(
                  "Self-attention costs grow quadratically with input length. We approximate it"
                      + " with a kernel so that transformers read documents of 64,000 tokens at"
                      + " the cost of a few thousand, with little loss in accuracy.")
              .build(),
          aPaper("2401.10002")
              .title("Predicting protein folds from amino-acid chains")
              .abstractText(
                  "A deep network maps the sequence of a protein to the 3D structure it folds"
                      + " into, reaching the accuracy of crystallography on most targets.")
              .build(),
          aPaper("2401.10003")
              .title("Galaxy clusters as probes of dark energy")
              .abstractText(
                  "Counts of massive galaxy clusters against redshift constrain the equation of"
                      + " state of dark energy and the growth of cosmic structure.")
              .build(),
          aPaper("2401.10004")
              .title("Learning to grasp unknown objects with a robot arm")
              .abstractText(
                  "A robot learns by trial and error, with reinforcement learning, to pick up"
                      + " objects it has never seen, from camera images alone.")
              .build(),
          aPaper("2401.10005")
              .title("Sparse linear solvers on graphics processors")
              .abstractText(
                  "Conjugate gradient and multigrid methods for sparse systems, tuned for the"
                      + " memory hierarchy of GPUs.")
              .build());

  @BeforeAll
  void store() {
    Tables.clean(jdbc);
    papers.upsertAll(CORPUS);
    search.rebuild(done -> {});
  }

  @Test
  @Order(1)
  void withoutVectorsEveryModeAnswersByWords() {
    for (SearchQuery.Mode mode : SearchQuery.Mode.values()) {
      assertThat(ids("galaxy clusters", mode)).as(mode.name()).containsExactly("2401.10003");
      assertThat(ids("speeding up language models that read very long texts", mode))
          .as(mode.name())
          .doesNotContain("2401.10002");
    }
  }

  @Test
  @Order(2)
  void theVectorsJobEmbedsEveryPaperOnceAndTheIndexFollows() {
    assertThat(vectors.catchUp(done -> {})).isEqualTo(CORPUS.size());
    assertThat(vectors.catchUp(done -> {})).isZero();

    search.catchUp();

    assertThat(count("SELECT count(*) FROM paper_vectors")).isEqualTo(CORPUS.size());
  }

  @Test
  @Order(3)
  void aQuestionInOtherWordsFindsThePaperByMeaning() {
    String question = "how do I make transformers faster on long sequences";

    assertThat(ids(question, SearchQuery.Mode.SEMANTIC)).first().isEqualTo("2401.10001");
    assertThat(ids(question, SearchQuery.Mode.HYBRID)).first().isEqualTo("2401.10001");
    assertThat(ids("machine that picks things up", SearchQuery.Mode.HYBRID))
        .first()
        .isEqualTo("2401.10004");
  }

  @Test
  @Order(3)
  void anExactIdAndAnExactTitleComeFirstInEveryMode() {
    for (SearchQuery.Mode mode : List.of(SearchQuery.Mode.LEXICAL, SearchQuery.Mode.HYBRID)) {
      assertThat(ids("2401.10005", mode)).as(mode.name()).first().isEqualTo("2401.10005");
      assertThat(ids("Galaxy clusters as probes of dark energy", mode))
          .as(mode.name())
          .first()
          .isEqualTo("2401.10003");
    }
  }

  @Test
  @Order(3)
  void aPaperFoundByMeaningAloneClaimsNoHighlight() {
    SearchResults results =
        search.search(SearchQuery.of("robot grasping", 5).withMode(SearchQuery.Mode.HYBRID));

    assertThat(results.hits().get(0).id().base()).isEqualTo("2401.10004");
    assertThat(results.hits().get(0).titleHtml()).contains("<mark>");
    assertThat(results.hits().subList(1, results.hits().size()))
        .allSatisfy(
            hit -> {
              assertThat(hit.titleHtml()).doesNotContain("<mark>");
              assertThat(hit.snippetHtml()).doesNotContain("<mark>");
            });
  }

  @Test
  @Order(4)
  void aChangedAbstractIsEmbeddedAgainAndAnUnchangedPaperIsNot() {
    Paper changed =
        aPaper("2401.10005")
            .title("Sparse linear solvers on graphics processors")
            .abstractText("Preconditioned Krylov methods for sparse systems on GPUs.")
            .versions(2)
            .build();
    papers.upsertAll(List.of(changed));

    assertThat(vectors.catchUp(done -> {})).isEqualTo(1);
  }

  private List<String> ids(String text, SearchQuery.Mode mode) {
    return search.search(SearchQuery.of(text, 5).withMode(mode)).hits().stream()
        .map(h -> h.id().base())
        .toList();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
