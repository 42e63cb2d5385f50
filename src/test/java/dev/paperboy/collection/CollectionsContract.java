package dev.paperboy.collection;

import static dev.paperboy.support.Community.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.paper.Papers;
import dev.paperboy.recommend.ForYou;
import dev.paperboy.search.Recommendation;
import dev.paperboy.support.Community;
import dev.paperboy.support.FixedClock;
import dev.paperboy.support.SeedDayFile;
import dev.paperboy.support.TestPapers;
import dev.paperboy.support.WebClient;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Collections and personal API tokens through the real pages and API, on both engines
 * (docs/reliability.md API-4): saving from a card, private is private, a public collection's page,
 * feed and BibTeX, tokens that act for their owner alone and within their scopes, and bad input
 * that is refused with a reason and changes nothing. Each test has members and papers of its own.
 */
abstract class CollectionsContract {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final Pattern COLLECTION_LINK = Pattern.compile("href=\"/collections/(\\d+)\"");

  @LocalServerPort int port;

  @Autowired JdbcClient jdbc;

  @Autowired Papers papers;

  @Autowired Accounts accounts;

  @Autowired ForYou forYou;

  WebClient member() {
    return Community.verifiedMember(port, "saver" + SEQUENCE.incrementAndGet());
  }

  String paper(String title) {
    String id = String.format("2611.%05d", 40_000 + SEQUENCE.incrementAndGet());
    papers.upsertAll(
        List.of(
            TestPapers.recent(
                id,
                title + " " + id,
                "We study " + title + ".",
                FixedClock.NOW.minus(Duration.ofDays(1)))));
    return id;
  }

  int count(String sql, Object... params) {
    var statement = jdbc.sql(sql);
    for (int i = 0; i < params.length; i++) {
      statement = statement.param(i + 1, params[i]);
    }
    return statement.query(Integer.class).single();
  }

