package dev.paperboy.community;

import static dev.paperboy.support.Community.PASSWORD;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.ArxivStub;
import dev.paperboy.support.Community;
import dev.paperboy.support.CommunityArxiv;
import dev.paperboy.support.FixedClock;
import dev.paperboy.support.TestPapers;
import dev.paperboy.support.WebClient;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Submissions, upvotes, comments and moderation through the real pages, on both engines
 * (docs/reliability.md VOTE-1, VOTE-3, VOTE-5, VOTE-6, VOTE-7). Each test uses members and papers
 * of its own, so the order of tests does not matter.
 */
abstract class CommunityContract {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort int port;

  @Autowired JdbcClient jdbc;

  @Autowired Papers papers;

  @Autowired Accounts accounts;

  @Autowired dev.paperboy.search.PaperSearch search;

  /** A distinct name per call, also across the engines' test classes in one JVM. */
  static String fresh(String prefix) {
    return prefix + SEQUENCE.incrementAndGet();
  }

  /** A paper published yesterday (so members may submit it), stored and on no list. */
  String recentPaper() {
    return recentPaper("Fresh results");
  }

  /** As {@link #recentPaper()}, with a title of the test's choosing. */
  String recentPaper(String title) {
    String id = String.format("2611.%05d", 10_000 + SEQUENCE.incrementAndGet());
    Instant published = FixedClock.NOW.minus(Duration.ofDays(1));
    papers.upsertAll(List.of(TestPapers.recent(id, title + " " + id, published)));
    return id;
  }

  /** As {@link #recentPaper(String)}, with an abstract that restates the title, as most do. */
  String recentPaperAbout(String title) {
    String id = String.format("2611.%05d", 10_000 + SEQUENCE.incrementAndGet());
    Instant published = FixedClock.NOW.minus(Duration.ofDays(1));
    papers.upsertAll(
        List.of(TestPapers.recent(id, title + " " + id, "We study " + title + ".", published)));
    return id;
  }

  WebClient member() {
    return Community.verifiedMember(port, fresh("member"));
  }

  WebClient withRole(Role role) {
    String name = fresh(role.name().toLowerCase());
    accounts.add(name + "@example.org", name, role, PASSWORD);
    WebClient browser = new WebClient(port);
    Community.signIn(browser, name + "@example.org", PASSWORD);
    return browser;
  }

  HttpResponse<String> submit(WebClient browser, String paper) {
    return browser.submit("/papers/submit", "/papers/submit", Map.of("paper_id", paper));
  }

  HttpResponse<String> upvote(WebClient browser, String paper, boolean undo) {
    return browser.submit(
        "/papers/" + paper,
        "/upvote",
        Map.of("paper", paper, "undo", Boolean.toString(undo)),
        "Accept",
        "application/json");
  }

  int count(String sql, Object... params) {
    var statement = jdbc.sql(sql);
    for (int i = 0; i < params.length; i++) {
      statement = statement.param(i + 1, params[i]);
    }
    return statement.query(Integer.class).single();
  }

  int upvotes(String paper) {
    return count("SELECT upvotes FROM daily_entries WHERE arxiv_id = ?", paper);
  }

