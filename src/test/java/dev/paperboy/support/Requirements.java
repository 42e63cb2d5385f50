package dev.paperboy.support;

import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;

/**
 * Suites that need PostgreSQL or Chromium skip themselves when those are missing, saying how to run
 * them; with {@code -Dpaperboy.test.require=postgres,chromium} (as .ci/run sets) a missing one
 * fails the suite instead of skipping it.
 */
public final class Requirements {
  private Requirements() {}

  public static void need(String what, boolean available, String howToProvide) {
    boolean required =
        Arrays.asList(System.getProperty("paperboy.test.require", "").split(",")).contains(what);
    if (!available && required) {
      throw new IllegalStateException(
          what + " is required for this run but missing: " + howToProvide);
    }
    Assumptions.assumeTrue(available, what + " not available; " + howToProvide);
  }
}
