package dev.paperboy.stars;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub's "get a repository" call, conditional on the ETag of the last answer. It reads only what
 * the stars need: {@code stargazers_count}, the ETag, and the rate-limit headers.
 */
@Component
class GitHubClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final StarsSettings settings;

  GitHubClient(StarsSettings settings) {
    this.settings = settings;
  }

  /**
   * What GitHub answered.
   *
   * @param status the HTTP status: 200, 304 (unchanged), 404 (no such repository), 403/429
   *     (limited)
   * @param stars the count, on a 200
   * @param retryAt when the rate limit lets the next request through, if GitHub said
   */
  record Answer(
      int status, @Nullable Integer stars, @Nullable String etag, @Nullable Instant retryAt) {}

  Answer repository(String repo, @Nullable String etag, Instant now)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(settings.apiUrl().toString().replaceAll("/$", "") + "/repos/" + repo))
            .timeout(TIMEOUT)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "Paperboy (https://github.com/paperboy)")
            .GET();
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    if (settings.token() != null && !settings.token().isBlank()) {
      request.header("Authorization", "Bearer " + settings.token().strip());
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    Integer stars = null;
    if (response.statusCode() == 200) {
      JsonNode count = JSON.readTree(response.body()).get("stargazers_count");
      stars = count == null || !count.isNumber() ? null : count.asInt();
    }
    return new Answer(
        response.statusCode(),
        stars,
        response.headers().firstValue("ETag").orElse(etag),
        retryAt(response, now).orElse(null));
  }

  /**
   * When GitHub lets the next request through: after {@code Retry-After} seconds, or at {@code
   * X-RateLimit-Reset} once {@code X-RateLimit-Remaining} is 0.
   */
  private static Optional<Instant> retryAt(HttpResponse<?> response, Instant now) {
    Optional<Long> after = number(response, "Retry-After");
    if (after.isPresent()) {
      return Optional.of(now.plusSeconds(after.get()));
    }
    if (number(response, "X-RateLimit-Remaining").orElse(1L) == 0) {
      return number(response, "X-RateLimit-Reset").map(Instant::ofEpochSecond);
    }
    if (response.statusCode() == 403 || response.statusCode() == 429) {
      return Optional.of(now.plus(Duration.ofMinutes(1))); // GitHub's advice without a header
    }
    return Optional.empty();
  }

  private static Optional<Long> number(HttpResponse<?> response, String header) {
    try {
      return response.headers().firstValue(header).map(String::strip).map(Long::parseLong);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
