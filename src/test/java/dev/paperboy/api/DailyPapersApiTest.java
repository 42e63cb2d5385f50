package dev.paperboy.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Http;
import dev.paperboy.support.SeedDayFile;
import dev.paperboy.support.Site;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API as a Hugging Face daily papers client reads it. */
@Site
class DailyPapersApiTest {
  /** What strict clients accept: UTC, a literal Z, seconds present. */
  private static final Pattern WIRE_TIME =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void theSeedDayHasSevenItemsShapedLikeHuggingFaceDailyPapers() {
    JsonNode items = json("/api/daily_papers?date=2025-03-12");

    assertThat(items.isArray()).isTrue();
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.get("paper").get("id").asString()));
    assertThat(ids)
        .containsExactlyElementsOf(
            SeedDayFile.papers().stream().map(SeedDayFile.SeedPaper::id).toList());

    JsonNode first = items.get(0);
    SeedDayFile.SeedPaper seed = SeedDayFile.papers().get(0);
    assertThat(first.get("title").asString()).isEqualTo(seed.title());
    assertThat(first.get("paper").get("title").asString()).isEqualTo(seed.title());
    assertThat(first.get("paper").get("summary").asString())
        .startsWith("Invariance and equivariance");
    assertThat(first.get("paper").get("authors").get(0).get("name").asString())
        .isEqualTo(seed.authors().get(0));
    assertThat(first.get("paper").get("upvotes").asInt()).isZero();
    assertThat(first.get("upvotes").asInt()).isZero();
    assertThat(first.get("numComments").asInt()).isZero();
    assertThat(first.get("paper").get("publishedAt").asString())
        .isEqualTo("2023-10-17T00:00:00.000Z");
    assertThat(first.get("paper").get("submittedOnDailyAt").asString())
        .isEqualTo("2025-03-12T00:00:00.000Z");
    assertThat(first.get("publishedAt").asString()).matches(WIRE_TIME).startsWith("2025-03-12T");
    JsonNode user = first.get("submittedBy");
    assertThat(user.get("user").asString()).isEqualTo("curator");
    assertThat(user.get("name").asString()).isEqualTo("curator");
    assertThat(user.get("fullname").asString()).isEqualTo("AK");
    assertThat(first.get("paper").get("submittedOnDailyBy").get("fullname").asString())
        .isEqualTo("AK");
    assertThat(first.has("self")).isFalse();
  }

  @Test
  void pagesAreExactAndPastTheEndIsEmpty() {
    List<String> all = new ArrayList<>();
    json("/api/daily_papers?date=2025-03-12")
        .forEach(i -> all.add(i.get("paper").get("id").asString()));
    List<String> paged = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      json("/api/daily_papers?date=2025-03-12&limit=3&p=" + p)
          .forEach(i -> paged.add(i.get("paper").get("id").asString()));
    }

    assertThat(paged).containsExactlyElementsOf(all);
    assertThat(json("/api/daily_papers?date=2025-03-12&limit=3&p=2")).hasSize(1);
    assertThat(json("/api/daily_papers?date=2025-03-12&p=100")).isEmpty();
    assertThat(json("/api/daily_papers?date=2024-01-01")).isEmpty();
  }

  @Test
  void weeksMonthsSubmittersAndSortsSelectTheList() {
    List<String> seedIds = SeedDayFile.papers().stream().map(SeedDayFile.SeedPaper::id).toList();

    assertThat(ids("/api/daily_papers?week=2025-W11")).containsExactlyElementsOf(seedIds);
    assertThat(ids("/api/daily_papers?month=2025-03")).containsExactlyElementsOf(seedIds);
    assertThat(ids("/api/daily_papers?week=2025-W12")).isEmpty();
    assertThat(ids("/api/daily_papers?month=2025-03&submitter=curator")).hasSize(7);
    assertThat(ids("/api/daily_papers?month=2025-03&submitter=nobody")).isEmpty();
    // Put on the list one second apart, so newest-first is the seed order reversed.
    List<String> reversed = new ArrayList<>(seedIds);
    Collections.reverse(reversed);
    assertThat(ids("/api/daily_papers?date=2025-03-12&sort=publishedAt"))
        .containsExactlyElementsOf(reversed);
    // No votes: trending is newest first too.
    assertThat(ids("/api/daily_papers?week=2025-W11&sort=trending"))
        .containsExactlyElementsOf(reversed);
    // Trending without a period covers the last seven days of the (fixed) clock: nothing then.
    assertThat(ids("/api/daily_papers?sort=trending")).isEmpty();
  }

  private List<String> ids(String path) {
    List<String> ids = new ArrayList<>();
    json(path).forEach(item -> ids.add(item.get("paper").get("id").asString()));
    return ids;
  }

  @Test
  void withoutADateTheLatestListIsServed() {
    assertThat(json("/api/daily_papers")).hasSize(7);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "date=2025-13-01",
        "date=yesterday",
        "limit=0",
        "limit=1000000",
        "p=-1",
        "p=abc",
        "limit=1e3",
        "week=2025-W54",
        "month=2025-13",
        "sort=random",
        "date=2025-03-12&week=2025-W11"
      })
  void badParametersGetProblemJson400(String query) {
    HttpResponse<String> response = Http.get(port, "/api/daily_papers?" + query);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asString()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");
  }

  @Test
  void onePaperAsJson() {
    JsonNode paper = json("/api/papers/2310.11366v1");

    assertThat(paper.get("id").asString()).isEqualTo("2310.11366");
    assertThat(paper.get("authors").get(1).get("name").asString()).isEqualTo("Patrick Forré");
    assertThat(paper.get("versions")).hasSize(2);
    assertThat(paper.get("submittedOnDailyAt").asString()).isEqualTo("2025-03-12T00:00:00.000Z");
    assertThat(paper.get("submittedOnDailyBy").get("user").asString()).isEqualTo("curator");
    assertThat(paper.get("updatedAt").asString()).matches(WIRE_TIME);
  }

  @Test
  void anUnknownPaperIs404AndAMalformedIdIs400() {
    HttpResponse<String> unknown = Http.get(port, "/api/papers/2401.99999");
    HttpResponse<String> malformed = Http.get(port, "/api/papers/2401.999");
    HttpResponse<String> oldStyle = Http.get(port, "/api/papers/hep-th/9901001");
    HttpResponse<String> neverIssued = Http.get(port, "/api/papers/0000.00000");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(neverIssued.statusCode())
        .as("an id of the right shape is a question about a paper, as on huggingface.co")
        .isEqualTo(404);
    assertThat(JSON.readTree(neverIssued.body()).get("detail").asString())
        .isEqualTo("No paper 0000.00000 in this Paperboy");
    assertThat(JSON.readTree(unknown.body()).get("title").asString()).isEqualTo("Paper not found");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).get("detail").asString())
        .startsWith("Not an arXiv id");
    assertThat(oldStyle.statusCode()).isEqualTo(404);
  }

  @Test
  void answersCarryAnEtagAndA304WhenUnchanged() {
    HttpResponse<String> first = Http.get(port, "/api/daily_papers?date=2025-03-12");
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> second =
        Http.get(port, "/api/daily_papers?date=2025-03-12", "If-None-Match", etag);

    assertThat(second.statusCode()).isEqualTo(304);
    assertThat(second.body()).isEmpty();
    assertThat(first.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void answersAreCompressedForClientsThatAcceptGzip() {
    HttpResponse<String> plain = Http.get(port, "/api/daily_papers?date=2025-03-12");
    HttpResponse<String> gzipped =
        Http.get(port, "/api/daily_papers?date=2025-03-12", "Accept-Encoding", "gzip");

    assertThat(plain.headers().firstValue("ETag"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("W/"));
    assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
  }

  private JsonNode json(String path) {
    HttpResponse<String> response = Http.get(port, path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
