package dev.paperboy.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.search.PaperSearch;
import dev.paperboy.support.Http;
import dev.paperboy.support.Site;
import dev.paperboy.support.SiteIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Similar papers, the OpenAPI description, and CORS for reads only. */
@Site
class ApiDiscoveryTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired PaperSearch search;

  @BeforeEach
  void indexed() {
    SiteIndex.awaitDemo(search);
  }

  @Test
  void similarPapersShareTheirSubject() {
    // The two equivariant-network papers of the seed day are each other's closest match.
    JsonNode similar =
        JSON.readTree(Http.get(port, "/api/papers/2310.11366/similar?limit=3").body());

    assertThat(similar.isArray()).isTrue();
    assertThat(similar.get(0).get("paper").get("id").asString()).isEqualTo("2310.02970");
    assertThat(similar.findValuesAsString("id")).doesNotContain("2310.11366");
    assertThat(Http.get(port, "/api/papers/2401.99999/similar").statusCode()).isEqualTo(404);
    assertThat(
            Jsoup.parse(Http.get(port, "/papers/2310.11366").body())
                .select(".similar a")
                .eachAttr("href"))
        .contains("/papers/2310.02970");
  }

  @Test
  void theApiIsDescribedByOpenApi() {
    JsonNode docs = JSON.readTree(Http.get(port, "/v3/api-docs").body());

    assertThat(docs.get("info").get("title").asString()).isEqualTo("Paperboy API");
    assertThat(docs.get("paths").propertyNames())
        .contains(
            "/api/daily_papers",
            "/api/papers/search",
            "/api/papers/{id}",
            "/api/papers/{id}/similar",
            "/api/recommendations");
    assertThat(Http.get(port, "/api/docs").statusCode()).isIn(200, 302);
    List<String> undescribed = new ArrayList<>();
    docs.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          String where = operation.getKey() + " " + path.getKey();
                          if (operation.getValue().path("summary").asString("").isBlank()) {
                            undescribed.add(where);
                          }
                          operation
                              .getValue()
                              .path("parameters")
                              .forEach(
                                  parameter -> {
                                    if (parameter.path("description").asString("").isBlank()) {
                                      undescribed.add(where + " " + parameter.path("name"));
                                    }
                                  });
                        }));
    assertThat(undescribed).as("operations and parameters without a description").isEmpty();
  }

  @Test
  void searchTakesAModeAndRefusesAnUnknownOne() {
    HttpResponse<String> unknown = Http.get(port, "/api/papers/search?q=lie+groups&mode=fuzzy");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("mode must be lexical, semantic or hybrid");
    for (String mode : new String[] {"lexical", "semantic", "hybrid"}) {
      JsonNode found =
          JSON.readTree(
              Http.get(port, "/api/papers/search?q=Lie+group+decompositions&mode=" + mode).body());
      // Without vectors (this context computes none) every mode answers by words.
      assertThat(found.get(0).get("paper").get("id").asString()).as(mode).isEqualTo("2310.11366");
    }
  }

  @Test
  void anyOriginMayReadButNoOriginMayWrite() throws Exception {
    HttpResponse<String> read =
        Http.get(port, "/api/daily_papers", "Origin", "https://evil.example");
    HttpResponse<String> preflight =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/daily_papers"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", "DELETE")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(read.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
