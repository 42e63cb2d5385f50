package dev.paperboy.digest;

import dev.paperboy.ranking.ListPeriod;
import java.time.LocalDate;
import java.util.Locale;

/** How often a subscriber hears from us: each announcement day, or each ISO week. */
public enum Cadence {
  DAILY,
  WEEKLY;

  /** The period an edition of this cadence covers that contains {@code day}. */
  public ListPeriod period(LocalDate day) {
    return this == DAILY ? ListPeriod.day(day) : ListPeriod.weekOf(day);
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the choices when {@code text} is neither
   */
  public static Cadence parse(String text) {
    for (Cadence cadence : values()) {
      if (cadence.name().equalsIgnoreCase(text.strip())) {
        return cadence;
      }
    }
    throw new IllegalArgumentException("cadence must be daily or weekly");
  }
}
