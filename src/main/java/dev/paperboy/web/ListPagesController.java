package dev.paperboy.web;

import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.demo.DemoProgress;
import dev.paperboy.ranking.ListPeriod;
import dev.paperboy.ranking.Rankings;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

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

  @GetMapping("/papers/week")
  String thisWeek() {
    return "redirect:/papers/week/" + ListPeriod.weekOf(lists.today()).key();
  }

  @GetMapping("/papers/month")
  String thisMonth() {
    return "redirect:/papers/month/" + ListPeriod.monthOf(lists.today()).key();
  }

  @GetMapping("/papers/week/{week}")
  String week(@PathVariable String week, Model model) {
    return period("Weekly papers", "weekly", parse(() -> ListPeriod.week(week)), model);
  }

  @GetMapping("/papers/month/{month}")
  String month(@PathVariable String month, Model model) {
    return period("Monthly papers", "monthly", parse(() -> ListPeriod.month(month)), model);
  }

  @GetMapping("/papers/trending")
  String trending(Model model) {
    List<DailyEntry> entries = rankings.trending(null, 0, PAGE_LIMIT);
    ListPeriod window = Rankings.trendingWindow(lists.today());
    model.addAttribute(
        "page",
        new PeriodPage(
            "Trending papers",
            "the last " + Rankings.TRENDING_DAYS + " days, to " + Views.DAY.format(window.last()),
            entries.isEmpty()
                ? "Nothing has been put on a list in the last " + Rankings.TRENDING_DAYS + " days."
                : null,
            null,
            null,
            entries.stream().map(cards::of).toList()));
    model.addAttribute("chrome", new Chrome("trending", demo.status()));
    return "period";
  }

  @GetMapping("/about/ranking")
  String aboutRanking(Model model) {
    model.addAttribute("chrome", new Chrome(null, demo.status()));
    return "ranking";
  }

  private String period(String heading, String tab, ListPeriod period, Model model) {
    List<DailyEntry> entries = rankings.period(period, null, Rankings.Order.UPVOTES, 0, PAGE_LIMIT);
    model.addAttribute(
        "page",
        new PeriodPage(
            heading,
            period.label(),
            entries.isEmpty() ? "No papers were put on a list in " + period.label() + "." : null,
            link(period.previous(), tab),
            link(period.next(), tab),
            entries.stream().map(cards::of).toList()));
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
