package dev.paperboy.stars;

import static dev.paperboy.support.Community.PASSWORD;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.moderation.Moderation;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.FixedClock;
import dev.paperboy.support.TestPapers;
import dev.paperboy.support.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * GitHub stars against a local stand-in of GitHub's REST API: a 200 with an ETag, the conditional
 * request that follows it (304, stars kept), a repository that is gone (404), and GitHub's rate
 * limit (403 with {@code X-RateLimit-Remaining: 0}: nothing more is asked until the reset). Stars
 * show on cards and order the lists with {@code ?sort=stars}. On both engines, each on a site of
 * its own: its list day is today's.
 */
@DirtiesContext
@TestPropertySource(
    properties = {
      "spring.application.name=paperboy-stars",
      "paperboy.github.enabled=true",
      "paperboy.github.token=test-token",
      "paperboy.github.refresh=PT0S",
      "paperboy.github.interval=PT1000H"
    })
abstract class StarsContract {
  /** What the stand-in was asked: path and If-None-Match. */
  record Asked(String path, String ifNoneMatch, String authorization) {}

  private static final List<Asked> ASKED = new CopyOnWriteArrayList<>();
  private static final Map<String, Integer> STARS =
      new ConcurrentHashMap<>(Map.of("big/model", 1234, "small/tool", 5));
  private static final HttpServer GITHUB = standIn();

  @DynamicPropertySource
  static void github(DynamicPropertyRegistry registry) {
    registry.add(
        "paperboy.github.api-url", () -> "http://127.0.0.1:" + GITHUB.getAddress().getPort());
  }

  @LocalServerPort int port;

  @Autowired StarsJob job;

  @Autowired Papers papers;

  @Autowired Accounts accounts;

  @Autowired Moderation moderation;

  private static HttpServer standIn() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
      server.createContext("/repos/", StarsContract::answer);
      server.start();
      // One stand-in for both engines' classes, stopped with the JVM.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
    ASKED.add(
        new Asked(
            path, String.valueOf(etag), exchange.getRequestHeaders().getFirst("Authorization")));
    String repo = path.substring("/repos/".length());
    exchange.getResponseHeaders().add("X-RateLimit-Limit", "5000");
    if (repo.equals("busy/lab")) {
      exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
      exchange
          .getResponseHeaders()
          .add("X-RateLimit-Reset", Long.toString(FixedClock.NOW.getEpochSecond() + 3600));
      send(exchange, 403, "{\"message\": \"API rate limit exceeded\"}");
      return;
    }
    exchange.getResponseHeaders().add("X-RateLimit-Remaining", "4999");
    Integer stars = STARS.get(repo);
    if (stars == null) {
      send(exchange, 404, "{\"message\": \"Not Found\"}");
      return;
    }
    String tag = "\"" + repo.hashCode() + "-" + stars + "\"";
    exchange.getResponseHeaders().add("ETag", tag);
    if (tag.equals(etag)) {
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
      return;
    }
    String[] parts = repo.split("/");
    String body;
    try (InputStream in = StarsContract.class.getResourceAsStream("/github/repository.json")) {
      body =
          new String(in.readAllBytes(), UTF_8)
              .replace("OWNER", parts[0])
              .replace("REPO", parts[1])
              .replace("STARS", Integer.toString(stars));
    }
    send(exchange, 200, body);
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private void list(String id, String repo) {
    Paper paper =
        TestPapers.aPaper(id)
            .title("Starred " + id)
            .abstractText("Code is at https://github.com/" + repo + ".")
            .build();
    papers.upsertAll(List.of(paper));
    Account curator =
        accounts
            .byUsername("stars-curator")
            .orElseGet(
                () ->
                    accounts.add(
                        "stars-curator@example.org", "stars-curator", Role.CURATOR, PASSWORD));
    moderation.feature(curator, id);
  }

  private List<String> cardTitles(String path) {
    Document page = Jsoup.parse(new WebClient(port).get(path).body());
    return page.select(".card h3").eachText();
  }

  @Test
  void starsAreAskedPolitelyShownOnCardsAndOrderTheList() {
    ASKED.clear();
    list("2401.90001", "small/tool");
    list("2401.90002", "big/model");
    list("2401.90003", "gone/away");

    assertThat(
            Jsoup.parse(new WebClient(port).get("/papers/trending").body())
                .select("[aria-label=Order]"))
        .as("no stars known yet: no order by them")
        .isEmpty();
    StarsJob.Run first = job.run();
    assertThat(first.asked()).isEqualTo(3);
    assertThat(first.changed()).isEqualTo(3);
    assertThat(ASKED).allMatch(a -> "Bearer test-token".equals(a.authorization()));
    assertThat(ASKED).allMatch(a -> a.ifNoneMatch().equals("null"));

    Document today = Jsoup.parse(new WebClient(port).get("/papers").body());
    assertThat(today.select(".card:has(a[href=/papers/2401.90002]) .stars").text())
        .isEqualTo("1,234 GitHub stars");
    assertThat(today.select(".card:has(a[href=/papers/2401.90003]) .stars")).isEmpty();
    assertThat(cardTitles("/papers"))
        .containsExactly("Starred 2401.90001", "Starred 2401.90002", "Starred 2401.90003");
    assertThat(today.select("[aria-label=Order] a").eachText())
        .containsExactly("List order", "By GitHub stars");
    assertThat(cardTitles("/papers?sort=stars"))
        .containsExactly("Starred 2401.90002", "Starred 2401.90001", "Starred 2401.90003");

    // Asked again: conditional, answered 304, and the stars stay.
    ASKED.clear();
    StarsJob.Run second = job.run();
    assertThat(ASKED)
        .filteredOn(a -> a.path().equals("/repos/big/model"))
        .singleElement()
        .satisfies(a -> assertThat(a.ifNoneMatch()).startsWith("\""));
    assertThat(second.unchanged()).isEqualTo(2);
    assertThat(Jsoup.parse(new WebClient(port).get("/papers").body()).select(".stars").eachText())
        .contains("1,234 GitHub stars");

    // The rate limit: GitHub says 0 remaining until a reset an hour away, and nothing more is
    // asked.
    list("2401.90004", "busy/lab");
    ASKED.clear();
    StarsJob.Run limited = job.run();
    assertThat(limited.limited()).isTrue();
    assertThat(ASKED).hasSize(1);
    assertThat(ASKED.get(0).path()).isEqualTo("/repos/busy/lab");
    StarsJob.Run waiting = job.run();
    assertThat(waiting.asked()).isZero();
    assertThat(ASKED).hasSize(1);
    assertThat(Jsoup.parse(new WebClient(port).get("/papers").body()).select(".stars").eachText())
        .as("what was known stays shown")
        .contains("1,234 GitHub stars", "5 GitHub stars");
  }
}
