package dev.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The listing feed parser on the recorded real rss.arxiv.org feed. */
class ArxivRssParserTest {
  static final String FEED = "laya-reader-rss-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-trimmed.xml";

  @Test
  void readsEveryItemWithItsAnnounceType() throws IOException {
    Listing listing = parse();

    assertThat(listing.isFeedError()).isFalse();
    assertThat(ArxivRssParser.day(listing)).isEqualTo(LocalDate.of(2026, 9, 24));
    assertThat(listing.items())
        .extracting(ListingItem::announceType)
        .containsExactly("new", "new", "cross", "replace");
    assertThat(listing.items())
        .extracting(i -> ArxivRssParser.id(i).toString())
        .containsExactly("2609.26811v1", "2609.26820v1", "2205.06398v2", "2009.13987v3");
    ListingItem cross = listing.items().get(2);
    assertThat(cross.categories()).containsExactly("stat.ME", "stat.AP", "stat.ML");
    assertThat(cross.doi()).isEqualTo("10.1093/bioinformatics/btac431");
    assertThat(cross.creators()).isEqualTo("Pritam Dey, Zhengwu Zhang, David B. Dunson");
  }

  @Test
  void anUnknownCategoryIsAFeedError() {
    Listing listing =
        ArxivRssParser.parse(
            bytes(
                "<rss version=\"2.0\"><channel><title>Feed error for query: cs.XX</title></channel></rss>"));

    assertThat(listing.isFeedError()).isTrue();
  }

  @Test
  void hostileAndBrokenFeedsGiveATypedError() {
    for (String body :
        new String[] {
          OaiPmhParserTest.billionLaughs().replace("OAI-PMH", "rss"),
          "<rss><channel><title>x</title><item><guid>oai:arXiv.org:2401.00001v1",
          "<html><body>Access Denied</body></html>"
        }) {
      assertThatThrownBy(() -> ArxivRssParser.parse(bytes(body)))
          .as(body)
          .isInstanceOf(ArxivFormatException.class);
    }
  }

  static Listing parse() throws IOException {
    try (InputStream in = ArxivRssParserTest.class.getResourceAsStream("/arxiv/rss/" + FEED)) {
      return ArxivRssParser.parse(in);
    }
  }

  static String feed() throws IOException {
    try (InputStream in = ArxivRssParserTest.class.getResourceAsStream("/arxiv/rss/" + FEED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
