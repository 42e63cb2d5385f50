package dev.paperboy.rules;

import static dev.paperboy.support.Community.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.Community;
import dev.paperboy.support.FixedClock;
import dev.paperboy.support.TestPapers;
import dev.paperboy.support.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default abuse limits through the pages (docs/reliability.md AUTH-3, VOTE-4). Clients are told
 * apart by X-Forwarded-For, as behind a reverse proxy (the site trusts it from loopback only).
 */
abstract class AbuseLimitsContract {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort int port;

  @Autowired Accounts accounts;

  @Autowired Papers papers;
  @Autowired DailyLists lists;
  @Autowired JdbcClient jdbc;

  private static String[] from(String address) {
    return new String[] {"X-Forwarded-For", address};
  }

  private String member() {
    String name = "limited" + SEQUENCE.incrementAndGet();
    accounts.add(name + "@example.org", name, Role.MEMBER, PASSWORD);
    return name;
  }

  @Test
  void manyWrongPasswordsFromOneAddressAreThrottledAndTheOwnerStillGetsIn() {
    String name = member();
    WebClient attacker = new WebClient(port);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String token = attacker.csrf("/login");
      HttpResponse<String> response =
          attacker.post(
              "/login",
              Map.of("_csrf", token, "email", name + "@example.org", "password", "guess " + i),
              from("10.1.0.1"));
      statuses.add(response.statusCode());
      if (response.statusCode() == 429) {
        assertThat(response.headers().firstValue("Retry-After").map(Long::parseLong))
            .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
      }
    }
    assertThat(statuses.subList(0, 5)).containsOnly(302);
    assertThat(statuses.subList(5, 20)).containsOnly(429);

