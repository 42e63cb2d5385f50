package dev.paperboy.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One abuse limit, as one or more token-bucket bands that must all allow the action: {@code 10/P1D,
 * 1/PT30S} is ten a day and never two within 30 seconds. A band allows a burst of its capacity,
 * then refills gradually over its period.
 *
 * @param what the actions counted, for the message: "sign-in attempts"
 */
public record Limit(String what, List<Band> bands) {
  /** At most {@code capacity} per {@code period}. */
  public record Band(long capacity, Duration period) {
    public Band {
      if (capacity < 1 || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("a limit needs a positive count and period");
      }
    }
  }

  public Limit {
    bands = List.copyOf(bands);
  }

  /** Reads {@code 5/PT1M} (five per minute), or several bands separated by commas. */
  public static Limit parse(String what, String text) {
    List<Band> bands = new ArrayList<>();
    for (String part : text.split(",")) {
      int slash = part.indexOf('/');
      if (slash < 0) {
        throw new IllegalArgumentException(
            "the limit on " + what + " must look like 5/PT1M (five per minute), not " + text);
      }
      bands.add(
          new Band(
              Long.parseLong(part.substring(0, slash).strip()),
              Duration.parse(part.substring(slash + 1).strip())));
    }
    return new Limit(what, bands);
  }
}
