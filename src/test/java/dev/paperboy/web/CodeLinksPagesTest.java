package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.artifact.Artifacts;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.support.Http;
import dev.paperboy.support.Site;
import dev.paperboy.support.SiteIndex;
import dev.paperboy.support.SnapshotPapers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Code and artifact links through the real HTTP stack: badges on cards, the paper page's section,
 * the API's {@code githubRepo} and {@code projectPage}, and "with code" on lists and search. The
 * papers are real ones ({@code arxiv-snapshot/code-links.jsonl}); a day of 2016 gets two of them,
 * on a site of its own so that the other {@link Site} tests keep their lists.
 */
@Site
@TestPropertySource(properties = "spring.application.name=paperboy-code-links")
@DirtiesContext
class CodeLinksPagesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final LocalDate DAY = LocalDate.of(2016, 10, 5);
  private static final List<Paper> FIXTURE =
      SnapshotPapers.read("/arxiv-snapshot/code-links.jsonl");

  @LocalServerPort int port;
  @Autowired PaperSearch search;
  @Autowired Papers papers;
  @Autowired DailyLists lists;
  @Autowired Accounts accounts;

  @BeforeEach
  void twoOfThePapersAreOnADay() {
    SiteIndex.awaitDemo(search);
    if (lists.day(DAY, 0, 10).isEmpty()) {
      papers.upsertAll(FIXTURE);
      var curator =
          accounts.add("links@example.org", "linkcurator", Role.CURATOR, "a fine passphrase");
      lists.feature(ArxivId.parse("1608.08021"), DAY, curator.member());
      lists.feature(ArxivId.parse("1610.01044"), DAY, curator.member());
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              search.catchUp();
              return search.state().documents() >= SiteIndex.DEMO_PAPERS + FIXTURE.size();
            });
  }

  @Test
  void aDaysCardsCarryBadgesAndWithCodeKeepsOnlyThePaperWithCode() {
    Document all = Jsoup.parse(Http.get(port, "/papers/date/" + DAY).body());
    Document withCode = Jsoup.parse(Http.get(port, "/papers/date/" + DAY + "?code=true").body());

    assertThat(all.select("article.card h3 a").eachAttr("href"))
        .containsExactlyInAnyOrder("/papers/1608.08021", "/papers/1610.01044");
    assertThat(
            all.select("article.card:has(a[href=/papers/1608.08021]) a.artifact").eachAttr("href"))
        .containsExactly("https://github.com/sanghoon/pva-faster-rcnn");
    assertThat(all.select("article.card:has(a[href=/papers/1610.01044]) a.artifact").text())
        .isEqualTo("Project page");
    assertThat(all.select(".list-filter a[aria-current=page]").text()).isEqualTo("All papers");

    assertThat(withCode.select("article.card h3 a").eachAttr("href"))
        .containsExactly("/papers/1608.08021");
    assertThat(withCode.select(".list-filter a[aria-current=page]").text()).isEqualTo("With code");
    assertThat(withCode.select("nav.daynav a").eachAttr("href"))
        .as("the next day keeps the filter")
        .isNotEmpty()
        .allSatisfy(href -> assertThat(href).endsWith("?code=true"));
  }

  @Test
  void aListWithoutCodeSaysSoAndLinksBackToAllPapers() {
    Document seedDay = Jsoup.parse(Http.get(port, "/papers/date/2025-03-12?code=true").body());

    assertThat(seedDay.select("article.card")).isEmpty();
    assertThat(seedDay.select("p.empty").text()).contains("links to code");
    assertThat(seedDay.select("p.empty a").attr("href")).isEqualTo("?");
  }

  @Test
  void theApiNamesTheRepositoryAndTheProjectPageAsHuggingFaceDoes() {
    JsonNode day = JSON.readTree(Http.get(port, "/api/daily_papers?date=" + DAY).body());
    JsonNode code = paperOf(day, "1608.08021");
    JsonNode page = paperOf(day, "1610.01044");

    assertThat(code.get("githubRepo").asString())
        .isEqualTo("https://github.com/sanghoon/pva-faster-rcnn");
    assertThat(code.has("projectPage")).isFalse();
    assertThat(page.get("projectPage").asString())
        .isEqualTo("https://przchojecki.github.io/deepalgebra/");
    assertThat(page.has("githubRepo")).isFalse();

    JsonNode cobra = JSON.readTree(Http.get(port, "/api/papers/1611.04743").body());
    assertThat(cobra.get("githubRepo").asString())
        .isEqualTo("https://github.com/opencobra/COBRA.jl");
    assertThat(cobra.get("projectPage").asString())
        .isEqualTo("http://opencobra.github.io/COBRA.jl");
    assertThat(cobra.get("artifacts").findValuesAsString("kind"))
        .containsExactly("code", "project_page");
  }

  @Test
  void thePaperPageListsEveryLinkAndAPaperWithoutLinksHasNoSection() {
    Document two = Jsoup.parse(Http.get(port, "/papers/1506.05957").body());
    Document none = Jsoup.parse(Http.get(port, "/papers/1209.5654").body());

    assertThat(two.select("ul.artifacts a").eachText())
        .containsExactly(
            "github.com/barbagroup/fmm-bem-relaxed", "github.com/barbagroup/inexact-gmres");
    assertThat(two.select(".links a.artifact").eachAttr("href"))
        .as("the buttons by the PDF name the first of each kind")
        .containsExactly("https://github.com/barbagroup/fmm-bem-relaxed");
    assertThat(none.select("#artifacts-heading")).isEmpty();
    assertThat(none.select("a.artifact")).isEmpty();
  }

  /** The papers of the site (fixture and sample corpus; the seed day links to none) with code. */
  private static Set<String> withCode() {
    return Stream.concat(
            FIXTURE.stream(),
            SnapshotPapers.read("/arxiv-snapshot/kaggle-format-sample-250.jsonl").stream())
        .filter(paper -> Artifacts.of(paper).hasCode())
        .map(paper -> paper.id().base())
        .collect(Collectors.toSet());
  }

  @Test
  void hasCodeFindsExactlyThePapersThatLinkToCode() {
    Set<String> expected = withCode();
    List<String> found = new ArrayList<>();
    for (JsonNode item :
        JSON.readTree(Http.get(port, "/api/papers/search?q=has:code&limit=100").body())) {
      found.add(item.get("paper").get("id").asString());
    }

    assertThat(expected).hasSizeGreaterThan(15);
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void withCodeAndNoWordsListsEveryPaperWithCode() {
    Document page = Jsoup.parse(Http.get(port, "/search?code=true").body());

    assertThat(page.select("p.byline").text()).isEqualTo(withCode().size() + " papers match.");
    assertThat(page.select("article.result"))
        .hasSize(Math.min(20, withCode().size()))
        .allSatisfy(result -> assertThat(result.select("a.artifact.code")).isNotEmpty());
  }

  @Test
  void theSearchPagesWithCodeBoxFiltersAndKeepsItsPlace() {
    Document all = Jsoup.parse(Http.get(port, "/search?q=deep+learning+algebra").body());
    Document withCode =
        Jsoup.parse(Http.get(port, "/search?q=deep+learning+algebra&code=true").body());
    Document faster =
        Jsoup.parse(
            Http.get(port, "/search?q=pvanet+lightweight+object+detection&code=true").body());

    assertThat(all.select("article.result h3 a").eachAttr("href")).contains("/papers/1610.01044");
    assertThat(withCode.select("article.result h3 a").eachAttr("href"))
        .as("a project page alone is not code")
        .doesNotContain("/papers/1610.01044");
    assertThat(withCode.select("input[name=code]").hasAttr("checked")).isTrue();
    assertThat(
            faster
                .select("article.result:has(a[href=/papers/1608.08021]) a.artifact.code")
                .attr("href"))
        .isEqualTo("https://github.com/sanghoon/pva-faster-rcnn");
  }

  private static JsonNode paperOf(JsonNode day, String id) {
    for (JsonNode item : day) {
      if (item.get("paper").get("id").asString().equals(id)) {
        return item.get("paper");
      }
    }
    throw new AssertionError(id + " is not on the day: " + day);
  }
}
