package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Http;
import dev.paperboy.support.Site;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A short sweep of hostile input against the real server (docs/reliability.md API-1, API-2): every
 * answer is a 4xx (or a page of results) with problem+json or the error page, never a 5xx or a
 * stack trace, and nothing stored changes.
 */
@Site
class HostileInputTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Paths a client chooses, each a fault: paging, dates, ids, traversal, encodings. */
  private static final List<String> GETS =
      List.of(
          "/api/daily_papers?limit=1000000",
          "/api/daily_papers?limit=-1",
          "/api/daily_papers?p=-5",
          "/api/daily_papers?date=2025-02-30",
          "/api/daily_papers?date=%00",
          "/api/daily_papers?sort=%27%3B--",
          "/api/papers/search?q=" + "a".repeat(300),
          "/api/papers/search?q=%2F.*%2F&mode=nonsense",
          "/api/papers/search?q=title%3A&limit=0",
          "/api/papers/2401.00001%0d%0aSet-Cookie:%20x=1",
          "/api/papers/..%2F..%2Fetc%2Fpasswd",
          "/papers/..%2F..%2Fetc%2Fpasswd",
          "/papers/%2e%2e/%2e%2e/application.yml",
          "/papers/date/9999-99-99",
          "/papers/week/2025-W99",
          "/papers/month/2025-13",
          "/papers/2401.00001/similar?limit=99999",
          "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&p=-1",
          "/search?q=((((((&sort=%0d%0a",
          "/members/%3Cscript%3E",
          "/subscribe/confirm/%0d%0aX:1",
          "/subscription/..%2F..",
          "/u/%00",
          "/digest/-1/x",
          "/feeds/daily.rss?date=%0d%0a",
          "/static/../../../../etc/passwd",
          "/WEB-INF/web.xml");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void hostileRequestsGetAClearRefusalAndChangeNothing() throws Exception {
    // Hostile header values on a write that is kept (the User-Agent goes into the consent
    // record): answered as usual, stored as text.
    for (String header : List.of("X-Forwarded-For", "User-Agent", "Referer", "Accept-Language")) {
      HttpResponse<String> answer =
          send(
              HttpRequest.newBuilder(uri("/api/subscriptions"))
                  .header("Content-Type", "application/json")
                  .header(header, "x'\"<script>" + "y".repeat(4_000))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"email\": \"header-" + header.length() + "@example.org\"}")));
      assertSafe(header, answer);
      assertThat(answer.statusCode()).as(header).isEqualTo(202);
    }
    long before = stored();
    for (String path : GETS) {
      assertSafe(path, Http.get(port, path, "Accept", "application/json, text/html"));
    }
    for (String body :
        List.of(
            "{\"email\": \"x@example.org\\r\\nBcc: victim@example.org\"}",
            "{\"email\": \"" + "x".repeat(10_000) + "@example.org\"}",
            "{\"email\": 12, \"cadence\": [\"daily\"]}",
            "{\"email\": null}",
            "[" + "{}".repeat(10) + "]",
            "{\"email\": \"\\u0000@example.org\"}",
            "\u0000\u0001\u0002",
            "{\"categories\": [" + "\"cs.LG\",".repeat(5_000) + "\"x\"]}")) {
      assertSafe(
          body.substring(0, Math.min(40, body.length())),
          send(
              HttpRequest.newBuilder(uri("/api/subscriptions"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))));
    }
    for (String body : List.of("{\"liked\": \"2401.00001\"}", "{\"liked\": [], \"limit\": 1e99}")) {
      assertSafe(
          body,
          send(
              HttpRequest.newBuilder(uri("/api/recommendations"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))));
    }
    assertThat(stored()).as("nothing stored").isEqualTo(before);
  }

  private static void assertSafe(String what, HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(what).isBetween(200, 499);
    assertThat(answer.body())
        .as(what)
        .doesNotContain("Exception")
        .doesNotContain("at dev.paperboy")
        .doesNotContain("at org.springframework")
        .doesNotContain("<script>alert");
    assertThat(answer.headers().allValues("Set-Cookie"))
        .as(what)
        .noneMatch(cookie -> cookie.startsWith("x="));
    if (answer.statusCode() >= 400) {
      String type = answer.headers().firstValue("Content-Type").orElse("");
      assertThat(type)
          .as(what + " answers problem+json or a page")
          .matches(t -> t.startsWith("application/problem+json") || t.startsWith("text/"));
    }
  }

  private long stored() {
    return jdbc.sql(
            "SELECT (SELECT count(*) FROM subscriptions) + (SELECT count(*) FROM members)"
                + " + (SELECT count(*) FROM papers) + (SELECT count(*) FROM daily_entries)"
                + " + (SELECT count(*) FROM votes) + (SELECT count(*) FROM comments)")
        .query(Long.class)
        .single();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
