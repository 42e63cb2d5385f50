package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.ingest.ImportProgress;
import dev.paperboy.ingest.SnapshotImporter;
import dev.paperboy.support.SqliteStore;
import dev.paperboy.support.Tables;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * While the index is being built, the health probe and search answer at once with what is indexed
 * so far: the build is held mid-way (in its progress callback) while they are asked.
 */
@SqliteStore
class IndexBuildTest {
  @Autowired PaperSearch search;
  @Autowired SearchIndexHealth health;
  @Autowired SnapshotImporter importer;
  @Autowired JdbcClient jdbc;

  @Test
  void healthAndSearchAnswerWhileABuildRuns() throws Exception {
    Tables.clean(jdbc);
    try (InputStream sample =
        getClass().getResourceAsStream("/arxiv-snapshot/kaggle-format-sample-250.jsonl")) {
      importer.importStream(sample, false, ImportProgress.NONE);
    }
    CountDownLatch midway = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Long> build =
        CompletableFuture.supplyAsync(
            () ->
                search.rebuild(
                    done -> {
                      midway.countDown();
                      await(release);
                    }));
    try {
      assertThat(midway.await(30, TimeUnit.SECONDS)).isTrue();

      Health probe = CompletableFuture.supplyAsync(health::health).get(10, TimeUnit.SECONDS);
      SearchResults found =
          CompletableFuture.supplyAsync(() -> search.search(SearchQuery.of("graph", 5)))
              .get(10, TimeUnit.SECONDS);

      assertThat(probe.getStatus().getCode()).isEqualTo("UP");
      assertThat(probe.getDetails()).containsEntry("rebuilding", true);
      assertThat(probe.getDetails().get("building")).isEqualTo("250 of 250 papers");
      assertThat(found.hits()).as("search answers from what is indexed so far").isNotEmpty();
    } finally {
      release.countDown();
    }
    assertThat(build.get(30, TimeUnit.SECONDS)).isEqualTo(250);
    assertThat(health.health().getDetails()).containsEntry("rebuilding", false);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
