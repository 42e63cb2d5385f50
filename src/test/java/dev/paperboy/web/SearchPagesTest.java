package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.search.PaperSearch;
import dev.paperboy.support.Http;
import dev.paperboy.support.Site;
import dev.paperboy.support.SiteIndex;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Search through the real HTTP stack: the page, the API, and hostile queries (API-2). */
@Site
class SearchPagesTest {
  @LocalServerPort int port;
  @Autowired PaperSearch search;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @BeforeEach
  void indexed() {
    SiteIndex.awaitDemo(search);
  }

  @Test
  void theSearchPageFindsASeedPaperByTitleWordsWithHighlights() {
    Document page =
        Jsoup.parse(Http.get(port, "/search?q=" + encode("equivariant networks")).body());

    assertThat(page.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Search");
    assertThat(page.select("article.result h3 a").eachAttr("href"))
        .contains("/papers/2310.11366", "/papers/2310.02970");
    assertThat(page.select("article.result mark")).isNotEmpty();
    assertThat(page.select("article.result script")).isEmpty();
    Element listed = page.selectFirst("article.result:has(a[href=/papers/2310.11366])");
    assertThat(listed.select(".meta .upvotes").text())
        .as("a listed paper's result shows its card's counts and submitter")
        .isEqualTo("0");
    assertThat(listed.select(".meta .by").text()).isEqualTo("Submitted by AK");
    assertThat(listed.select(".cats li").eachText()).containsExactly("cs.LG");
  }

  @Test
  void theApiAnswersAnArrayOfPapersBestFirst() throws Exception {
    HttpResponse<String> response = Http.get(port, "/api/papers/search?q=2310.11366&limit=3");
    var items = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(items.isArray()).isTrue();
    assertThat(items.get(0).get("paper").get("id").asString()).isEqualTo("2310.11366");
    assertThat(items.get(0).get("title").asString())
        .isEqualTo("Lie Group Decompositions for Equivariant Neural Networks");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'",
        "\"",
        "AND",
        "OR NOT",
        "a-b",
        "*foo",
        "/.*/",
        "title:",
        "(((",
        "~",
        "^2",
        "\u0000",
        "مرحبا 🙂",
        "<script>alert(1)</script>",
        "field:value AND (",
        "-",
        "+",
        "|",
        "\"unbalanced phrase"
      })
  void hostileQueriesNeverFail(String q) {
    HttpResponse<String> api = Http.get(port, "/api/papers/search?q=" + encode(q));
    HttpResponse<String> page = Http.get(port, "/search?q=" + encode(q));

    assertThat(api.statusCode()).as(q).isEqualTo(200);
    assertThat(page.statusCode()).as(q).isEqualTo(200);
    assertThat(Jsoup.parse(page.body()).select("article.result script, main script")).isEmpty();
  }

  @Test
  void dateFiltersAndNewestFirst() throws Exception {
    List<String> expected =
        jdbc.sql(
                "SELECT arxiv_id FROM papers WHERE published_on >= '2024-01-01' ORDER BY published_at DESC")
            .query(String.class)
            .list();
    var items =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(Http.get(port, "/api/papers/search?q=&from=2024-01-01&sort=newest").body());
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("paper").get("id").asString()));

    assertThat(ids).isEqualTo(expected).isNotEmpty();
    assertThat(Http.get(port, "/api/papers/search?q=x&from=yesterday").statusCode()).isEqualTo(400);
    assertThat(Http.get(port, "/api/papers/search?q=x&sort=upside-down").statusCode())
        .isEqualTo(400);
    assertThat(Http.get(port, "/search?q=x&from=not-a-date").statusCode()).isEqualTo(400);
    assertThat(
            Jsoup.parse(Http.get(port, "/search?q=&from=2024-01-01&until=2024-12-31").body())
                .select("input[name=from]")
                .attr("value"))
        .isEqualTo("2024-01-01");
  }

  @Test
  void tooLongOrTooManyPrefixesGet400NotA500() {
    String tooLong = "a".repeat(10_000);
    String prefixes = String.join(" ", Collections.nCopies(120, "a*"));

    assertThat(Http.get(port, "/api/papers/search?q=" + tooLong).statusCode()).isEqualTo(400);
    assertThat(Http.get(port, "/search?q=" + tooLong).statusCode()).isEqualTo(400);
    assertThat(Http.get(port, "/api/papers/search?q=" + encode(prefixes)).statusCode())
        .isIn(200, 400);
    assertThat(Http.get(port, "/api/papers/search?q=x&limit=1000").statusCode()).isEqualTo(400);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
