package dev.paperboy.ingest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * arXiv's announcement clock (REFERENCE.md §2): announcements go out Sunday to Thursday at 20:00 US
 * Eastern, and the listing feeds, rebuilt at midnight Eastern, carry them dated Monday to Friday.
 * Holidays are not modelled: on a holiday the feed is reported as not advanced.
 */
public final class ArxivCalendar {
  public static final ZoneId EASTERN = ZoneId.of("America/New_York");

  private ArxivCalendar() {}

  /** The day of the newest listing feed there should be at {@code now}. */
  public static LocalDate latestListingDay(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, EASTERN);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.minusDays(1);
    }
    return day;
  }
}