  @Test
  void everyFormOfAnIdSubmittedConcurrentlyMakesOneEntry() throws Exception {
    String id = recentPaper();
    List<WebClient> members = List.of(member(), member());
    List<String> forms =
        List.of(
            id,
            "arXiv:" + id + "v2",
            "https://arxiv.org/abs/" + id + "v3",
            "http://arxiv.org/pdf/" + id + ".pdf",
            "https://arxiv.org/html/" + id + "v1");
    // The session's form token is made on first use; a browser has it before it can submit.
    members.forEach(member -> member.csrf("/papers/submit"));
    List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (String form : forms) {
        for (WebClient member : members) {
          calls.add(() -> submit(member, form));
        }
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
            .endsWith("/papers/" + id);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(count("SELECT count(*) FROM daily_entries WHERE arxiv_id = ?", id)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM papers WHERE arxiv_id = ?", id)).isEqualTo(1);
    Document today = Jsoup.parse(new WebClient(port).get("/papers/date/2026-11-27").body());
    assertThat(today.select(".card h3 a[href=/papers/" + id + "]")).hasSize(1);
  }

  @Test
  void oldPapersAreForCuratorsAndOldStyleIdsAreCanonicalised() {
    WebClient member = member();
    HttpResponse<String> refused = submit(member, "https://arxiv.org/abs/2310.11366v2");
    // The seed day's paper is on a list already: the member is sent to it, nothing changes.
    assertThat(refused.statusCode()).isEqualTo(302);

    String oldStyle = String.format("hep-th/9901%03d", SEQUENCE.incrementAndGet() % 1000);
    papers.upsertAll(List.of(dev.paperboy.support.TestPapers.aPaper(oldStyle).build()));
    HttpResponse<String> tooOld = submit(member, oldStyle);
    assertThat(tooOld.statusCode()).isEqualTo(403);
    assertThat(tooOld.body()).contains("can only be featured by a curator");
    assertThat(count("SELECT count(*) FROM daily_entries WHERE arxiv_id = ?", oldStyle)).isZero();

    // The demo corpus's papers are years old too, but on a data directory that got the demo any
    // member may submit them: that is how a newcomer tries the community loop.
    String demoPaper = "2212.11802";
    dev.paperboy.support.DemoLoads.awaitDone(jdbc);
    HttpResponse<String> fromTheDemo = submit(member, demoPaper);
    assertThat(fromTheDemo.statusCode()).isEqualTo(302);
    assertThat(fromTheDemo.headers().firstValue("Location").orElseThrow())
        .endsWith("/papers/" + demoPaper);
    assertThat(count("SELECT count(*) FROM daily_entries WHERE arxiv_id = ?", demoPaper))
        .isEqualTo(1);

    WebClient curator = withRole(Role.CURATOR);
    String withSubjectClass = oldStyle.replace("hep-th/", "hep-th.XX/") + "v2";
    HttpResponse<String> featured = submit(curator, withSubjectClass.replace(".XX", ""));
    assertThat(featured.statusCode()).isEqualTo(302);
    assertThat(featured.headers().firstValue("Location").orElseThrow())
        .endsWith("/papers/" + oldStyle);
    assertThat(count("SELECT count(*) FROM daily_entries WHERE arxiv_id = ?", oldStyle))
        .isEqualTo(1);

    HttpResponse<String> garbage = submit(member, "https://arxiv.org.evil.com/abs/2401.00001");
    assertThat(garbage.statusCode()).isEqualTo(400);
  }

  @Test
  void aPaperNotInTheStoreIsFetchedFromArxivAndAnUnreachableArxivStoresNothing() throws Exception {
    WebClient curator = withRole(Role.CURATOR);
    ArxivStub arxiv = CommunityArxiv.STUB;
    arxiv.reset();
    arxiv.then(
        ArxivStub.Reply.xml(
            Files.readString(
                Path.of(
                    "src/test/resources/arxiv/arxiv-api/arxivpy-id_1605.08386_s0_m100_199195aa31ad.xml"))));
    if (count("SELECT count(*) FROM papers WHERE arxiv_id = '1605.08386'") == 0) {
      HttpResponse<String> fetched = submit(curator, "https://arxiv.org/abs/1605.08386v1");
      assertThat(fetched.statusCode()).isEqualTo(302);
      assertThat(arxiv.requests()).singleElement().asString().contains("id_list=1605.08386");
    }
    assertThat(count("SELECT count(*) FROM daily_entries WHERE arxiv_id = '1605.08386'"))
        .isEqualTo(1);

    arxiv.reset();
    arxiv.then(ArxivStub.Reply.status(503, null));
    String missing = String.format("2612.%05d", SEQUENCE.incrementAndGet());
    HttpResponse<String> offline = submit(curator, missing);
    assertThat(offline.statusCode()).isEqualTo(503);
    assertThat(offline.body()).contains("nothing was stored");
    assertThat(count("SELECT count(*) FROM papers WHERE arxiv_id = ?", missing)).isZero();
    assertThat(count("SELECT count(*) FROM daily_entries WHERE arxiv_id = ?", missing)).isZero();
  }

  @Test
  void fiftyConcurrentIdenticalUpvotesGiveOneVote() throws Exception {
    String id = recentPaper();
    WebClient member = member();
    submit(member, id);
    String token = member.csrf("/papers/" + id);
    List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(
          () ->
              member.post(
                  "/upvote",
                  Map.of("_csrf", token, "paper", id, "undo", "false"),
                  "Accept",
                  "application/json"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
        assertThat(answer.get().statusCode()).isEqualTo(200);
        assertThat(answer.get().body()).contains("\"upvotes\":1");
      }
    } finally {
      pool.shutdown();
    }
    assertThat(count("SELECT count(*) FROM votes WHERE arxiv_id = ?", id)).isEqualTo(1);
    assertThat(upvotes(id)).isEqualTo(1);
  }

  @Test
  void aReaderNotSignedInIsSentToSignInAndBroughtBack() {
    for (String page :
        List.of("/papers/submit", "/account", "/for-you", "/for-you/library", "/curate")) {
      HttpResponse<String> anonymous = new WebClient(port).get(page + "?from=test");
      assertThat(anonymous.statusCode()).as(page).isEqualTo(302);
      String location = anonymous.headers().firstValue("Location").orElseThrow();
      assertThat(URI.create(location).getPath()).as(page).isEqualTo("/login");
      String next = URLDecoder.decode(location.substring(location.indexOf("next=") + 5), UTF_8);
      assertThat(next).as(page).isEqualTo(page + "?from=test");
    }
    WebClient reader = new WebClient(port);
    String name = fresh("returning");
    accounts.add(name + "@example.org", name, Role.MEMBER, PASSWORD);
    String login = "/login?next=" + URLEncoder.encode("/for-you?from=test", UTF_8);
    Document form = Jsoup.parse(reader.get(login).body());
    HttpResponse<String> signedIn =
        reader.submit(
            login,
            "/login",
            Map.of(
                "email",
                name + "@example.org",
                "password",
                PASSWORD,
                "next",
                form.select("input[name=next]").val()));
    assertThat(signedIn.headers().firstValue("Location"))
        .hasValueSatisfying(back -> assertThat(back).endsWith("/for-you?from=test"));
    assertThat(reader.get("/for-you").statusCode()).isEqualTo(200);
  }

  @Test
  void upvotesWorkAsPlainFormPostsAndCanBeTakenBack() {
    String id = recentPaper();
    WebClient member = member();
    submit(member, id);
    HttpResponse<String> plain =
        member.submit("/papers/" + id, "/upvote", Map.of("paper", id, "undo", "false"));
    assertThat(plain.statusCode()).isEqualTo(302);
    assertThat(upvotes(id)).isEqualTo(1);
    Document page = Jsoup.parse(member.get("/papers/" + id).body());
    assertThat(page.select("form.vote button").attr("aria-pressed")).isEqualTo("true");
    assertThat(page.select("form.vote .upvotes").text()).isEqualTo("1");
    assertThat(page.select("figure.upvote-history figcaption").text())
        .as("the chart counts today's upvote")
        .isEqualTo("1 upvote since Nov 27, 2026, 1 today");
    assertThat(page.select("figure.upvote-history .axis span").eachText())
        .as("a week at least, ending today")
        .containsExactly("Nov 21, 2026", "Nov 27, 2026");

    assertThat(upvote(member, id, true).body()).contains("\"upvoted\":false");
    assertThat(upvote(member, id, true).body()).contains("\"upvotes\":0");
    assertThat(upvotes(id)).isZero();
  }

  @Test
  void unverifiedMembersCannotVoteAndNothingIsStored() {
    String id = recentPaper();
    submit(member(), id);
    String name = fresh("unverified");
    WebClient browser = new WebClient(port);
    browser.submit(
        "/signup",
        "/signup",
        Map.of("email", name + "@example.org", "username", name, "password", PASSWORD));
    Community.signIn(browser, name + "@example.org", PASSWORD);

    HttpResponse<String> vote = upvote(browser, id, false);

    assertThat(vote.statusCode()).isEqualTo(403);
    assertThat(vote.body()).contains("Confirm your email");
    assertThat(count("SELECT count(*) FROM votes WHERE arxiv_id = ?", id)).isZero();
  }

  @Test
  void aBannedMembersVotesLeaveTheCountsAndTheBanIsLogged() {
    String id = recentPaper();
    WebClient first = member();
    submit(first, id);
    String bannedName = fresh("spammer");
    WebClient banned = Community.verifiedMember(port, bannedName);
    upvote(first, id, false);
    upvote(banned, id, false);
    assertThat(upvotes(id)).isEqualTo(2);

    WebClient admin = withRole(Role.ADMIN);
    HttpResponse<String> ban =
        admin.submit(
            "/curate", "/curate/ban", Map.of("username", bannedName, "reason", "vote ring"));

    assertThat(ban.statusCode()).isEqualTo(302);
    assertThat(upvotes(id)).isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM moderation_log WHERE action = 'ban' AND target = ?",
                "member " + bannedName))
        .isEqualTo(1);
    HttpResponse<String> again = upvote(banned, id, true);
    assertThat(again.statusCode()).isEqualTo(403);
    assertThat(again.body()).contains("banned by");
    assertThat(new WebClient(port).get("/moderation").body()).contains("vote ring");
  }

