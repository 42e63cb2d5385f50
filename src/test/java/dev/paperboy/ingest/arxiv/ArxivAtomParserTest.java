package dev.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arXiv API parser on recorded real answers (old and new API format). */
class ArxivAtomParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "arxivpy-q_testing_s0_m100_cfe7536492ca.xml, 100, 214881",
    "arxivpy-q_testing_s0_m10_bc5a6c384fe9.xml, 10, ",
    "arxivpy-q_testing_s5_m15_bbcf6b23085b.xml, 15, ",
    "arxivpy-id_1605.08386_s0_m100_199195aa31ad.xml, 1, 1",
    "arxivpy-id_1707.08567_s0_m100_6a1afebfc6a3.xml, 1, 1",
    "arxivpy-id_2104.12255v1_s0_m100_6ae69987ffe1.xml, 1, 1",
    "arxivpy-id_astro-ph_0601001_s0_m100_3150dca9dc76.xml, 1, 1",
    "arxivpy-id_quant-ph_0201082v1_s0_m100_86989fe779ef.xml, 1, 1",
    "arxivpy-id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.xml, 1, ",
    "arxivpy-id_0808.05394_s0_m100_7b0c7d0a7cdd.xml, 0, 0",
    "arxivpy-id_0000.0000_s0_m100_8b51d9633a68.xml, 0, 0",
    "orijtech-deep-dream-0.atom.xml, 10, 24617",
    "orijtech-deep-dream-1.atom.xml, 10, 24617",
    "orijtech-deep-dream-2.atom.xml, 10, 24617",
    "arxivdocs-typical-response-all-electron.xml, 1, ",
  })
  void everyRecordedAnswerParsesAndEveryEntryBecomesAPaper(String file, int entries, Long total)
      throws IOException {
    AtomFeed feed = parse(file);

    assertThat(feed.papers()).hasSize(entries);
    assertThat(feed.errors()).isEmpty();
    if (total != null) {
      assertThat(feed.totalResults()).isEqualTo(total);
    }
    for (AtomEntry entry : feed.papers()) {
      Paper paper = ArxivAtomParser.toPaper(entry);
      assertThat(paper.title()).as(entry.id()).isNotBlank().doesNotContain("\n");
      assertThat(paper.authors()).as(entry.id()).isNotEmpty();
      assertThat(paper.categories()).as(entry.id()).isNotEmpty();
    }
  }

  @Test
  void anIdLookupGivesThePaperWithItsPrimaryCategoryFirst() throws IOException {
    Paper paper =
        ArxivAtomParser.toPaper(
            parse("arxivpy-id_1605.08386_s0_m100_199195aa31ad.xml").papers().get(0));

    assertThat(paper.id().base()).isEqualTo("1605.08386");
    assertThat(paper.title()).isEqualTo("Heat-bath random walks with Markov bases");
    assertThat(paper.authors()).containsExactly("Caprice Stanley", "Tobias Windisch");
    assertThat(paper.categories()).containsExactly("math.CO", "math.ST");
    assertThat(paper.comments()).isEqualTo("20 pages, 3 figures");
    assertThat(paper.versions())
        .containsExactly(new PaperVersion(1, Instant.parse("2016-05-26T17:59:46Z")));
  }

  @Test
  void oldStyleIdsAreRead() throws IOException {
    Paper paper =
        ArxivAtomParser.toPaper(
            parse("arxivpy-id_astro-ph_0601001_s0_m100_3150dca9dc76.xml").papers().get(0));

    assertThat(paper.id().base()).isEqualTo("astro-ph/0601001");
  }

  @Test
  void arXivsErrorEntryIsAnErrorNotAPaper() throws IOException {
    AtomFeed feed = parse("arxivpy-id_abc_s0_m100_b79c8dcf6bc3.xml");

    assertThat(feed.papers()).isEmpty();
    assertThat(feed.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.summary()).contains("incorrect id format for abc"));
    assertThatThrownBy(() -> ArxivAtomParser.toPaper(feed.errors().get(0)))
        .isInstanceOf(InvalidRecord.class);
    assertThat(parse("arxivdocs-error-incorrect-id-format.xml").errors()).hasSize(1);
  }

  @Test
  void hostileAndBrokenFeedsGiveATypedError() {
    for (String body :
        List.of(
            OaiPmhParserTest.billionLaughs().replace("OAI-PMH", "feed"),
            "<?xml version=\"1.0\"?><!DOCTYPE f [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><feed><entry><id>&x;</id></entry></feed>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>x",
            "<html>Access Denied</html>")) {
      assertThatThrownBy(
              () ->
                  ArxivAtomParser.parse(
                      new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
          .as(body)
          .isInstanceOf(ArxivFormatException.class);
    }
  }

  static AtomFeed parse(String file) throws IOException {
    try (InputStream in =
        ArxivAtomParserTest.class.getResourceAsStream("/arxiv/arxiv-api/" + file)) {
      return ArxivAtomParser.parse(in);
    }
  }
}
