package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Http;
import dev.paperboy.support.SeedDayFile;
import dev.paperboy.support.Site;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages through the real HTTP stack, the real templates and a real SQLite store. */
@Site
class PagesTest {
  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void theSeedDayShowsItsSevenPapersInOrderWithTheirCurator() {
    HttpResponse<String> response = Http.get(port, "/papers/date/2025-03-12");
    Document page = Jsoup.parse(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(page.select("article.card h3 a").eachText())
        .containsExactlyElementsOf(
            SeedDayFile.papers().stream().map(SeedDayFile.SeedPaper::title).toList());
    assertThat(page.select("article.card .by").eachText()).containsOnly("Submitted by AK");
    assertThat(page.select("article.card .upvotes").eachText()).containsOnly("0");
    assertThat(page.select("h1").text()).contains("Mar 12, 2025");
    assertThat(page.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Daily");
    assertThat(page.select(".promise").text()).contains("Get trending papers in your email inbox!");
  }

  @Test
  void theFrontPageShowsTheLatestListAndSaysTodayHasNone() {
    for (String path : new String[] {"/", "/papers"}) {
      Document page = Jsoup.parse(Http.get(port, path).body());

      assertThat(page.select(".note").text())
          .isEqualTo(
              "There is no list for today (Nov 27, 2026) yet. This is the latest one, from Mar 12, 2025.");
      assertThat(page.select("article.card")).hasSize(7);
    }
  }

  @Test
  void anEmptyDaySaysSoAndLinksToTheNearestList() {
    Document page = Jsoup.parse(Http.get(port, "/papers/date/2025-03-20").body());

    assertThat(page.select(".empty").text())
        .isEqualTo(
            "No papers are on the list for Mar 20, 2025 yet. See Mar 12, 2025, the latest day before it with papers.");
    assertThat(page.select("a[rel=prev]").attr("href")).isEqualTo("/papers/date/2025-03-12");
    assertThat(page.select("a[rel=next]")).isEmpty();
  }

  @Test
  void thePaperPageShowsAuthorsVersionsLinksAndBibtex() {
    SeedDayFile.SeedPaper seed = SeedDayFile.papers().get(0);
    HttpResponse<String> response = Http.get(port, "/papers/" + seed.id());
    Document page = Jsoup.parse(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(page.select("h1").text()).isEqualTo(seed.title());
    assertThat(page.select(".author").eachText()).containsExactlyElementsOf(seed.authors());
    assertThat(page.select(".versions li").eachText())
        .containsExactly("v1 · Oct 17, 2023", "v2 · Jul 10, 2024");
    assertThat(page.select("a[href=https://arxiv.org/abs/" + seed.id() + "]")).hasSize(1);
    assertThat(page.select("a[href=https://arxiv.org/pdf/" + seed.id() + "]")).hasSize(1);
    assertThat(page.select("textarea#bibtex").text())
        .startsWith("@misc{mironenco2023group,")
        .contains("eprint        = {" + seed.id() + "}");
    assertThat(page.select(".listing a[href^=/papers/date/]").attr("href"))
        .isEqualTo("/papers/date/2025-03-12");
  }

  @Test
  void aVersionedIdOrAnOldStyleIdReachesThePaperPage() {
    assertThat(Http.get(port, "/papers/2310.11366v2").statusCode()).isEqualTo(200);
    HttpResponse<String> oldStyle = Http.get(port, "/papers/hep-th/9901001");
    assertThat(oldStyle.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(oldStyle.body()).select("p").text())
        .contains("no paper hep-th/9901001 yet");
  }

  @Test
  void unknownPagesGetAPageAPersonUnderstands() {
    for (String path :
        new String[] {
          "/no/such/page", "/papers/not-an-id", "/papers/date/2025-13-45", "/papers/new?p=-1"
        }) {
      HttpResponse<String> response = Http.get(port, path, "Accept", "text/html");
      Document page = Jsoup.parse(response.body());

      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(page.select("h1").text()).as(path).isEqualTo("Page not found");
      assertThat(response.body())
          .as(path)
          .doesNotContain("Exception")
          .doesNotContain("at dev.paperboy");
    }
  }

  @Test
  void everyPageCarriesTheSecurityHeaders() {
    HttpResponse<String> response = Http.get(port, "/papers/date/2025-03-12");

    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
    assertThat(Jsoup.parse(response.body()).select("script:not([src])")).isEmpty();
  }

  @Test
  void theNewPageListsTheMostRecentlyPublishedPapers() {
    Document page = Jsoup.parse(Http.get(port, "/papers/new").body());

    assertThat(page.select("nav.tabs a[aria-current=page]").text()).isEqualTo("New");
    // The seed paper with the latest first version (2405.08977, May 2024) leads, ahead of the
    // sample corpus whose newest paper is from 2023.
    assertThat(page.select("article.card h3 a").first().attr("href"))
        .isEqualTo("/papers/2405.08977");
  }

  @Test
  void theNewPageShowsTheLatestArxivAnnouncementsOnceAListingWasRead() {
    jdbc.sql(
            "INSERT INTO announcements (arxiv_id, announced_on, announce_type, version) VALUES ('2310.02970', '2026-11-26', 'new', 3)")
        .update();
    try {
      Document page = Jsoup.parse(Http.get(port, "/papers/new").body());

      assertThat(page.select(".byline").text())
          .startsWith("Announced on arXiv on Nov 26, 2026 in cs.LG, cs.AI");
      assertThat(page.select("article.card h3 a").eachAttr("href"))
          .containsExactly("/papers/2310.02970");
    } finally {
      jdbc.sql("DELETE FROM announcements").update();
    }
  }

  @Test
  void weeklyAndMonthlyListsWithTheirTabsAndNavigation() {
    Document week = Jsoup.parse(Http.get(port, "/papers/week/2025-W11").body());
    Document month = Jsoup.parse(Http.get(port, "/papers/month/2025-03").body());

    assertThat(week.select("article.card")).hasSize(7);
    assertThat(week.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Weekly");
    assertThat(week.select("h1 .date").text())
        .isEqualTo("Week 11 of 2025 (Mar 10, 2025 – Mar 16, 2025)");
    assertThat(week.select("a[rel=prev]").attr("href")).isEqualTo("/papers/week/2025-W10");
    assertThat(week.select("a[rel=next]").attr("href")).isEqualTo("/papers/week/2025-W12");
    assertThat(month.select("article.card")).hasSize(7);
    assertThat(month.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Monthly");
    assertThat(month.select("a[rel=prev]").attr("href")).isEqualTo("/papers/month/2025-02");
  }

  @Test
  void theWeeklyAndMonthlyTabsOpenOnTheLatestPeriodWithPapersAndSaySo() {
    Document week = Jsoup.parse(Http.get(port, "/papers/week").body());
    Document month = Jsoup.parse(Http.get(port, "/papers/month").body());

    assertThat(week.select(".note").text())
        .isEqualTo(
            "There is no list for this week (Week 48 of 2026 (Nov 23, 2026 – Nov 29, 2026)) yet."
                + " This is the latest one with papers.");
    assertThat(week.select("h1 .date").text()).startsWith("Week 11 of 2025");
    assertThat(week.select("article.card")).hasSize(7);
    assertThat(month.select(".note").text())
        .isEqualTo(
            "There is no list for this month (November 2026) yet. This is the latest one with"
                + " papers.");
    assertThat(month.select("article.card")).hasSize(7);
    assertThat(Http.get(port, "/papers/week/2025-W54").statusCode()).isEqualTo(404);
    assertThat(Http.get(port, "/papers/month/2025-13").statusCode()).isEqualTo(404);
  }

  @Test
  void anEmptyPeriodLinksToTheLatestOneBeforeItWithPapers() {
    Document week = Jsoup.parse(Http.get(port, "/papers/week/2026-W40").body());

    assertThat(week.select(".empty").text())
        .isEqualTo(
            "No papers were put on a list in Week 40 of 2026 (Sep 28, 2026 – Oct 4, 2026). See"
                + " Week 11 of 2025 (Mar 10, 2025 – Mar 16, 2025), the latest before it with"
                + " papers.");
    assertThat(week.select(".empty a").attr("href")).isEqualTo("/papers/week/2025-W11");
    assertThat(week.select("article.card")).isEmpty();
  }

  @Test
  void trendingShowsTheLatestListsWhenTheLastWeekHasNothingAndTheRankingIsExplained() {
    Document trending = Jsoup.parse(Http.get(port, "/papers/trending").body());
    Document about = Jsoup.parse(Http.get(port, "/about/ranking").body());

    assertThat(trending.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Trending");
    assertThat(trending.select(".note").text())
        .isEqualTo(
            "Nothing has been put on a list in the last 7 days. This is what was trending in the"
                + " 7 days to Mar 12, 2025, the latest list.");
    assertThat(trending.select("article.card")).hasSize(7);
    assertThat(trending.select("h1 .date").text()).isEqualTo("the 7 days to Mar 12, 2025");
    assertThat(about.select("h1").text()).isEqualTo("How Paperboy ranks papers");
    assertThat(about.select("pre code").text())
        .contains("log10(max(1, upvotes + comments / 2 + 1))");
  }

  @Test
  void theSubscribePageExplainsWhatIsComing() {
    Document page = Jsoup.parse(Http.get(port, "/subscribe").body());

    assertThat(page.select("h1").text()).isEqualTo("Get trending papers in your email inbox");
  }
}