  /** Makes a collection through its form and answers its id. */
  long create(WebClient browser, String name, boolean isPublic) {
    HttpResponse<String> made =
        browser.submit(
            "/collections",
            "/collections",
            isPublic ? Map.of("name", name, "isPublic", "true") : Map.of("name", name));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
    String location = made.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  void add(WebClient browser, long collection, String paper) {
    HttpResponse<String> added =
        browser.submit(
            "/collections", "/collections/" + collection + "/papers", Map.of("paper", paper));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
  }

  long readingList(WebClient browser) {
    Matcher link = COLLECTION_LINK.matcher(browser.get("/collections").body());
    assertThat(link.find()).isTrue();
    return Long.parseLong(link.group(1));
  }

  @Test
  void theSaveButtonPutsAPaperInTheReadingListAndTakesItOut() {
    WebClient member = member();
    String paper = paper("Sparse attention for long documents");
    HttpResponse<String> saved =
        member.submit(
            "/papers/" + paper,
            "/saved",
            Map.of("paper", paper),
            "Referer",
            "http://127.0.0.1:" + port + "/papers/" + paper);
    // Without JavaScript the form comes back to the page it was on.
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/papers/" + paper);

    long list = readingList(member);
    Document page = Jsoup.parse(member.get("/collections/" + list).body());
    assertThat(page.select("h1").text()).isEqualTo("Reading list");
    assertThat(page.select(".card h3").text()).contains("Sparse attention for long documents");
    // The paper's own save button now shows it saved, and offers to take it out.
    Document paperPage = Jsoup.parse(member.get("/papers/" + paper).body());
    assertThat(paperPage.select(".save-button").attr("aria-pressed")).isEqualTo("true");
    assertThat(paperPage.select("form[data-save] input[name=undo]").val()).isEqualTo("true");

    // The script's request: JSON back, and the paper leaves the reading list.
    HttpResponse<String> undone =
        member.submit(
            "/papers/" + paper,
            "/saved",
            Map.of("paper", paper, "undo", "true"),
            "Accept",
            "application/json");
    assertThat(undone.statusCode()).isEqualTo(200);
    assertThat(undone.body()).contains("\"saved\":false");
    assertThat(
            count(
                "SELECT count(*) FROM collection_papers WHERE collection_id = ? AND arxiv_id = ?",
                list,
                paper))
        .isZero();
    assertThat(
            Jsoup.parse(member.get("/papers/" + paper).body())
                .select(".save-button")
                .attr("aria-pressed"))
        .isEqualTo("false");
  }

  @Test
  void aPrivateCollectionIsNotFoundByAnyoneButItsOwner() {
    WebClient owner = member();
    String paper = paper("Private reading");
    long mine = create(owner, "Drafts to review", false);
    add(owner, mine, paper);
    assertThat(owner.get("/collections/" + mine).statusCode()).isEqualTo(200);

    WebClient other = member();
    WebClient anonymous = new WebClient(port);
    for (WebClient reader : List.of(other, anonymous)) {
      assertThat(reader.get("/collections/" + mine).statusCode()).isEqualTo(404);
      assertThat(reader.get("/api/collections/" + mine).statusCode()).isEqualTo(404);
      assertThat(reader.get("/api/collections/" + mine + "/export.bib").statusCode())
          .isEqualTo(404);
      assertThat(reader.get("/feeds/collections/" + mine + ".atom").statusCode()).isEqualTo(404);
    }
    // Nor can another member change it: the same 404, and it holds what it held.
    HttpResponse<String> intrusion =
        other.submit(
            "/collections", "/collections/" + mine + "/papers/remove", Map.of("paper", paper));
    assertThat(intrusion.statusCode()).isEqualTo(404);
    HttpResponse<String> rename =
        other.submit("/collections", "/collections/" + mine, Map.of("name", "Mine now"));
    assertThat(rename.statusCode()).isEqualTo(404);
    assertThat(count("SELECT count(*) FROM collection_papers WHERE collection_id = ?", mine))
        .isOne();
    assertThat(owner.get("/collections/" + mine).body()).contains("Drafts to review");
  }

  @Test
  void aPublicCollectionHasAPageAFeedAndABibTeXExport() throws Exception {
    WebClient owner = member();
    String first = paper("Diffusion models for proteins");
    String second = paper("Graph neural networks for molecules");
    long shared = create(owner, "Molecules", true);
    add(owner, shared, first);
    add(owner, shared, second);

    WebClient anonymous = new WebClient(port);
    Document page = Jsoup.parse(anonymous.get("/collections/" + shared).body());
    assertThat(page.select("h1").text()).isEqualTo("Molecules");
    assertThat(page.select(".card h3").eachText())
        .containsExactly(
            "Graph neural networks for molecules " + second,
            "Diffusion models for proteins " + first);
    assertThat(page.select("details.collection-settings")).isEmpty();
    String owner1 = page.select(".byline a").text();
    assertThat(
            Jsoup.parse(anonymous.get("/members/" + owner1).body())
                .select(".collection-list a")
                .text())
        .isEqualTo("Molecules");

    HttpResponse<String> atom = anonymous.get("/feeds/collections/" + shared + ".atom");
    assertThat(atom.statusCode()).isEqualTo(200);
    SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
    assertThat(feed.getEntries().stream().map(SyndEntry::getTitle))
        .containsExactly(
            "Graph neural networks for molecules " + second,
            "Diffusion models for proteins " + first);

    HttpResponse<String> bib = anonymous.get("/api/collections/" + shared + "/export.bib");
    assertThat(bib.statusCode()).isEqualTo(200);
    assertThat(bib.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-bibtex"));
    BibTeXDatabase parsed = new BibTeXParser().parse(new StringReader(bib.body()));
    assertThat(parsed.getEntries()).hasSize(2);
    assertThat(
            parsed.getEntries().values().stream()
                .map(e -> e.getField(new org.jbibtex.Key("eprint")).toUserString()))
        .containsExactly(second, first);
    assertThat(parsed.getEntries().values().stream().map(BibTeXEntry::getType))
        .allMatch(type -> type.getValue().equals("misc"));
  }

  @Test
  void aTokenActsForItsOwnerAloneAndWithinItsScopes() {
    WebClient owner = member();
    String paper = paper("Token-saved paper");
    HttpResponse<String> made =
        owner.submit(
            "/account/tokens",
            "/account/tokens",
            Map.of("name", "script", "scopes", "collections:write"));
    assertThat(made.statusCode()).isEqualTo(200);
    String raw = Jsoup.parse(made.body()).select("#new-token").text();
    assertThat(raw).startsWith("pb_").hasSizeGreaterThan(40);
    // Only a hash is kept, and the page does not show the token again.
    assertThat(count("SELECT count(*) FROM api_tokens WHERE token_hash = ?", raw)).isZero();
    assertThat(owner.get("/account/tokens").body()).doesNotContain(raw);

    // A token needs no session and no CSRF token: it makes a collection and saves to it.
    HttpResponse<String> created =
        api(raw, "POST", "/api/collections", "{\"name\":\"From a script\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long collection = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
    HttpResponse<String> added =
        api(
            raw,
            "POST",
            "/api/collections/" + collection + "/papers",
            "{\"paper_id\":\"arXiv:" + paper + "v1\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(added.body()).contains("\"numPapers\":1");
    // A write-only token may not read the private collections.
    assertThat(api(raw, "GET", "/api/collections", null).statusCode()).isEqualTo(403);

    // Another member's token cannot add to it, nor take from it: 404, and nothing changes.
    WebClient other = member();
    String othersToken =
        Jsoup.parse(
                other
                    .submit(
                        "/account/tokens",
                        "/account/tokens",
                        Map.of("name", "other", "scopes", "collections:write"))
                    .body())
            .select("#new-token")
            .text();
    String intruder = paper("Not yours");
    assertThat(
            api(
                    othersToken,
                    "POST",
                    "/api/collections/" + collection + "/papers",
                    "{\"paper_id\":\"" + intruder + "\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            api(othersToken, "DELETE", "/api/collections/" + collection + "/papers/" + paper, null)
                .statusCode())
        .isEqualTo(404);
    assertThat(count("SELECT count(*) FROM collection_papers WHERE collection_id = ?", collection))
        .isOne();

    // The token acts for its owner even when another member's session cookie comes with it.
    String mixed = paper("Saved with a stray cookie");
    assertThat(
            other
                .send(
                    request(
                        raw,
                        "POST",
                        "/api/collections/" + collection + "/papers",
                        "{\"paper_id\":\"" + mixed + "\"}"))
                .statusCode())
        .isEqualTo(200);
    assertThat(count("SELECT count(*) FROM collection_papers WHERE collection_id = ?", collection))
        .isEqualTo(2);

    // Revoked, or never made: 401, and nothing changes.
    long tokenId =
        jdbc.sql("SELECT max(id) FROM api_tokens WHERE name = 'script'").query(Long.class).single();
    HttpResponse<String> revoked =
        owner.submit("/account/tokens", "/account/tokens/" + tokenId + "/revoke", Map.of());
    assertThat(revoked.statusCode()).isEqualTo(302);
    assertThat(api(raw, "POST", "/api/collections", "{\"name\":\"After revoking\"}").statusCode())
        .isEqualTo(401);
    assertThat(api("pb_" + "x".repeat(43), "GET", "/api/collections", null).statusCode())
        .isEqualTo(401);
    assertThat(count("SELECT count(*) FROM collections WHERE name = 'After revoking'")).isZero();
    // Another member cannot revoke a token that is not theirs.
    long othersId =
        jdbc.sql("SELECT max(id) FROM api_tokens WHERE name = 'other'").query(Long.class).single();
    assertThat(
            owner
                .submit("/account/tokens", "/account/tokens/" + othersId + "/revoke", Map.of())
                .statusCode())
        .isEqualTo(404);
    assertThat(
            count("SELECT count(*) FROM api_tokens WHERE id = ? AND revoked_at IS NULL", othersId))
        .isOne();
  }

  @Test
  void badInputIsRefusedWithAReasonAndChangesNothing() {
    WebClient member = member();
    long list = readingList(member);
    int before = count("SELECT count(*) FROM collections");

    assertThat(refusal(member, Map.of("name", "  "))).isEqualTo("Give the collection a name.");
    assertThat(refusal(member, Map.of("name", "x".repeat(81))))
        .isEqualTo("A collection's name has at most 80 characters.");
    assertThat(refusal(member, Map.of("name", "READING LIST")))
        .isEqualTo("You already have a collection called READING LIST.");
    assertThat(count("SELECT count(*) FROM collections")).isEqualTo(before);

    HttpResponse<String> badId =
        member.submit(
            "/collections", "/collections/" + list + "/papers", Map.of("paper", "not-an-id"));
    assertThat(badId.statusCode()).isEqualTo(400);
    HttpResponse<String> unknown =
        member.submit(
            "/collections", "/collections/" + list + "/papers", Map.of("paper", "2611.99999"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Paperboy has no paper 2611.99999");
    HttpResponse<String> deleteReadingList =
        member.submit("/collections", "/collections/" + list + "/delete", Map.of());
    assertThat(deleteReadingList.statusCode()).isEqualTo(400);
    assertThat(count("SELECT count(*) FROM collection_papers WHERE collection_id = ?", list))
        .isZero();
    assertThat(count("SELECT count(*) FROM collections WHERE id = ?", list)).isOne();

    // A member who has not confirmed their address keeps private collections only.
    String name = "unconfirmed" + SEQUENCE.incrementAndGet();
    WebClient unconfirmed = new WebClient(port);
    unconfirmed.submit(
        "/signup",
        "/signup",
        Map.of("email", name + "@example.org", "username", name, "password", PASSWORD));
    Community.signIn(unconfirmed, name + "@example.org", PASSWORD);
    HttpResponse<String> published =
        unconfirmed.submit(
            "/collections", "/collections", Map.of("name", "Public", "isPublic", "true"));
    assertThat(published.statusCode()).isEqualTo(403);
    assertThat(published.body()).contains("Verify your email address");
    assertThat(count("SELECT count(*) FROM collections WHERE name = 'Public'")).isZero();
  }

  @Test
  void savedPapersShapeTheMembersRecommendations() {
    WebClient member = member();
    // A paper of the demo's seed day: the index holds it and papers like it.
    String saved = SeedDayFile.papers().get(0).id();
    member.submit("/papers/" + saved, "/saved", Map.of("paper", saved));
    Account account = accounts.byUsername("saver" + SEQUENCE.get()).orElseThrow();
    List<Recommendation> recommended = forYou.recommend(account, 10);
    assertThat(recommended).isNotEmpty();
    assertThat(recommended)
        .extracting(Recommendation::reason)
        .anyMatch(r -> r.contains("which you saved"));
    assertThat(recommended).extracting(r -> r.hit().id().base()).doesNotContain(saved);
  }

  private String refusal(WebClient member, Map<String, String> form) {
    HttpResponse<String> refused = member.submit("/collections", "/collections", form);
    assertThat(refused.statusCode()).isIn(400, 403);
    return Jsoup.parse(refused.body()).select("#collection-problem").text();
  }

  private HttpResponse<String> api(String token, String method, String path, String json) {
    return new WebClient(port).send(request(token, method, path, json));
  }

  private HttpRequest.Builder request(String token, String method, String path, String json) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
  }
}
