package dev.paperboy.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The search index in {@code /actuator/health}: up while it answers, with how many papers it holds,
 * how far it has followed the change sequence, and whether it is being rebuilt ("building n of N
 * papers"; search then answers from what is indexed so far). It never waits for a build.
 */
@Component("searchIndex")
class SearchIndexHealth implements HealthIndicator {
  private final PaperSearch search;

  SearchIndexHealth(PaperSearch search) {
    this.search = search;
  }

  @Override
  public Health health() {
    IndexState state = search.state();
    Health.Builder health = Health.up().withDetail("documents", state.documents());
    if (state.caughtUpTo() != null) {
      health.withDetail("caughtUpTo", state.caughtUpTo().toString());
    }
    if (state.rebuilding()) {
      // Up all the same: search answers from what is indexed so far.
      health.withDetail(
          "building",
          String.format("%,d of %,d papers", state.documents(), search.papersInStore()));
    }
    return health.withDetail("rebuilding", state.rebuilding()).build();
  }
}
