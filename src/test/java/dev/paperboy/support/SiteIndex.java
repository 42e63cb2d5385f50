package dev.paperboy.support;

import dev.paperboy.search.PaperSearch;
import java.time.Duration;
import org.awaitility.Awaitility;

/** Waits until the {@link Site}'s search index holds the whole demo (seed day + sample corpus). */
public final class SiteIndex {
  /** The seed day's seven papers and the 250 of the sample corpus. */
  public static final int DEMO_PAPERS = 257;

  private SiteIndex() {}

  public static void awaitDemo(PaperSearch search) {
    // The demo corpus loads in the background; the index follows it.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              search.catchUp();
              return search.state().documents() >= DEMO_PAPERS;
            });
  }
}
