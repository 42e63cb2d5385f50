package dev.paperboy.ranking;

import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The lists readers browse: a period's papers by upvotes, and what is trending now. */
@Service
public class Rankings {
  /** Trending considers the entries of this many most recent days. */
  public static final int TRENDING_DAYS = 7;

  /** Trending ranks at most this many candidates; a week holds far fewer. */
  static final int TRENDING_CANDIDATES = 5_000;

  /** Highest score first; equal scores by later submission, then by id: a total, stable order. */
  static final Comparator<DailyEntry> TRENDING_ORDER =
      Comparator.comparingDouble(Rankings::score)
          .reversed()
          .thenComparing(DailyEntry::submittedAt, Comparator.reverseOrder())
          .thenComparing(e -> e.paper().id().base());

  private final DailyLists lists;

  Rankings(DailyLists lists) {
    this.lists = lists;
  }

  /** How a list is ordered. */
  public enum Order {
    /** Most upvoted first, ties by who was first: the daily list's own order. */
    UPVOTES,
    /** Most recently put on the list first. */
    NEWEST,
    /** By {@link TrendingScore}. */
    TRENDING
  }

  /** A period's entries in the given order, a page at a time. */
  public List<DailyEntry> period(
      ListPeriod period, @Nullable String submitter, Order order, int offset, int limit) {
    if (order == Order.UPVOTES) {
      return lists.between(period.first(), period.last(), submitter, offset, limit);
    }
    List<DailyEntry> candidates =
        lists.between(period.first(), period.last(), submitter, 0, TRENDING_CANDIDATES);
    List<DailyEntry> sorted =
        order == Order.TRENDING
            ? sortTrending(candidates)
            : candidates.stream()
                .sorted(
                    Comparator.comparing(DailyEntry::submittedAt)
                        .reversed()
                        .thenComparing(e -> e.paper().id().base()))
                .toList();
    return page(sorted, offset, limit);
  }

  /** What is trending: the last {@value #TRENDING_DAYS} days' entries by {@link TrendingScore}. */
  public List<DailyEntry> trending(@Nullable String submitter, int offset, int limit) {
    LocalDate today = lists.today();
    return period(trendingWindow(today), submitter, Order.TRENDING, offset, limit);
  }

  /** The days trending looks at, ending today. */
  public static ListPeriod trendingWindow(LocalDate today) {
    return new ListPeriod(
        ListPeriod.Kind.DAY, today.minusDays(TRENDING_DAYS - 1), today, "trending");
  }

  /** Entries in trending order; a pure function of the entries. */
  public static List<DailyEntry> sortTrending(List<DailyEntry> entries) {
    return entries.stream().sorted(TRENDING_ORDER).toList();
  }

  static double score(DailyEntry entry) {
    return TrendingScore.of(entry.upvotes(), entry.comments(), entry.submittedAt());
  }

  private static List<DailyEntry> page(List<DailyEntry> all, int offset, int limit) {
    return all.subList(Math.min(all.size(), offset), Math.min(all.size(), offset + limit));
  }
}
