package dev.paperboy.stars;

import dev.paperboy.artifact.Artifacts;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.store.JobLeases;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks GitHub for the stars of the repositories that recently listed papers link to: only those,
 * each at most once per {@code refresh}, with the last ETag (an unchanged repository costs a 304,
 * which GitHub does not count against the limit when authorised), and not at all while GitHub's
 * rate limit says to wait. One node at a time (a job lease).
 */
@Component
public class StarsJob {
  private static final Logger log = LoggerFactory.getLogger(StarsJob.class);
  private static final String JOB = "github-stars";
  private static final Duration LEASE = Duration.ofMinutes(10);
  private static final int LISTED = 5_000;

  private final StarsSettings settings;
  private final GitHubClient github;
  private final RepoStars stars;
  private final DailyLists lists;
  private final JobLeases leases;
  private final Clock clock;
  private volatile Instant waitUntil = Instant.EPOCH;

  StarsJob(
      StarsSettings settings,
      GitHubClient github,
      RepoStars stars,
      DailyLists lists,
      JobLeases leases,
      Clock clock) {
    this.settings = settings;
    this.github = github;
    this.stars = stars;
    this.lists = lists;
    this.leases = leases;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${paperboy.github.interval:PT10M}",
      fixedDelayString = "${paperboy.github.interval:PT10M}")
  void follow() {
    if (settings.enabled() && leases.tryAcquire(JOB, LEASE)) {
      try {
        run();
      } finally {
        leases.release(JOB);
      }
    }
  }

  /** What one run did. */
  public record Run(int asked, int changed, int unchanged, int failed, boolean limited) {}

  /** One run: the repositories due, oldest checked first, until the batch or the limit ends it. */
  public Run run() {
    Instant now = clock.instant();
    if (now.isBefore(waitUntil)) {
      return new Run(0, 0, 0, 0, true);
    }
    Set<String> listed = listedRepos();
    Map<String, RepoStars.Known> known = stars.known(listed);
    List<String> due = due(listed, known, now);
    int asked = 0;
    int changed = 0;
    int unchanged = 0;
    int failed = 0;
    for (String repo : due) {
      RepoStars.Known before = known.get(repo);
      GitHubClient.Answer answer;
      try {
        answer = github.repository(repo, before == null ? null : before.etag(), clock.instant());
      } catch (IOException e) {
        log.warn("GitHub did not answer for {}: {}", repo, e.toString());
        failed++;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      asked++;
      if (answer.status() == 403 || answer.status() == 429) {
        waitUntil =
            Objects.requireNonNullElse(
                answer.retryAt(), clock.instant().plus(Duration.ofMinutes(1)));
        log.info("GitHub's rate limit: no more stars until {}", waitUntil);
        stars.forget();
        return new Run(asked, changed, unchanged, failed, true);
      }
      stars.record(repo, answer.status(), answer.stars(), answer.etag());
      switch (answer.status()) {
        case 200, 404 -> changed++;
        case 304 -> unchanged++;
        default -> failed++;
      }
      if (answer.retryAt() != null) {
        // The last request the limit allowed: stop here and come back when it resets.
        waitUntil = answer.retryAt();
        break;
      }
    }
    stars.forget();
    if (asked > 0) {
      log.info(
          "GitHub stars: {} asked, {} changed, {} unchanged, {} failed",
          asked,
          changed,
          unchanged,
          failed);
    }
    return new Run(asked, changed, unchanged, failed, now.isBefore(waitUntil));
  }

  /** The repositories recently listed papers link to, as {@code owner/name}. */
  private Set<String> listedRepos() {
    LocalDate today = lists.today();
    Set<String> repos = new LinkedHashSet<>();
    for (DailyEntry entry :
        lists.between(today.minusDays(settings.listedDays()), today, null, 0, LISTED)) {
      String repo = Artifacts.of(entry.paper()).githubRepo();
      if (repo != null) {
        repos.add(RepoStars.key(repo));
      }
    }
    return repos;
  }

  /** Of those, the ones not asked within the refresh, never asked and longest ago first. */
  private List<String> due(Set<String> repos, Map<String, RepoStars.Known> known, Instant now) {
    return repos.stream()
        .filter(
            r ->
                !known.containsKey(r)
                    || known.get(r).checkedAt().plus(settings.refresh()).isBefore(now))
        .sorted(
            java.util.Comparator.comparing(
                r -> known.containsKey(r) ? known.get(r).checkedAt() : Instant.EPOCH))
        .limit(settings.batch())
        .toList();
  }
}
