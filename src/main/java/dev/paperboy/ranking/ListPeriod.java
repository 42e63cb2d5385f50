package dev.paperboy.ranking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a list covers, as explicit calendar dates in the configured zone: a day, an ISO week
 * (Monday to Sunday, {@code 2025-W11}) or a month ({@code 2025-03}).
 *
 * @param key the period as written in URLs: {@code 2025-03-12}, {@code 2025-W11}, {@code 2025-03}
 */
public record ListPeriod(Kind kind, LocalDate first, LocalDate last, String key) {
  public enum Kind {
    DAY,
    WEEK,
    MONTH
  }

  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final DateTimeFormatter MONTH_LABEL =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_LABEL =
      DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);

  public static ListPeriod day(LocalDate day) {
    return new ListPeriod(Kind.DAY, day, day, day.toString());
  }

  /** The ISO week containing {@code day}. */
  public static ListPeriod weekOf(LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    int year = monday.get(IsoFields.WEEK_BASED_YEAR);
    int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    return new ListPeriod(
        Kind.WEEK, monday, monday.plusDays(6), String.format("%04d-W%02d", year, week));
  }

  public static ListPeriod monthOf(LocalDate day) {
    YearMonth month = YearMonth.from(day);
    return new ListPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth(), month.toString());
  }

  /**
   * @throws IllegalArgumentException with a message for people when {@code text} is not an ISO week
   *     such as 2025-W11, or names week 53 of a year that has 52
   */
  public static ListPeriod week(String text) {
    Matcher m = WEEK.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "week must be an ISO week such as 2025-W11, got '" + clip(text) + "'");
    }
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    LocalDate mid = LocalDate.of(year, 7, 1);
    long weeks = mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    if (week < 1 || week > weeks) {
      throw new IllegalArgumentException(year + " has weeks 1 to " + weeks + ", not " + week);
    }
    LocalDate monday =
        mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return weekOf(monday);
  }

  /**
   * @throws IllegalArgumentException when {@code text} is not a month such as 2025-03
   */
  public static ListPeriod month(String text) {
    try {
      return monthOf(YearMonth.parse(text).atDay(1));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "month must be YYYY-MM such as 2025-03, got '" + clip(text) + "'");
    }
  }

  public ListPeriod previous() {
    return switch (kind) {
      case DAY -> day(first.minusDays(1));
      case WEEK -> weekOf(first.minusDays(7));
      case MONTH -> monthOf(first.minusMonths(1));
    };
  }

  public ListPeriod next() {
    return switch (kind) {
      case DAY -> day(first.plusDays(1));
      case WEEK -> weekOf(first.plusDays(7));
      case MONTH -> monthOf(first.plusMonths(1));
    };
  }

  /**
   * How a page names the period: "Mar 12, 2025", "Week 11 of 2025 (Mar 10 – Mar 16)", "March 2025".
   */
  public String label() {
    return switch (kind) {
      case DAY -> DAY_LABEL.format(first);
      case WEEK ->
          "Week "
              + Integer.parseInt(key.substring(6))
              + " of "
              + key.substring(0, 4)
              + " ("
              + DAY_LABEL.format(first)
              + " – "
              + DAY_LABEL.format(last)
              + ")";
      case MONTH -> MONTH_LABEL.format(first);
    };
  }

  private static String clip(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
