package dev.paperboy.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.embedding.VectorJob;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.support.Site;
import dev.paperboy.support.SiteIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/recommendations} over the demo's seed day and sample, with real vectors. A
 * context of its own (the property below): other site tests search without vectors.
 */
@Site
@TestPropertySource(properties = "paperboy.vectors.batch=64")
class RecommendationsApiTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired PaperSearch search;
  @Autowired VectorJob vectors;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void embedded() {
    SiteIndex.awaitDemo(search);
    vectors.catchUp(done -> {});
    search.catchUp();
  }

  @Test
  void aLikedPaperBringsItsNeighbourWithTheReason() throws Exception {
    HttpResponse<String> answer =
        post("{\"liked\": [\"arXiv:2310.11366v2\", \"2401.99999\"], \"limit\": 5}");

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    JsonNode first = body.get("recommendations").get(0);
    // The two equivariant-network papers of the seed day are each other's nearest.
    assertThat(first.get("paper").get("id").asString()).isEqualTo("2310.02970");
    assertThat(first.get("because").asString()).isEqualTo("2310.11366");
    assertThat(first.get("reason").asString())
        .containsAnyOf("close to \u201c", "shares telling words")
        .contains("\u201cLie Group Decompositions for Equivariant Neural Networks\u201d");
    assertThat(body.get("recommendations").findValuesAsString("id")).doesNotContain("2310.11366");
    assertThat(body.get("recommendations")).hasSize(5);
    assertThat(body.get("notFound").get(0).asString()).isEqualTo("2401.99999");
  }

  @Test
  void aDislikedPaperIsNeverRecommended() throws Exception {
    JsonNode body =
        JSON.readTree(post("{\"liked\": [\"2310.11366\"], \"disliked\": [\"2310.02970\"]}").body());

    assertThat(body.get("recommendations").findValuesAsString("id"))
        .doesNotContain("2310.02970", "2310.11366");
  }

  @Test
  void badInputIsRefusedWithAReasonAndNothingIsStored() throws Exception {
    long papers = count("papers");
    long stored = count("paper_vectors");
    String tooMany =
        IntStream.range(0, 501)
            .mapToObj(i -> "\"2401." + String.format("%05d", i) + "\"")
            .collect(Collectors.joining(",", "{\"liked\": [", "]}"));

    assertRefused(post("{\"liked\": []}"), 400, "liked must hold 1 to 500");
    assertRefused(post(tooMany), 400, "liked must hold 1 to 500");
    assertRefused(post("{\"liked\": [\"<script>\"]}"), 400, "not an arXiv id");
    assertRefused(post("{\"liked\": [\"2310.11366\"], \"limit\": 0}"), 400, "limit");
    assertRefused(post("{\"liked\": [\"2310.11366\"], \"since\": \"yesterday\"}"), 400, "since");
    assertRefused(post("{\"liked\": "), 400, "");
    assertThat(post("{\"liked\": [\"" + "x".repeat(300_000) + "\"]}").statusCode()).isEqualTo(413);

    assertThat(count("papers")).isEqualTo(papers);
    assertThat(count("paper_vectors")).isEqualTo(stored);
  }

  private static void assertRefused(HttpResponse<String> answer, int status, String says) {
    assertThat(answer.statusCode()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(answer.body()).contains(says);
  }

  private HttpResponse<String> post(String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recommendations"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }
}
