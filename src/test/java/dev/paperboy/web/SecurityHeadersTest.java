package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.FixedClock;
import dev.paperboy.support.Http;
import dev.paperboy.support.SqliteStore;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ContextConfiguration;

/**
 * docs/reliability.md API-4: HSTS on every answer over https (here, as a trusted proxy on loopback
 * says), never over plain http; the metrics only for the scraper's token.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"paperboy.demo.enabled=false", "server.forward-headers-strategy=native"})
@ContextConfiguration(initializers = SqliteStore.Initializer.class)
@Import(FixedClock.class)
class SecurityHeadersTest {
  private static final String HSTS = "Strict-Transport-Security";

  @LocalServerPort int port;

  @Test
  void httpsAnswersHtmlAndJsonAlikeCarryHstsAndPlainHttpDoesNot() {
    for (String path : new String[] {"/", "/api/daily_papers", "/no/such/page"}) {
      HttpResponse<String> secure = Http.get(port, path, "X-Forwarded-Proto", "https");
      assertThat(secure.headers().firstValue(HSTS))
          .as(path)
          .contains("max-age=31536000; includeSubDomains");
      Http.get(port, path);
      HttpResponse<String> plain = Http.get(port, path); // from the page cache, where there is one
      assertThat(plain.headers().firstValue(HSTS)).as(path).isEmpty();
      assertThat(plain.headers().allValues("Content-Security-Policy")).as(path).hasSize(1);
    }
  }

  @Test
  void metricsNeedTheScrapeToken() {
    HttpResponse<String> anonymous = Http.get(port, MetricsAccess.PATH);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"metrics\"");
    assertThat(anonymous.body()).doesNotContain("jvm_memory");
    assertThat(Http.get(port, MetricsAccess.PATH, "Authorization", "Bearer guess").statusCode())
        .isEqualTo(401);
    HttpResponse<String> scraper =
        Http.get(port, MetricsAccess.PATH, "Authorization", "Bearer test-scrape-token");
    assertThat(scraper.statusCode()).isEqualTo(200);
    assertThat(scraper.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void withoutATokenConfiguredTheMetricsAreNotThere() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", MetricsAccess.PATH);
    request.addHeader("Authorization", "Bearer ");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    new MetricsAccess("").doFilter(request, response, chain);
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(chain.getRequest()).as("never passed on").isNull();
  }
}
