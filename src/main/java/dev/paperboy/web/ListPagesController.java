package dev.paperboy.web;

import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.demo.DemoProgress;
import dev.paperboy.ranking.ListPeriod;
import dev.paperboy.ranking.Rankings;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The weekly, monthly and trending lists, and the page that explains the ranking. */
@Controller
class ListPagesController {
  private static final int PAGE_LIMIT = 100;

  private final Cards cards;
  private final Rankings rankings;
  private final DailyLists lists;
  private final DemoProgress demo;

  ListPagesController(Cards cards, Rankings rankings, DailyLists lists, DemoProgress demo) {
    this.cards = cards;
    this.rankings = rankings;
    this.lists = lists;
    this.demo = demo;
  }

  /** This week's list, or, while it has none, the latest week that has papers. */
  @GetMapping("/papers/week")
  String thisWeek(
      @RequestParam(defaultValue = "false") boolean code,
      @RequestParam(defaultValue = "") String sort,
      Model model) {
    return current(
        "Weekly papers", "weekly", ListPeriod::weekOf, "week", cards.filter(code, sort), model);
  }

  /** This month's list, or, while it has none, the latest month that has papers. */
  @GetMapping("/papers/month")
  String thisMonth(
      @RequestParam(defaultValue = "false") boolean code,
      @RequestParam(defaultValue = "") String sort,
      Model model) {
    return current(
        "Monthly papers", "monthly", ListPeriod::monthOf, "month", cards.filter(code, sort), model);
  }

  @GetMapping("/papers/week/{week}")
  String week(
      @PathVariable String week,
      @RequestParam(defaultValue = "false") boolean code,
      @RequestParam(defaultValue = "") String sort,
      Model model) {
    return period(
        "Weekly papers",
        "weekly",
        parse(() -> ListPeriod.week(week)),
        null,
        cards.filter(code, sort),
        model);
  }

  @GetMapping("/papers/month/{month}")
  String month(
      @PathVariable String month,
      @RequestParam(defaultValue = "false") boolean code,
      @RequestParam(defaultValue = "") String sort,
      Model model) {
    return period(
        "Monthly papers",
        "monthly",
        parse(() -> ListPeriod.month(month)),
        null,
        cards.filter(code, sort),
        model);
  }

  /**
   * The last {@value Rankings#TRENDING_DAYS} days by the trending score; when nothing was listed in
   * them, what was trending in the days to the latest list, said so, rather than an empty page.
   */
  @GetMapping("/papers/trending")
  String trending(
      @RequestParam(defaultValue = "false") boolean code,
      @RequestParam(defaultValue = "") String sort,
      Model model) {
    ListFilter filter = cards.filter(code, sort);
    ListPeriod window = Rankings.trendingWindow(lists.today());
    List<DailyEntry> entries = rankings.trending(null, 0, filter.scan(PAGE_LIMIT));
    String note = null;
    if (entries.isEmpty()) {
      LocalDate latest = lists.latestOnOrBefore(lists.today()).orElse(null);
      if (latest == null) {
        note = "Nothing has been put on a list yet.";
      } else {
        window = Rankings.trendingWindow(latest);
        entries =
            rankings.period(window, null, Rankings.Order.TRENDING, 0, filter.scan(PAGE_LIMIT));
        note =
            "Nothing has been put on a list in the last "
                + Rankings.TRENDING_DAYS
                + " days. This is what was trending in the "
                + Rankings.TRENDING_DAYS
                + " days to "
                + Views.DAY.format(latest)
                + ", the latest list.";
      }
    }
    model.addAttribute(
        "page",
        new PeriodPage(
            "Trending papers",
            (note == null ? "the last " : "the ")
                + Rankings.TRENDING_DAYS
                + " days to "
                + Views.DAY.format(window.last()),
            note,
            null,
            null,
            null,
            filter.apply(entries.stream().map(cards::of).toList(), PAGE_LIMIT)));
    model.addAttribute("filter", filter);
    model.addAttribute("chrome", new Chrome("trending", demo.status()));
    return "period";
  }

  @GetMapping("/about/ranking")
  String aboutRanking(Model model) {
    model.addAttribute("chrome", new Chrome(null, demo.status()));
    return "ranking";
  }

  private String current(
      String heading,
      String tab,
      Function<LocalDate, ListPeriod> periodOf,
      String unit,
      ListFilter filter,
      Model model) {
    ListPeriod now = periodOf.apply(lists.today());
    if (!rankings.period(now, null, Rankings.Order.UPVOTES, 0, 1).isEmpty()) {
      return period(heading, tab, now, null, filter, model);
    }
    return lists
        .latestOnOrBefore(lists.today())
        .map(periodOf)
        .map(
            latest ->
                period(
                    heading,
                    tab,
                    latest,
                    "There is no list for this "
                        + unit
                        + " ("
                        + now.label()
                        + ") yet. This is the latest one with papers.",
                    filter,
                    model))
        .orElseGet(() -> period(heading, tab, now, null, filter, model));
  }

  private String period(
      String heading,
      String tab,
      ListPeriod period,
      @Nullable String note,
      ListFilter filter,
      Model model) {
    List<DailyEntry> entries =
        rankings.period(period, null, Rankings.Order.UPVOTES, 0, filter.scan(PAGE_LIMIT));
    DailyPage.Link nearest = null;
    if (entries.isEmpty()) {
      note = "No papers were put on a list in " + period.label() + ".";
      nearest =
          lists
              .latestOnOrBefore(period.last())
              .map(
                  day ->
                      link(
                          tab.equals("weekly") ? ListPeriod.weekOf(day) : ListPeriod.monthOf(day),
                          tab))
              .orElse(null);
    }
    model.addAttribute(
        "page",
        new PeriodPage(
            heading,
            period.label(),
            note,
            nearest,
            link(period.previous(), tab),
            link(period.next(), tab),
            filter.apply(entries.stream().map(cards::of).toList(), PAGE_LIMIT)));
    model.addAttribute("filter", filter);
    model.addAttribute("chrome", new Chrome(tab, demo.status()));
    return "period";
  }

  private static DailyPage.Link link(ListPeriod period, String tab) {
    String path = tab.equals("weekly") ? "/papers/week/" : "/papers/month/";
    return new DailyPage.Link(path + period.key(), period.label());
  }

  private static ListPeriod parse(Supplier<ListPeriod> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new PageNotFound(e.getMessage());
    }
  }
}
