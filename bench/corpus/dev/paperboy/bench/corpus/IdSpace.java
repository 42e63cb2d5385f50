package dev.paperboy.bench.corpus;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The arXiv identifiers of a generated corpus: how many papers each month gets, and the next
 * unused identifier of a month. Months run from arXiv's first, August 1991, to {@code last}, with
 * a volume that grows exponentially so that the last month has {@link #GROWTH} times the first
 * (arXiv took about 1,000 papers in its first year and about 24,000 a month in 2024). Identifiers
 * take each era's form: {@code archive/YYMMNNN} before April 2007, {@code YYMM.NNNN} until the end
 * of 2014, {@code YYMM.NNNNN} since; an identifier the source corpus holds is never given out.
 */
final class IdSpace {
  static final YearMonth FIRST = YearMonth.of(1991, 8);
  static final double GROWTH = 60;
  private static final YearMonth FOUR_DIGITS = YearMonth.of(2007, 4);
  private static final YearMonth FIVE_DIGITS = YearMonth.of(2015, 1);

  private final Set<String> taken;
  private final Map<String, Integer> nextNumber = new HashMap<>();

  IdSpace(Set<String> taken) {
    this.taken = new HashSet<>(taken);
  }

  /**
   * Papers per month, {@code total} in all, by largest remainder over exponential weights; a month
   * whose numbering is full hands what it cannot take to the next one.
   */
  static long[] monthlyCounts(long total, YearMonth last) {
    int months = (int) (FIRST.until(last, ChronoUnit.MONTHS) + 1);
    double rate = Math.log(GROWTH) / Math.max(1, months - 1);
    double[] weights = new double[months];
    double sum = 0;
    for (int m = 0; m < months; m++) {
      weights[m] = Math.exp(rate * m);
      sum += weights[m];
    }
    long[] counts = new long[months];
    double[] remainders = new double[months];
    long given = 0;
    for (int m = 0; m < months; m++) {
      double share = total * weights[m] / sum;
      counts[m] = (long) share;
      remainders[m] = share - counts[m];
      given += counts[m];
    }
    for (; given < total; given++) {
      int best = 0;
      for (int m = 1; m < months; m++) {
        if (remainders[m] > remainders[best]) {
          best = m;
        }
      }
      counts[best]++;
      remainders[best] = -1;
    }
    long carried = 0;
    for (int m = 0; m < months; m++) {
      counts[m] += carried;
      long room = newStyleRoom(FIRST.plusMonths(m));
      carried = Math.max(0, counts[m] - room);
      counts[m] -= carried;
    }
    if (carried > 0) {
      throw new IllegalArgumentException(total + " papers do not fit arXiv's numbering up to " + last);
    }
    return counts;
  }

  /**
   * The next unused identifier of {@code month} for a paper of {@code archive} (which only the
   * old form names), or null when that archive's numbers for the month are used up.
   */
  String next(YearMonth month, String archive) {
    boolean oldStyle = month.isBefore(FOUR_DIGITS);
    String key = oldStyle ? archive + "/" + month : month.toString();
    int number = nextNumber.getOrDefault(key, 1);
    int room = oldStyle ? 999 : (int) newStyleRoom(month);
    String yymm = "%02d%02d".formatted(month.getYear() % 100, month.getMonthValue());
    for (; number <= room; number++) {
      String id =
          oldStyle
              ? "%s/%s%03d".formatted(archive, yymm, number)
              : month.isBefore(FIVE_DIGITS)
                  ? "%s.%04d".formatted(yymm, number)
                  : "%s.%05d".formatted(yymm, number);
      if (!taken.contains(id)) {
        nextNumber.put(key, number + 1);
        return id;
      }
    }
    nextNumber.put(key, number);
    return null;
  }

  /** How many papers a month can number: old-style months are bounded per archive instead. */
  private static long newStyleRoom(YearMonth month) {
    if (month.isBefore(FOUR_DIGITS)) {
      return Long.MAX_VALUE;
    }
    return month.isBefore(FIVE_DIGITS) ? 9_999 : 99_999;
  }
}