    WebClient owner = new WebClient(port);
    String token = owner.csrf("/login");
    HttpResponse<String> signIn =
        owner.post(
            "/login",
            Map.of("_csrf", token, "email", name + "@example.org", "password", PASSWORD),
            from("10.1.0.2"));
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
  }

  /**
   * AUTH-3: wrong passwords spread over many addresses hold back those addresses, never the owner
   * signing in from an address of their own.
   */
  @Test
  void guessesFromManyAddressesNeverLockTheOwnerOut() {
    String name = member();
    for (int i = 1; i <= 11; i++) {
      assertThat(signIn(name, "guess " + i, "10.7.0." + i).headers().firstValue("Location"))
          .hasValueSatisfying(location -> assertThat(location).contains("error"));
    }
    for (String owner : List.of("10.7.1.1", "10.7.1.2")) {
      HttpResponse<String> signIn = signIn(name, PASSWORD, owner);
      assertThat(signIn.statusCode()).isEqualTo(302);
      assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }
    HttpResponse<String> again = signIn(name, "guess 12", "10.7.0.1");
    assertThat(again.statusCode()).as("an address that guessed wrong waits").isEqualTo(429);
    assertThat(again.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
  }

  private HttpResponse<String> signIn(String name, String password, String address) {
    WebClient browser = new WebClient(port);
    String token = browser.csrf("/login");
    return browser.post(
        "/login",
        Map.of("_csrf", token, "email", name + "@example.org", "password", password),
        from(address));
  }

  /** MAIL-6: an address that keeps sending bounce reports with a wrong secret is refused. */
  @Test
  void forgedBounceReportsAreThrottledPerAddress() {
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 12; i++) {
      last = forgedBounce("10.9.0.1");
      statuses.add(last.statusCode());
    }
    assertThat(statuses.subList(0, 10)).containsOnly(401);
    assertThat(statuses.subList(10, 12)).containsOnly(429);
    assertThat(last.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
    assertThat(forgedBounce("10.9.0.2").statusCode()).as("another address").isEqualTo(401);
  }

  private HttpResponse<String> forgedBounce(String address) {
    return new WebClient(port)
        .sendAlone(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/mail/bounces"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer a guess")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"someone@example.org\",\"type\":\"hard\"}")),
            from(address));
  }

  /** MAIL-4: the digest form and the JSON API count against one limit per client address. */
  @Test
  void digestSignUpsThroughTheFormAndTheApiShareOneLimit() {
    List<Integer> statuses = new ArrayList<>();
    String prefix = "digestcap" + SEQUENCE.incrementAndGet() + "x";
    for (int i = 0; i < 12; i++) {
      String email = prefix + i + "@example.org";
      if (i % 2 == 0) {
        WebClient browser = new WebClient(port);
        String token = browser.csrf("/subscribe");
        statuses.add(
            browser
                .post(
                    "/subscribe",
                    Map.of("_csrf", token, "email", email, "cadence", "daily"),
                    from("10.5.0.1"))
                .statusCode());
      } else {
        statuses.add(
            new WebClient(port)
                .sendAlone(
                    HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/subscriptions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")),
                    from("10.5.0.1"))
                .statusCode());
      }
    }
    assertThat(statuses.subList(0, 10))
        .containsExactly(200, 202, 200, 202, 200, 202, 200, 202, 200, 202);
    assertThat(statuses.subList(10, 12)).containsOnly(429);
    assertThat(
            jdbc.sql("SELECT count(*) FROM subscriptions WHERE email LIKE :p")
                .param("p", prefix + "%")
                .query(Integer.class)
                .single())
        .isEqualTo(10);
  }

  @Test
  void signUpsAreCappedPerAddress() {
    List<Integer> statuses = new ArrayList<>();
    String prefix = "capped" + SEQUENCE.incrementAndGet() + "x";
    for (int i = 0; i < 6; i++) {
      WebClient browser = new WebClient(port);
      String token = browser.csrf("/signup");
      statuses.add(
          browser
              .post(
                  "/signup",
                  Map.of(
                      "_csrf",
                      token,
                      "email",
                      prefix + i + "@example.org",
                      "username",
                      prefix + i,
                      "password",
                      PASSWORD),
                  from("10.2.0.1"))
              .statusCode());
    }
    assertThat(statuses).containsExactly(200, 200, 200, 429, 429, 429);
    assertThat(
            jdbc.sql("SELECT count(*) FROM members WHERE username LIKE :p")
                .param("p", prefix + "%")
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void aNewMembersVotesStopAtTheDailyLimitWithNoRowsPastIt() {
    String name = member();
    Account curator =
        accounts.add("cur" + name + "@example.org", "cur" + name, Role.CURATOR, PASSWORD);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      String id = String.format("2611.%05d", 50_000 + SEQUENCE.incrementAndGet());
      papers.upsertAll(List.of(recent(id)));
      lists.feature(ArxivId.parse(id), lists.today(), curator.member());
      ids.add(id);
    }
    WebClient browser = new WebClient(port);
    Community.signIn(browser, name + "@example.org", PASSWORD);
    String token = browser.csrf("/papers/" + ids.get(0));
    List<Integer> statuses = new ArrayList<>();
    for (String id : ids) {
      HttpResponse<String> vote =
          browser.post(
              "/upvote", Map.of("_csrf", token, "paper", id), "Accept", "application/json");
      statuses.add(vote.statusCode());
      if (vote.statusCode() == 429) {
        assertRetryAfter(vote);
      }
    }
    assertThat(statuses.subList(0, 50)).containsOnly(200);
    assertThat(statuses.subList(50, 55)).containsOnly(429);
    HttpResponse<String> fromTheForm =
        browser.post("/upvote", Map.of("_csrf", token, "paper", ids.get(54)));
    assertThat(fromTheForm.statusCode()).isEqualTo(429);
    assertRetryAfter(fromTheForm);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM votes JOIN members ON members.id = votes.member_id"
                        + " WHERE members.username = :name")
                .param("name", name)
                .query(Integer.class)
                .single())
        .isEqualTo(50);
  }

  @Test
  void aNewMembersSubmissionsStopAtTheFirstDayCap() {
    String name = member();
    WebClient browser = new WebClient(port);
    Community.signIn(browser, name + "@example.org", PASSWORD);
    List<String> ids = new ArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = String.format("2611.%05d", 70_000 + SEQUENCE.incrementAndGet());
      papers.upsertAll(List.of(recent(id)));
      ids.add(id);
      HttpResponse<String> submitted =
          browser.submit("/papers/submit", "/papers/submit", Map.of("paper_id", id));
      statuses.add(submitted.statusCode());
      if (submitted.statusCode() == 429) {
        assertRetryAfter(submitted);
      }
    }
    assertThat(statuses).containsExactly(302, 302, 302, 429, 429);
    assertThat(
            jdbc.sql("SELECT count(*) FROM daily_entries WHERE arxiv_id IN (:ids)")
                .param("ids", ids)
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void aCuratorNewToTheSiteFeaturesFiftyPapersInADay() {
    String name = "curator" + SEQUENCE.incrementAndGet();
    accounts.add(name + "@example.org", name, Role.CURATOR, PASSWORD);
    WebClient browser = new WebClient(port);
    Community.signIn(browser, name + "@example.org", PASSWORD);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String id = String.format("2611.%05d", 80_000 + SEQUENCE.incrementAndGet());
      papers.upsertAll(List.of(recent(id)));
      statuses.add(
          browser.submit("/papers/submit", "/papers/submit", Map.of("paper_id", id)).statusCode());
    }
    assertThat(statuses).as("the new-member cap of 3 is not a curator's").containsOnly(302);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM daily_entries JOIN members"
                        + " ON members.id = daily_entries.submitted_by WHERE members.username = :name")
                .param("name", name)
                .query(Integer.class)
                .single())
        .isEqualTo(50);
  }

  @Test
  void aNewMembersCommentsMustBeThirtySecondsApart() {
    String name = member();
    Account curator =
        accounts.add("c2" + name + "@example.org", "c2" + name, Role.CURATOR, PASSWORD);
    String id = String.format("2611.%05d", 60_000 + SEQUENCE.incrementAndGet());
    papers.upsertAll(List.of(recent(id)));
    lists.feature(ArxivId.parse(id), lists.today(), curator.member());
    WebClient browser = new WebClient(port);
    Community.signIn(browser, name + "@example.org", PASSWORD);
    String token = browser.csrf("/papers/" + id);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> comment =
          browser.post("/comments", Map.of("_csrf", token, "paper", id, "body", "comment " + i));
      statuses.add(comment.statusCode());
      if (comment.statusCode() == 429) {
        assertRetryAfter(comment);
      }
    }
    assertThat(statuses).containsExactly(302, 429, 429, 429, 429);
    assertThat(
            jdbc.sql("SELECT count(*) FROM comments WHERE arxiv_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  private static void assertRetryAfter(HttpResponse<String> refused) {
    assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
        .as("Retry-After on a 429")
        .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
  }

  private static Paper recent(String id) {
    return TestPapers.recent(id, "Recent " + id, FixedClock.NOW.minus(Duration.ofDays(1)));
  }
}
