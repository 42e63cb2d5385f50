package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.search.PaperSearch;
import dev.paperboy.support.Http;
import dev.paperboy.support.Site;
import dev.paperboy.support.SiteIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Health with the store and the search index; nothing else of Actuator is public. */
@Site
class HealthTest {
  @LocalServerPort int port;
  @Autowired PaperSearch search;

  @Test
  void healthReportsTheDatabaseAndTheSearchIndex() {
    SiteIndex.awaitDemo(search);

    JsonNode health =
        JsonMapper.builder().build().readTree(Http.get(port, "/actuator/health").body());

    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
    JsonNode index = health.get("components").get("searchIndex");
    assertThat(index.get("status").asString()).isEqualTo("UP");
    assertThat(index.has("details")).as("details stay private").isFalse();
    // No relay configured here: the smtp component says so without pulling the status down.
    assertThat(health.get("components").get("smtp").get("status").asString()).isEqualTo("UNKNOWN");

    var readiness = Http.get(port, "/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    JsonNode ready = JsonMapper.builder().build().readTree(readiness.body()).get("components");
    assertThat(ready.propertyNames())
        .containsExactlyInAnyOrder("readinessState", "db", "searchIndex");
    var liveness = Http.get(port, "/actuator/health/liveness");
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).doesNotContain("\"db\"");
  }

  @Test
  void metricsCountRequestsSearchesIngestAndTheDigestQueue() {
    SiteIndex.awaitDemo(search);
    assertThat(Http.get(port, "/search?q=neural", "Accept", "text/html").statusCode())
        .isEqualTo(200);

    String metrics =
        Http.get(port, "/actuator/prometheus", "Authorization", "Bearer test-scrape-token").body();

    assertThat(metrics)
        .contains("http_server_requests_seconds_count{")
        .contains("paperboy_search_seconds_count{kind=\"search\"")
        .contains("paperboy_search_seconds_bucket{kind=\"search\"")
        .contains("paperboy_digest_queue ")
        .containsPattern("paperboy_ingest_papers_total\\{outcome=\"new\"\\} [1-9]");
  }

  @Test
  void prometheusMetricsAreServedAndOtherActuatorEndpointsAreNotExposed() {
    var metrics =
        Http.get(port, "/actuator/prometheus", "Authorization", "Bearer test-scrape-token");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("hikaricp_connections").contains("jvm_memory_used_bytes");
    for (String path :
        new String[] {
          "/actuator/env",
          "/actuator/beans",
          "/actuator/configprops",
          "/actuator/heapdump",
          "/actuator/metrics"
        }) {
      assertThat(Http.get(port, path).statusCode()).as(path).isEqualTo(404);
    }
  }
}
