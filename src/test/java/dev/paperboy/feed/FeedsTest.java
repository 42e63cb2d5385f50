package dev.paperboy.feed;

import static dev.paperboy.support.TestPapers.aPaper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.support.Http;
import dev.paperboy.support.SeedDayFile;
import dev.paperboy.support.Site;
import dev.paperboy.support.SiteIndex;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The feeds parse with a strict XML parser whatever the titles hold (docs/reliability.md API-3).
 */
@Site
class FeedsTest {
  @LocalServerPort int port;
  @Autowired PaperSearch search;
  @Autowired Papers papers;

  @BeforeEach
  void indexed() {
    SiteIndex.awaitDemo(search);
  }

  @Test
  void theDailyFeedsCarryTheSeedDayInRssAndAtom() throws Exception {
    List<String> titles = SeedDayFile.papers().stream().map(SeedDayFile.SeedPaper::title).toList();

    HttpResponse<String> rss = Http.get(port, "/feeds/daily.rss");
    HttpResponse<String> atom = Http.get(port, "/feeds/daily.atom");

    assertThat(rss.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/rss+xml;charset=utf-8"));
    assertThat(atom.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml;charset=utf-8"));
    assertThat(texts(strict(rss.body()), "item", "title")).containsExactlyElementsOf(titles);
    assertThat(texts(strict(atom.body()), "entry", "title")).containsExactlyElementsOf(titles);
  }

  @Test
  void aMatchingEtagGets304WithNoBody() {
    HttpResponse<String> first = Http.get(port, "/feeds/trending.atom");
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = Http.get(port, "/feeds/trending.atom", "If-None-Match", etag);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void titlesWithMarkupAndIllegalCharactersStayWellFormed() throws Exception {
    String nasty = "A & B <i>x</i> ]]> \u0001 \uD800 zanzibarite";
    papers.upsertAll(List.of(aPaper("2401.00099").title(nasty).build()));
    search.catchUp();
    // The store keeps what it can: a lone surrogate cannot be UTF-8 and comes back as '?'.
    String stored = papers.find(ArxivId.parse("2401.00099")).orElseThrow().title();
    try {
      for (String format : List.of("rss", "atom")) {
        HttpResponse<String> feed = Http.get(port, "/feeds/search." + format + "?q=zanzibarite");
        Document doc = strict(feed.body());
        List<String> titles = texts(doc, format.equals("rss") ? "item" : "entry", "title");

        assertThat(titles).containsExactly(FeedWriter.clean(stored));
        assertThat(titles.get(0)).startsWith("A & B <i>x</i> ]]> ").doesNotContain("\u0001");
      }
    } finally {
      papers.markDeleted(ArxivId.parse("2401.00099"), Instant.now());
      search.catchUp();
    }
  }

  @Test
  void feedsAreBoundedAndCategoryFeedsFilter() throws Exception {
    Document broad = strict(Http.get(port, "/feeds/search.rss?q=").body());
    Document category = strict(Http.get(port, "/feeds/category/hep-th.atom").body());

    assertThat(broad.getElementsByTagName("item").getLength()).isEqualTo(FeedWriter.MAX_ITEMS);
    assertThat(category.getElementsByTagName("entry").getLength()).isPositive();
    assertThat(Http.get(port, "/feeds/category/not%20a%20category.rss").statusCode())
        .isEqualTo(400);
    assertThat(Http.get(port, "/feeds/daily.json").statusCode()).isEqualTo(400);
  }

  @Test
  void pagesLinkTheirFeeds() {
    String page = Http.get(port, "/papers/date/2025-03-12").body();

    assertThat(org.jsoup.Jsoup.parse(page).select("link[rel=alternate]").eachAttr("href"))
        .contains("/feeds/daily.rss", "/feeds/daily.atom");
  }

  static Document strict(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document doc, String parent, String child) {
    List<String> texts = new ArrayList<>();
    NodeList parents = doc.getElementsByTagNameNS("*", parent);
    for (int i = 0; i < parents.getLength(); i++) {
      NodeList children =
          ((org.w3c.dom.Element) parents.item(i)).getElementsByTagNameNS("*", child);
      texts.add(children.item(0).getTextContent());
    }
    return texts;
  }
}
