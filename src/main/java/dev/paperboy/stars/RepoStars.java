package dev.paperboy.stars;

import dev.paperboy.store.SqlValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The stars each repository has, as last read from GitHub; the only reader and writer of {@code
 * github_repos}. Cards ask for many repositories per page, so the counts are held in memory and
 * read again from the table at most once a minute (another node's job may have written them).
 */
@Service
public class RepoStars {
  private static final Duration FRESH = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile Map<String, Integer> counts = Map.of();
  private volatile Instant readAt = Instant.EPOCH;

  RepoStars(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The stars of a repository written {@code https://github.com/owner/name} (Hugging Face's {@code
   * githubRepo}), if known.
   */
  public Optional<Integer> of(@Nullable String githubRepo) {
    if (githubRepo == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(counts().get(key(githubRepo)));
  }

  /** Whether any repository's stars are known: the lists offer "by stars" only then. */
  public boolean any() {
    return !counts().isEmpty();
  }

  /** {@code owner/name}, lower case: GitHub's names ignore case. */
  static String key(String githubRepo) {
    return githubRepo
        .replaceFirst("^https?://(www\\.)?github\\.com/", "")
        .toLowerCase(java.util.Locale.ROOT);
  }

  private Map<String, Integer> counts() {
    Instant now = clock.instant();
    if (readAt.plus(FRESH).isBefore(now)) {
      Map<String, Integer> read = new HashMap<>();
      jdbc.sql("SELECT repo, stars FROM github_repos WHERE stars IS NOT NULL")
          .query(
              rs -> {
                read.put(rs.getString(1), rs.getInt(2));
              });
      counts = Map.copyOf(read);
      readAt = now;
    }
    return counts;
  }

  /** Reads the table again on the next question: after the job wrote to it. */
  void forget() {
    readAt = Instant.EPOCH;
  }

  /** What the job knows of a repository: the ETag of the last answer and when it was asked. */
  record Known(@Nullable String etag, Instant checkedAt) {}

  Map<String, Known> known(Collection<String> repos) {
    if (repos.isEmpty()) {
      return Map.of();
    }
    Map<String, Known> known = new HashMap<>();
    jdbc.sql("SELECT repo, etag, checked_at FROM github_repos WHERE repo IN (:repos)")
        .param("repos", List.copyOf(Set.copyOf(repos)))
        .query(
            rs -> {
              known.put(
                  rs.getString("repo"),
                  new Known(rs.getString("etag"), SqlValues.requiredInstant(rs, "checked_at")));
            });
    return known;
  }

  /**
   * Records an answer. A 304 keeps the stars; a 404 forgets them (the repository is gone or
   * private); other statuses keep what was known and are asked again at the next refresh.
   */
  void record(String repo, int status, @Nullable Integer stars, @Nullable String etag) {
    String now = SqlValues.text(clock.instant());
    int updated =
        jdbc.sql(
                """
                UPDATE github_repos
                SET stars = CASE WHEN :status = 200 THEN :stars WHEN :status = 404 THEN NULL ELSE stars END,
                    etag = CASE WHEN :status IN (200, 304) THEN :etag ELSE etag END,
                    status = :status,
                    checked_at = :now
                WHERE repo = :repo
                """)
            .param("repo", repo)
            .param("status", status)
            .param("stars", stars)
            .param("etag", etag)
            .param("now", now)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO github_repos (repo, stars, etag, status, checked_at)
              VALUES (:repo, :stars, :etag, :status, :now)
              """)
          .param("repo", repo)
          .param("stars", status == 200 ? stars : null)
          .param("etag", status == 200 || status == 304 ? etag : null)
          .param("status", status)
          .param("now", now)
          .update();
    }
  }
}