  @Test
  void commentsRenderMarkdownAndEveryXssPayloadInert() {
    String id = recentPaper();
    WebClient member = member();
    submit(member, id);
    List<String> payloads =
        List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "<svg onload=alert(1)>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "[d](data:text/html;base64,PHNjcmlwdD4=)",
            "</textarea><script>alert(1)</script>",
            "**bold** and [a link](https://example.org) and `code`");
    for (String payload : payloads) {
      HttpResponse<String> posted =
          member.submit("/papers/" + id, "/comments", Map.of("paper", id, "body", payload));
      assertThat(posted.statusCode()).as(payload).isEqualTo(302);
    }
    HttpResponse<String> page = member.get("/papers/" + id);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'")
        .doesNotContain("unsafe-inline");
    Document dom = Jsoup.parse(page.body());
    List<Element> bodies = dom.select(".comment-body");
    assertThat(bodies).hasSize(payloads.size());
    for (Element body : bodies) {
      assertThat(body.select("script, img, svg, iframe")).isEmpty();
      for (Element element : body.getAllElements()) {
        assertThat(element.attributes().asList())
            .noneMatch(attribute -> attribute.getKey().toLowerCase().startsWith("on"));
      }
      for (Element link : body.select("a[href]")) {
        assertThat(link.attr("href")).startsWith("https://");
        assertThat(link.attr("rel")).isEqualTo("nofollow ugc");
      }
    }
    assertThat(dom.select("script:not([src])")).isEmpty();
    assertThat(bodies.get(bodies.size() - 1).select("strong").text()).isEqualTo("bold");
    assertThat(count("SELECT comments FROM daily_entries WHERE arxiv_id = ?", id))
        .isEqualTo(payloads.size());
  }

  @Test
  void oversizedAndDeeplyNestedCommentsAreRefusedAndNotStored() {
    String id = recentPaper();
    WebClient member = member();
    submit(member, id);
    HttpResponse<String> huge =
        member.submit(
            "/papers/" + id, "/comments", Map.of("paper", id, "body", "a".repeat(100_000)));
    HttpResponse<String> deepest =
        member.submit(
            "/papers/" + id,
            "/comments",
            Map.of("paper", id, "body", ">".repeat(10_000) + " deep"));
    HttpResponse<String> nested =
        member.submit(
            "/papers/" + id, "/comments", Map.of("paper", id, "body", "> ".repeat(2_000) + "deep"));
    assertThat(deepest.statusCode()).isEqualTo(400);
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body()).contains("at most 10,000 characters");
    assertThat(nested.statusCode()).isEqualTo(400);
    assertThat(nested.body()).contains("nested at most 20 levels");
    assertThat(count("SELECT count(*) FROM comments WHERE arxiv_id = ?", id)).isZero();
  }

  @Test
  void repliesAreOneLevelDeepAndOnlyTheAuthorEditsOrDeletes() {
    String id = recentPaper();
    WebClient author = member();
    WebClient other = member();
    submit(author, id);
    author.submit("/papers/" + id, "/comments", Map.of("paper", id, "body", "First!"));
    long top = count("SELECT max(id) FROM comments WHERE arxiv_id = ?", id);
    other.submit(
        "/papers/" + id, "/comments", Map.of("paper", id, "parent", "" + top, "body", "Reply"));
    long reply = count("SELECT max(id) FROM comments WHERE arxiv_id = ?", id);
    author.submit(
        "/papers/" + id,
        "/comments",
        Map.of("paper", id, "parent", "" + reply, "body", "Reply to the reply"));
    long own = count("SELECT max(id) FROM comments WHERE arxiv_id = ?", id);
    assertThat(count("SELECT count(*) FROM comments WHERE arxiv_id = ? AND parent_id = ?", id, top))
        .as("a reply to a reply joins the thread")
        .isEqualTo(2);

    HttpResponse<String> stolen =
        other.submit("/papers/" + id, "/comments/" + top + "/edit", Map.of("body", "hijacked"));
    assertThat(stolen.statusCode()).isEqualTo(403);
    author.submit("/papers/" + id, "/comments/" + top + "/edit", Map.of("body", "First, edited"));
    assertThat(
            author.submit("/papers/" + id, "/comments/" + reply + "/delete", Map.of()).statusCode())
        .as("someone else's reply")
        .isEqualTo(403);
    author.submit("/papers/" + id, "/comments/" + own + "/delete", Map.of());
    assertThat(other.submit("/papers/" + id, "/comments/" + top + "/delete", Map.of()).statusCode())
        .isEqualTo(403);

    Document page = Jsoup.parse(other.get("/papers/" + id).body());
    assertThat(page.select("#comment-" + top + " .comment-body").text()).isEqualTo("First, edited");
    assertThat(page.select(".replies .comment")).hasSize(2);
    assertThat(count("SELECT comments FROM daily_entries WHERE arxiv_id = ?", id)).isEqualTo(2);
  }

  @Test
  void moderatorActionsAreLoggedAndTheLogCannotBeChanged() {
    String id = recentPaper();
    String reason = "spam on " + id;
    WebClient author = member();
    submit(author, id);
    author.submit("/papers/" + id, "/comments", Map.of("paper", id, "body", "Buy pills"));
    long comment = count("SELECT max(id) FROM comments WHERE arxiv_id = ?", id);

    HttpResponse<String> notAModerator =
        author.submit(
            "/papers/" + id,
            "/curate/hide-comment",
            Map.of("comment", "" + comment, "reason", "mine"));
    assertThat(notAModerator.statusCode()).isEqualTo(403);

    WebClient curator = withRole(Role.CURATOR);
    curator.submit(
        "/curate", "/curate/hide-comment", Map.of("comment", "" + comment, "reason", reason));
    assertThat(Jsoup.parse(author.get("/papers/" + id).body()).select(".comment-body")).isEmpty();
    assertThat(
            count(
                "SELECT count(*) FROM moderation_log WHERE action = 'hide comment' AND reason = ?",
                reason))
        .isEqualTo(1);

    assertThatThrownBy(() -> jdbc.sql("UPDATE moderation_log SET reason = 'nothing'").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM moderation_log").update())
        .hasMessageContaining("append-only");
    String token = curator.csrf("/curate");
    assertThat(curator.post("/moderation", Map.of("_csrf", token)).statusCode()).isEqualTo(405);
    assertThat(count("SELECT count(*) FROM moderation_log WHERE reason = ?", reason)).isEqualTo(1);
  }

  @Test
  void theApiSubmitsAndUpvotesWithTheSessionAndItsToken() {
    String id = recentPaper();
    WebClient member = member();
    String token = member.csrf("/papers/submit");
    HttpResponse<String> anonymous =
        apiPost(new WebClient(port), "/api/papers/submit", null, "{\"paper_id\":\"" + id + "\"}");
    assertThat(anonymous.statusCode()).isIn(401, 403);

    HttpResponse<String> created =
        apiPost(member, "/api/papers/submit", token, "{\"paper_id\":\"arXiv:" + id + "v1\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"paper_id\":\"" + id + "\"");

    HttpResponse<String> vote = apiPost(member, "/api/papers/" + id + "/upvote", token, null);
    assertThat(vote.statusCode()).isEqualTo(200);
    assertThat(vote.body()).contains("\"upvotes\":1");

    HttpResponse<String> bad =
        apiPost(member, "/api/papers/submit", token, "{\"paper_id\":\"file:///etc/passwd\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElseThrow())
        .contains("application/problem+json");
  }

  /** A POST to the API as a script would send it: JSON body, the form token in a header. */
  private HttpResponse<String> apiPost(
      WebClient client,
      String path,
      @org.jspecify.annotations.Nullable String token,
      @org.jspecify.annotations.Nullable String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("X-CSRF-TOKEN", token);
    }
    return client.send(request);
  }

  @Test
  void aProfileShowsTheMembersSubmissionsUpvotesAndComments() {
    String id = recentPaper();
    String name = fresh("profiled");
    WebClient member = Community.verifiedMember(port, name);
    submit(member, id);
    upvote(member, id, false);
    member.submit("/papers/" + id, "/comments", Map.of("paper", id, "body", "A _fine_ paper"));

    HttpResponse<String> profile = new WebClient(port).get("/members/" + name);

    assertThat(profile.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(profile.body());
    assertThat(page.select("h1").text()).isEqualTo(name);
    assertThat(page.select(".card h3 a[href=/papers/" + id + "]")).hasSize(2);
    assertThat(page.select(".comment-body em").text()).isEqualTo("fine");
    assertThat(new WebClient(port).get("/members/nobody-at-all").statusCode()).isEqualTo(404);
  }

  @Test
  void aDeletedAccountsVotesGoAndItsSubmissionsStayAsDeleted() {
    String id = recentPaper();
    String name = fresh("leaver");
    WebClient leaver = Community.verifiedMember(port, name);
    submit(leaver, id);
    upvote(leaver, id, false);
    leaver.submit("/papers/" + id, "/comments", Map.of("paper", id, "body", "bye"));
    assertThat(upvotes(id)).isEqualTo(1);

    HttpResponse<String> wrong =
        leaver.submit("/account/delete", "/account/delete", Map.of("current", "not my password"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    HttpResponse<String> deleted =
        leaver.submit("/account/delete", "/account/delete", Map.of("current", PASSWORD));

    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM members WHERE username = ?", name)).isZero();
    assertThat(upvotes(id)).isZero();
    assertThat(count("SELECT comments FROM daily_entries WHERE arxiv_id = ?", id)).isZero();
    Document page = Jsoup.parse(new WebClient(port).get("/papers/" + id).body());
    assertThat(page.select(".listing").text()).contains("[deleted]");
  }

  @Test
  void curatorsFeaturePinRemoveAndHideFromTheQueueAndEveryActionIsLogged() {
    String announced = recentPaper();
    jdbc.sql(
            "INSERT INTO announcements (arxiv_id, announced_on, announce_type, version)"
                + " VALUES (?, '2026-11-27', 'new', 1)")
        .param(1, announced)
        .update();
    WebClient member = member();
    assertThat(member.get("/curate").statusCode()).isEqualTo(403);
    WebClient curator = withRole(Role.CURATOR);

    Document queue = Jsoup.parse(curator.get("/curate").body());
    assertThat(
            queue.select("form[action=/curate/feature] input[name=paper][value=" + announced + "]"))
        .hasSize(1);
    assertThat(
            curator.submit("/curate", "/curate/feature", Map.of("paper", announced)).statusCode())
        .isEqualTo(302);
    String other = recentPaper();
    submit(member, other);
    upvote(member, other, false);
    Document today = Jsoup.parse(new WebClient(port).get("/papers/date/2026-11-27").body());
    int before = today.select(".card h3 a").eachAttr("href").indexOf("/papers/" + announced);

    curator.submit("/curate", "/curate/pin", Map.of("paper", announced));
    today = Jsoup.parse(new WebClient(port).get("/papers/date/2026-11-27").body());
    assertThat(today.select(".card h3 a").eachAttr("href").indexOf("/papers/" + announced))
        .isZero()
        .isLessThan(Math.max(1, before));

    curator.submit("/curate", "/curate/remove", Map.of("paper", other, "reason", "off topic"));
    curator.submit("/curate", "/curate/hide-paper", Map.of("paper", announced, "reason", "spam"));
    today = Jsoup.parse(new WebClient(port).get("/papers/date/2026-11-27").body());
    assertThat(today.select(".card h3 a").eachAttr("href"))
        .doesNotContain("/papers/" + announced, "/papers/" + other);
    assertThat(count("SELECT count(*) FROM daily_entries WHERE arxiv_id = ?", other)).isZero();
    assertThat(count("SELECT count(*) FROM votes WHERE arxiv_id = ?", other))
        .as("votes are kept")
        .isEqualTo(1);

    Document log = Jsoup.parse(new WebClient(port).get("/moderation").body());
    assertThat(log.select("table.log tbody tr").eachText())
        .anySatisfy(row -> assertThat(row).contains("feature", "paper " + announced))
        .anySatisfy(row -> assertThat(row).contains("pin", "paper " + announced))
        .anySatisfy(
            row -> assertThat(row).contains("remove from list", "paper " + other, "off topic"))
        .anySatisfy(row -> assertThat(row).contains("hide paper", "paper " + announced, "spam"));
    HttpResponse<String> noReason =
        curator.submit("/curate", "/curate/remove", Map.of("paper", announced, "reason", " "));
    assertThat(noReason.statusCode()).isEqualTo(400);
  }

  @Test
  void searchCanOrderTheBestMatchesByUpvotes() {
    String word = "zyzzyva" + SEQUENCE.incrementAndGet();
    String quiet = recentPaper(word + " " + word + " in depth");
    String loved = recentPaper("A note on " + word);
    WebClient member = member();
    submit(member, quiet);
    submit(member, loved);
    upvote(member, loved, false);
    search.catchUp();

    HttpResponse<String> byVotes =
        dev.paperboy.support.Http.get(port, "/api/papers/search?q=" + word + "&sort=upvotes");
    HttpResponse<String> byRelevance =
        dev.paperboy.support.Http.get(port, "/api/papers/search?q=" + word);

    assertThat(byVotes.statusCode()).isEqualTo(200);
    assertThat(byVotes.body().indexOf(loved)).isLessThan(byVotes.body().indexOf(quiet));
    assertThat(byRelevance.body().indexOf(quiet)).isLessThan(byRelevance.body().indexOf(loved));
    Document page =
        Jsoup.parse(new WebClient(port).get("/search?q=" + word + "&sort=upvotes").body());
    assertThat(page.select("option[value=upvotes]").attr("selected")).isNotNull();
    assertThat(page.text().indexOf("A note on")).isLessThan(page.text().indexOf("in depth"));
  }

  @Test
  void forYouRecommendsFromUpvotesAndFollowsAndSaysWhy() {
    WebClient member = member();
    Document empty = Jsoup.parse(member.get("/for-you").body());
    assertThat(empty.select(".empty").text()).contains("Nothing yet");

    HttpResponse<String> bad =
        member.submit("/for-you", "/for-you/follow", Map.of("kind", "category", "value", "<x>"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("A category looks like cs.LG");
    member.submit("/for-you", "/for-you/follow", Map.of("kind", "category", "value", "cs.LG"));
    search.catchUp();
    Document cold = Jsoup.parse(member.get("/for-you").body());
    assertThat(cold.select(".follow-list li").eachText()).anyMatch(t -> t.contains("cs.LG"));
    assertThat(cold.select(".recommendation .reason").eachText())
        .isNotEmpty()
        .allMatch(reason -> reason.startsWith("in cs.LG, which you follow"));

    String word = "quokka" + SEQUENCE.incrementAndGet();
    String liked = recentPaperAbout("Sparse " + word + " gradients for " + word + " models");
    String alike = recentPaperAbout("Dense " + word + " gradients revisited");
    submit(member, liked);
    search.catchUp();

    Document warm = Jsoup.parse(member.get("/for-you").body());
    Element first = warm.selectFirst(".recommendation");
    assertThat(first).isNotNull();
    assertThat(first.select(".card h3 a").attr("href")).isEqualTo("/papers/" + alike);
    assertThat(first.select(".reason").text())
        .contains("which you submitted")
        .contains(word)
        .contains("also by Ada Lovelace")
        .containsPattern("shares telling words \\(.*" + word);
    assertThat(warm.select(".card h3 a").eachAttr("href"))
        .as("never what the member already has")
        .doesNotContain("/papers/" + liked);
  }

  @Test
  void aPastedLibrarySeedsForYouSaysWhatItDidNotFindAndChangesNothingElse() {
    WebClient member = member();
    String word = "numbat" + SEQUENCE.incrementAndGet();
    String liked = recentPaperAbout("Sparse " + word + " kernels for " + word + " graphs");
    String alike = recentPaperAbout("Dense " + word + " kernels revisited");
    search.catchUp();
    String everythingElse =
        "SELECT (SELECT count(*) FROM votes) + (SELECT count(*) FROM follows)"
            + " + (SELECT count(*) FROM daily_entries) + (SELECT count(*) FROM papers)";
    int before = count(everythingElse);
    String library =
        "@misc{a, title = {<b>Liked</b> paper}, eprint = {"
            + liked
            + "}}\n@misc{b, title = {Held elsewhere}, eprint = {2401.99999}}\n"
            + "@book{c, title = {A book}, year = 1999}\n";

    HttpResponse<String> imported =
        member.submit("/for-you/library", "/for-you/library", Map.of("library", library));
    assertThat(imported.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(imported.body());
    assertThat(page.select("[role=status]").text())
        .contains("1 paper found")
        .contains("2 not found");
    assertThat(page.select("a[href=/papers/" + liked + "]")).isNotEmpty();
    assertThat(page.text())
        .contains("Held elsewhere — arXiv 2401.99999 is not on this site")
        .contains("A book — no arXiv id, arXiv URL or DOI in it");
    assertThat(page.select(".library-list b")).as("a title is text, never markup").isEmpty();
    assertThat(count("SELECT count(*) FROM library_papers WHERE arxiv_id = ?", liked)).isOne();
    assertThat(count(everythingElse)).as("no upvote, follow or paper").isEqualTo(before);

    Element first = Jsoup.parse(member.get("/for-you").body()).selectFirst(".recommendation");
    assertThat(first).isNotNull();
    assertThat(first.select(".card h3 a").attr("href")).isEqualTo("/papers/" + alike);
    assertThat(first.select(".reason").text()).contains("from your library");

    HttpResponse<String> again =
        member.submit("/for-you/library", "/for-you/library", Map.of("library", liked));
    assertThat(Jsoup.parse(again.body()).select("[role=status]").text())
        .contains("1 already in your library");

    int stored = count("SELECT count(*) FROM library_papers");
    HttpResponse<String> malformed =
        member.submit(
            "/for-you/library", "/for-you/library", Map.of("library", "@misc{x, title = {open"));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("This BibTeX could not be read");
    HttpResponse<String> hostile =
        member.submit(
            "/for-you/library",
            "/for-you/library",
            Map.of("library", "@misc{x, title = " + "{".repeat(50_000) + "}".repeat(50_000) + "}"));
    assertThat(hostile.statusCode()).isEqualTo(400);
    HttpResponse<String> huge =
        member.submit(
            "/for-you/library",
            "/for-you/library",
            Map.of("library", (liked + "\n").repeat(120_000)));
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(count("SELECT count(*) FROM library_papers")).isEqualTo(stored);
    assertThat(count(everythingElse)).isEqualTo(before);

    member.submit("/for-you/library", "/for-you/library/clear", Map.of());
    assertThat(count("SELECT count(*) FROM library_papers WHERE arxiv_id = ?", liked)).isZero();
  }

  @Test
  void flagsNeedStandingAReasonFromTheListAndNeverAnOwnItem() {
    String id = recentPaper();
    String name = fresh("elder");
    WebClient elder = Community.verifiedMember(port, name);
    submit(elder, id);
    WebClient author = member();
    author.submit("/papers/" + id, "/comments", Map.of("paper", id, "body", "Cheap pills"));
    String comment = "" + count("SELECT max(id) FROM comments WHERE arxiv_id = ?", id);
    Map<String, String> spam =
        Map.of("type", "comment", "target", comment, "reason", "spam", "paper", id);

    HttpResponse<String> tooNew = elder.submit("/papers/" + id, "/flag", spam);
    assertThat(tooNew.statusCode()).isEqualTo(403);
    assertThat(tooNew.body()).contains("Flagging needs an account at least 30 days old");

    jdbc.sql("UPDATE members SET created_at = '2026-09-01T00:00:00.000Z' WHERE username = ?")
        .param(1, name)
        .update();
    upvote(member(), id, false);
    upvote(member(), id, false);
    assertThat(elder.submit("/papers/" + id, "/flag", spam).statusCode()).isEqualTo(302);
    assertThat(elder.submit("/papers/" + id, "/flag", spam).statusCode()).isEqualTo(302);
    assertThat(
            count(
                "SELECT count(*) FROM flags WHERE target_type = 'COMMENT' AND target = ?", comment))
        .isEqualTo(1);

    for (String bad : List.of("<script>alert(1)</script>", "lol")) {
      HttpResponse<String> refused =
          elder.submit(
              "/papers/" + id, "/flag", Map.of("type", "paper", "target", id, "reason", bad));
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("one of spam, off-topic, abuse, duplicate");
    }
    HttpResponse<String> own =
        elder.submit(
            "/papers/" + id, "/flag", Map.of("type", "paper", "target", id, "reason", "duplicate"));
    assertThat(own.statusCode()).isEqualTo(403);
    assertThat(count("SELECT count(*) FROM flags WHERE target_type = 'PAPER' AND target = ?", id))
        .isZero();

    Document queue = Jsoup.parse(withRole(Role.CURATOR).get("/curate").body());
    assertThat(queue.select("ul.flagged li").eachText())
        .anySatisfy(line -> assertThat(line).contains("comment " + comment + ": 1 flag (spam)"));
  }

  @Test
  void anonymousListPagesAreSharedYetShowChangesAtOnceAndVotesWithinASecond() {
    String id = recentPaper();
    WebClient member = member();
    submit(member, id);
    WebClient reader = new WebClient(port);
    String day = "/papers/date/2026-11-27";
    Document first = Jsoup.parse(reader.get(day).body());
    assertThat(first.select("a.vote[href*=" + id + "] .upvotes").text()).isEqualTo("0");
    assertThat(
            Jsoup.parse(reader.get(day).body()).select("a.vote[href*=" + id + "] .upvotes").text())
        .isEqualTo("0");

    // A vote changes a count: anonymous readers see it once their copy is a second old.
    upvote(member, id, false);
    await()
        .atMost(Duration.ofSeconds(3))
        .untilAsserted(
            () ->
                assertThat(
                        Jsoup.parse(reader.get(day).body())
                            .select("a.vote[href*=" + id + "] .upvotes")
                            .text())
                    .isEqualTo("1"));
    // A new paper on the list changes the list: it shows at once.
    String second = recentPaper();
    submit(member, second);
    assertThat(Jsoup.parse(reader.get(day).body()).select("a.vote[href*=" + second + "]"))
        .hasSize(1);

    Document after = Jsoup.parse(reader.get(day).body());
    assertThat(after.select("nav.account").text()).contains("Sign in");
    assertThat(reader.cookies()).as("a reader of the lists gets no session").isEmpty();
    Document mine = Jsoup.parse(member.get(day).body());
    assertThat(mine.select("nav.account a[href^=/members/]").text()).startsWith("member");
    assertThat(mine.select("form.vote input[name=paper][value=" + id + "]")).hasSize(1);
  }
}
