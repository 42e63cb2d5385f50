package dev.paperboy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.recommend.LibraryText.Reference;
import dev.paperboy.rules.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryTextTest {
  /** The shapes reference managers export: Zotero's eprint, Google Scholar's journal, a DOI. */
  private static final String BIBTEX =
      """
      @misc{vaswani2017attention,
        title = {Attention {Is} All You Need},
        author = {Vaswani, Ashish and Shazeer, Noam},
        year = {2017},
        month = jun,
        eprint = {1706.03762},
        archivePrefix = {arXiv},
      }
      @article{he2016deep,
        title={Deep residual learning},
        journal={arXiv preprint arXiv:1512.03385v1},
        year={2015}
      }
      @inproceedings{kdd,
        title = {A {KDD} paper},
        doi = {10.1145/3292500.3330701},
        pages = {2623--2631},
      }
      @article{arxivdoi, title = {Registered by arXiv}, doi = {10.48550/arXiv.2401.00001}}
      @article{old, title = {Old style}, url = {https://arxiv.org/abs/hep-th/9901001v2}}
      @book{nothing, title = {A book with no identifier}, year = 1999, note = {pages 1234.5678}}
      """;

  @Test
  void readsEveryIdentifierAReferenceManagerExports() {
    assertThat(LibraryText.read(BIBTEX))
        .extracting(r -> r.label() + " | " + shown(r))
        .containsExactly(
            "Attention Is All You Need | 1706.03762",
            "Deep residual learning | 1512.03385",
            "A KDD paper | doi 10.1145/3292500.3330701",
            "Registered by arXiv | 2401.00001",
            "Old style | hep-th/9901001",
            "A book with no identifier | none");
  }

  @Test
  void readsAListOfIdsUrlsAndDoisOneToALine() {
    String list =
        """
        2401.00001
          arXiv:2310.11366v3

        https://arxiv.org/pdf/1706.03762v7.pdf
        https://doi.org/10.1038/NATURE14539.
        DO  - 10.1145/3292500.3330701
        something I remember reading
        """;
    assertThat(LibraryText.read(list))
        .extracting(LibraryTextTest::shown)
        .containsExactly(
            "2401.00001",
            "2310.11366",
            "1706.03762",
            "doi 10.1038/nature14539",
            "doi 10.1145/3292500.3330701",
            "none");
  }

  @Test
  void readsEntriesAndBareLinesPastedTogether() {
    String mixed =
        """
        @misc{a, title = {One}, eprint = {1706.03762}}
        https://arxiv.org/abs/2310.02970v2
        @article{b, title = {Two}, doi = {10.1145/3292500.3330701}}
        10.1000/not-here
        """;
    assertThat(LibraryText.read(mixed))
        .extracting(LibraryTextTest::shown)
        .containsExactly(
            "1706.03762", "2310.02970", "doi 10.1145/3292500.3330701", "doi 10.1000/not-here");
  }

  @Test
  void refusesWhatIsNotALibrary() {
    assertRefused("   \n\n", Refusal.Kind.INVALID, "Paste a BibTeX file");
    assertRefused("@article{broken, title = {no end", Refusal.Kind.INVALID, "could not be read");
    assertRefused(
        "@misc{deep, title = " + "{".repeat(100_000) + "}".repeat(100_000) + "}",
        Refusal.Kind.INVALID,
        "nests braces deeper");
    assertRefused(
        "2401.00001\n".repeat(LibraryText.MAX_REFERENCES + 1), Refusal.Kind.TOO_LARGE, "at most");
    assertRefused("x".repeat(LibraryText.MAX_CHARS + 1), Refusal.Kind.TOO_LARGE, "at most");
  }

  @Test
  void aHostileTitleIsOnlyALabel() {
    List<Reference> read =
        LibraryText.read("@misc{x, title = {<script>alert(1)</script>}, eprint = {2401.00001}}");
    assertThat(read)
        .singleElement()
        .satisfies(r -> assertThat(r.label()).isEqualTo("<script>alert(1)</script>"));
    assertThat(LibraryText.read("a".repeat(5_000)).get(0).label()).hasSize(121);
  }

  private static void assertRefused(String text, Refusal.Kind kind, String says) {
    assertThatThrownBy(() -> LibraryText.read(text))
        .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessageContaining(says);
  }

  private static String shown(Reference r) {
    return r.arxiv() != null ? r.arxiv().base() : r.doi() != null ? "doi " + r.doi() : "none";
  }
}
