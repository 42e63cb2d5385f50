package dev.paperboy.author;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.paperboy.paper.Papers;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.support.TestPapers;
import dev.paperboy.support.WebClient;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Author pages and the author API on both engines: names meet folded (case, accents, TeX accents),
 * an initial joins the one full name it can stand for, and initials that fit two people show both
 * as candidates instead of merging them.
 */
abstract class AuthorsContract {
  @LocalServerPort int port;

  @Autowired Papers papers;

  @Autowired PaperSearch search;

  /** Vendelborg: one Patricia, also written "P. Vendelborg". Quellbrünn: a Zoë and a Zachary. */
  @BeforeEach
  void papersByNamesakes() {
    papers.upsertAll(
        List.of(
            paper("2401.70001", "Sparse transport", "Patricia Vendelborg", "Ada Lovelace"),
            paper("2401.70002", "Dense transport", "Patricia Vendelborg", "Alan Turing"),
            paper("2401.70003", "Transport at scale", "P. Vendelborg", "Ada Lovelace"),
            paper("2401.70011", "Folded names", "Zoë Quellbrünn", "Grace Hopper"),
            paper("2401.70012", "TeX names", "Zo\\\"e Quellbr\\\"unn", "Grace Hopper"),
            paper("2401.70013", "Plain names", "ZOE QUELLBRUNN"),
            paper("2401.70014", "Another person", "Zachary Quellbrünn"),
            paper("2401.70015", "Which one", "Z. Quellbrünn")));
    search.catchUp();
  }

  private static dev.paperboy.paper.Paper paper(String id, String title, String... authors) {
    return TestPapers.aPaper(id).title(title + " " + id).authors(List.of(authors)).build();
  }

  private Document page(String path) {
    HttpResponse<String> answer = new WebClient(port).get(path);
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(answer.body());
  }

  private static List<String> ids(Document page) {
    return page.select(".card .eyebrow").eachText().stream()
        .map(t -> t.replaceAll("arXiv (\\S+) .*", "$1"))
        .toList();
  }

  @Test
  void accentsCaseAndTexAccentsAreOnePerson() {
    for (String asked : List.of("Zoë Quellbrünn", "zoe quellbrunn", "ZOE%20QUELLBRUNN")) {
      Document author = page("/authors/" + asked.replace(" ", "%20"));
      assertThat(ids(author))
          .as(asked)
          .containsExactlyInAnyOrder("2401.70011", "2401.70012", "2401.70013");
      assertThat(author.select("h1").text()).isEqualTo("Zoë Quellbrünn");
      assertThat(author.select(".facts a").eachText()).contains("Grace Hopper", "cs.LG");
    }
  }

  @Test
  void anInitialJoinsTheOnlyFullNameItCanStandFor() {
    Document full = page("/authors/Patricia%20Vendelborg");
    assertThat(ids(full)).containsExactlyInAnyOrder("2401.70001", "2401.70002", "2401.70003");
    Document initial = page("/authors/P.%20Vendelborg");
    assertThat(initial.select("h1").text()).isEqualTo("Patricia Vendelborg");
    assertThat(ids(initial)).containsExactlyInAnyOrderElementsOf(ids(full));
    // The paper page links each name to its author page.
    Document paper = page("/papers/2401.70003");
    assertThat(paper.select(".paper .authors a").eachAttr("href"))
        .containsExactly("/authors/P.%20Vendelborg", "/authors/Ada%20Lovelace");
  }

  @Test
  void initialsThatFitTwoPeopleShowTheCandidatesAndMergeNobody() {
    Document initial = page("/authors/Z.%20Quellbr%C3%BCnn");
    assertThat(initial.select(".notice").text()).contains("Several people write their name as");
    assertThat(initial.select(".candidates a").eachText())
        .containsExactly("Zoë Quellbrünn", "Zachary Quellbrünn");
    assertThat(ids(initial)).containsExactly("2401.70015");
    // Neither full name takes the initials' paper, and each names the other.
    assertThat(ids(page("/authors/Zachary%20Quellbrunn"))).containsExactly("2401.70014");
    assertThat(ids(page("/authors/Zoe%20Quellbrunn"))).doesNotContain("2401.70015", "2401.70014");
  }

  @Test
  void theApiAndTheFeedSayTheSame() throws Exception {
    WebClient client = new WebClient(port);
    HttpResponse<String> author =
        client.get("/api/authors/zoe%20quellbrunn", "Accept", "application/json");
    assertThat(author.statusCode()).isEqualTo(200);
    assertThat(author.body())
        .contains(
            "\"name\":\"Zoë Quellbrünn\"",
            "\"numPapers\":3",
            "\"ambiguous\":false",
            "{\"name\":\"Grace Hopper\",\"papers\":2}");
    HttpResponse<String> listed =
        client.get(
            "/api/authors/Patricia%20Vendelborg/papers?limit=2", "Accept", "application/json");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body().split("\"id\":")).hasSize(3);
    assertThat(client.get("/api/authors/Nobody%20Atall", "Accept", "application/json").statusCode())
        .isEqualTo(404);
    assertThat(
            client
                .get(
                    "/api/authors/Patricia%20Vendelborg/papers?limit=0",
                    "Accept", "application/json")
                .statusCode())
        .isEqualTo(400);

    HttpResponse<String> atom = client.get("/feeds/authors/Patricia%20Vendelborg.atom");
    assertThat(atom.statusCode()).isEqualTo(200);
    SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
    assertThat(feed.getEntries().stream().map(SyndEntry::getTitle))
        .containsExactlyInAnyOrder(
            "Sparse transport 2401.70001",
            "Dense transport 2401.70002",
            "Transport at scale 2401.70003");
    assertThat(client.get("/authors/Nobody%20Atall").statusCode()).isEqualTo(404);
    assertThat(client.get("/feeds/authors/Nobody%20Atall.rss").statusCode()).isEqualTo(404);
  }

  @Test
  void aListedPaperSaysWhichListItWasOnAndItsUpvotes() {
    // The demo's seed day lists Patrick Forré's paper (written "Forr\'e" in arXiv's metadata).
    Document author = page("/authors/Patrick%20Forr%C3%A9");
    assertThat(author.select(".card:has(a[href=/papers/2310.11366]) .by").text())
        .isEqualTo("Submitted by AK for Mar 12, 2025");
    assertThat(author.select(".card:has(a[href=/papers/2310.11366]) .upvotes")).hasSize(1);
    assertThat(author.select(".facts a").eachText()).contains("Mircea Mironenco");
  }
}
