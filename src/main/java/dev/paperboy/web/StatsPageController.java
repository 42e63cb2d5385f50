package dev.paperboy.web;

import dev.paperboy.curation.DailyLists;
import dev.paperboy.demo.DemoProgress;
import dev.paperboy.paper.Papers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Papers per day and the top categories, as charts drawn on the server. */
@Controller
class StatsPageController {
  private static final int DAYS = 30;

  private final Papers papers;
  private final DailyLists lists;
  private final DemoProgress demo;

  StatsPageController(Papers papers, DailyLists lists, DemoProgress demo) {
    this.papers = papers;
    this.lists = lists;
    this.demo = demo;
  }

  @GetMapping("/stats")
  String stats(Model model) {
    // The chart ends on the latest day with a few papers, so that a store of older papers (the
    // demo's are from 2016-2017) shows its own recent days rather than an empty month.
    LocalDate last =
        papers
            .latestPublicationDay(5)
            .or(() -> papers.latestPublicationDay(1))
            .orElse(lists.today());
    LocalDate first = last.minusDays(DAYS - 1);
    SortedMap<LocalDate, Long> perDay = papers.publishedPerDay(first, last);
    List<SvgCharts.Bar> days = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      days.add(new SvgCharts.Bar(Views.DAY.format(day), perDay.getOrDefault(day, 0L)));
    }
    List<SvgCharts.Bar> categories =
        papers.topPrimaryCategories(10).stream()
            .map(e -> new SvgCharts.Bar(e.getKey(), e.getValue()))
            .toList();
    String perDayTitle =
        "Papers first published per day, "
            + Views.DAY.format(first)
            + " to "
            + Views.DAY.format(last);
    model.addAttribute(
        "page",
        new StatsPage(
            papers.count(),
            perDayTitle,
            SvgCharts.columns(perDayTitle, days, 720, 200),
            SvgCharts.rows("Top primary categories", categories, 720)));
    model.addAttribute("chrome", new Chrome(null, demo.status()));
    return "stats";
  }
}
