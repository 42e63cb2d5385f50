package dev.paperboy.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * A paper's upvotes over its whole history, today included: a step line of the running total from
 * the day it was listed (or its first vote) to today. The line is drawn in a stretchable SVG and
 * the words (the total, the first and last day) are HTML beside it, so that the chart fills any
 * width at a fixed height and its labels keep the page's type size on a phone and a wide screen.
 *
 * @param svg the line, escaped and safe to print as markup
 * @param caption what the line says in words
 * @param from the first day drawn
 * @param to the last day drawn: today
 */
public record UpvoteHistory(String svg, String caption, String from, String to) {
  /** Fewer days than this would draw a block rather than a line; earlier days are shown as 0. */
  static final int MIN_DAYS = 7;

  private static final int WIDTH = 600;
  private static final int HEIGHT = 100;

  /**
   * @param votesPerDay how many counted upvotes came on each day
   */
  static UpvoteHistory of(
      LocalDate listed, SortedMap<LocalDate, Long> votesPerDay, LocalDate today) {
    LocalDate first = votesPerDay.isEmpty() ? listed : votesPerDay.firstKey();
    first = first.isBefore(listed) ? first : listed;
    LocalDate last = votesPerDay.isEmpty() ? today : votesPerDay.lastKey();
    last = last.isAfter(today) ? last : today;
    if (ChronoUnit.DAYS.between(first, last) < MIN_DAYS - 1) {
      first = last.minusDays(MIN_DAYS - 1);
    }
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    long[] total = new long[days];
    for (Map.Entry<LocalDate, Long> day : votesPerDay.entrySet()) {
      total[(int) ChronoUnit.DAYS.between(first, day.getKey())] += day.getValue();
    }
    for (int i = 1; i < days; i++) {
      total[i] += total[i - 1];
    }
    long all = total[days - 1];
    long onLastDay = all - (days > 1 ? total[days - 2] : 0);
    String caption =
        plural(all, "upvote")
            + " since "
            + Views.DAY.format(listed)
            + (onLastDay > 0 ? ", " + onLastDay + " today" : "");
    return new UpvoteHistory(
        svg(total, caption), caption, Views.DAY.format(first), Views.DAY.format(last));
  }

  /** A step line of the running totals, one step a day, scaled to the largest. */
  private static String svg(long[] total, String caption) {
    long max = Math.max(1, total[total.length - 1]);
    double step = (double) WIDTH / total.length;
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < total.length; i++) {
      double y = HEIGHT - 2 - (HEIGHT - 6.0) * total[i] / max;
      line.append(i == 0 ? "M" : "H")
          .append(format(i * step))
          .append(i == 0 ? "," + format(y) : " V" + format(y))
          .append(' ');
    }
    line.append("H").append(WIDTH);
    String area = line + " V" + HEIGHT + " H0 Z";
    return String.format(
        Locale.ROOT,
        "<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
            + " preserveAspectRatio=\"none\" width=\"100%%\" height=\"%d\" role=\"img\""
            + " aria-label=\"%s\"><title>%s</title>"
            + "<path class=\"area\" d=\"%s\"/>"
            + "<path class=\"line\" d=\"%s\" vector-effect=\"non-scaling-stroke\"/></svg>",
        WIDTH,
        HEIGHT,
        HEIGHT,
        SvgCharts.escape(caption),
        SvgCharts.escape(caption),
        area,
        line.toString().trim());
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String plural(long count, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
  }
}
