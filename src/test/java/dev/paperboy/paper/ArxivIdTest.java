package dev.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdTest {

  @ParameterizedTest(name = "{0} -> {1} v{2}")
  @CsvSource({
    "2310.11366, 2310.11366, 0",
    "2310.11366v2, 2310.11366, 2",
    "0704.0001, 0704.0001, 0",
    "1412.9999v12, 1412.9999, 12",
    "arXiv:2401.00001, 2401.00001, 0",
    "ARXIV:2401.00001v3, 2401.00001, 3",
    "'  2401.00001  ', 2401.00001, 0",
    "hep-th/9901001, hep-th/9901001, 0",
    "hep-th/9901001v2, hep-th/9901001, 2",
    "math.GT/0309136, math/0309136, 0",
    "math.CA/0611800v2, math/0611800, 2",
    "cond-mat/0703001, cond-mat/0703001, 0",
    "arXiv:astro-ph/0601001, astro-ph/0601001, 0",
    "https://arxiv.org/abs/2401.00001v3, 2401.00001, 3",
    "http://arxiv.org/pdf/2401.00001.pdf, 2401.00001, 0",
    "https://arxiv.org/pdf/2401.00001v2, 2401.00001, 2",
    "https://www.arxiv.org/abs/hep-th/9901001, hep-th/9901001, 0",
    "https://export.arxiv.org/abs/2310.11366/, 2310.11366, 0",
    "https://arxiv.org/html/2310.11366v1, 2310.11366, 1",
  })
  void parsesEveryFormToOneCanonicalId(String input, String base, int version) {
    ArxivId id = ArxivId.parse(input);

    assertThat(id.base()).isEqualTo(base);
    assertThat(id.version()).isEqualTo(version);
    assertThat(ArxivId.parse(id.toString())).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "2310.1136", // four digits in a five-digit month
        "1412.12345", // five digits in a four-digit month
        "0703.0001", // before new-style ids began
        "2313.11366", // month 13
        "2300.11366", // month 00
        "2310.11366v0",
        "2310.11366v",
        "hep-th/9901001/../x",
        "2401.00001/../../x",
        "HEP-TH/9901001",
        "hep-th/0801001", // old style after March 2007
        "hep-th/9913001", // month 13
        "hep-th/9901000",
        "http://169.254.169.254/latest/meta-data",
        "http://127.0.0.1:5432",
        "file:///etc/passwd",
        "https://arxiv.org.evil.com/abs/2401.00001",
        "https://arxiv.org@evil.com/abs/2401.00001",
        "https://evil.com/arxiv.org/abs/2401.00001",
        "gopher://arxiv.org/abs/2401.00001",
        "https://arxiv.org/abs/2401.00001?x=1",
        "https://arxiv.org/list/2401.00001",
        "https://аrxiv.org/abs/2401.00001", // Cyrillic a
        "2401.00001 2401.00002",
        "doi:10.1000/xyz",
        "<script>alert(1)</script>",
      })
  void rejectsEverythingElseWithAClearMessage(String input) {
    assertThatThrownBy(() -> ArxivId.parse(input))
        .isInstanceOf(InvalidArxivId.class)
        .hasMessageStartingWith("Not an arXiv id");
  }

  @ParameterizedTest
  @ValueSource(ints = {257, 10_000})
  void rejectsOverlongInputBeforeMatching(int length) {
    assertThatThrownBy(() -> ArxivId.parse("1".repeat(length)))
        .isInstanceOf(InvalidArxivId.class)
        .hasMessageContaining(length + " characters");
  }

  @org.junit.jupiter.api.Test
  void buildsArxivLinksFromTheCanonicalId() {
    ArxivId id = ArxivId.parse("math.GT/0309136v1");

    assertThat(id.absUrl()).isEqualTo("https://arxiv.org/abs/math/0309136v1");
    assertThat(id.withoutVersion().pdfUrl()).isEqualTo("https://arxiv.org/pdf/math/0309136");
    assertThat(id.isOldStyle()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000.00000", "2401.999", "", "hep-th/9913001"})
  void textThatNamesNoPaperParsesToNothingOrHasOnlyTheShape(String text) {
    assertThat(ArxivId.tryParse(text)).isEmpty();
    assertThat(ArxivId.hasIdShape(text))
        .as("0000.00000 and hep-th/9913001 are shaped like ids; arXiv never issued them")
        .isEqualTo(text.equals("0000.00000") || text.equals("hep-th/9913001"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2310.11366", "arXiv:2310.11366v2", "https://arxiv.org/abs/2310.11366"})
  void anyFormOfARealIdParses(String text) {
    assertThat(ArxivId.tryParse(text).map(ArxivId::base)).contains("2310.11366");
  }
}
