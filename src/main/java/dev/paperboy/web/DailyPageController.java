package dev.paperboy.web;

import dev.paperboy.curation.DailyLists;
import dev.paperboy.demo.DemoProgress;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class DailyPageController {
  /** A day's list is shown whole; the community issue's caps keep days far below this. */
  private static final int DAY_LIMIT = 500;

  private final Cards cards;
  private final DailyLists lists;
  private final DemoProgress demo;

  DailyPageController(Cards cards, DailyLists lists, DemoProgress demo) {
    this.cards = cards;
    this.lists = lists;
    this.demo = demo;
  }

  @GetMapping({"/", "/papers"})
  String latest(
      @RequestParam(defaultValue = "false") boolean code,
      @RequestParam(defaultValue = "") String sort,
      Model model) {
    LocalDate today = lists.today();
    Optional<LocalDate> latest = lists.latestOnOrBefore(today);
    if (latest.isEmpty() || latest.get().equals(today)) {
      return day(today, null, cards.filter(code, sort), model);
    }
    String note =
        "There is no list for today ("
            + Views.DAY.format(today)
            + ") yet. This is the latest one, from "
            + Views.DAY.format(latest.get())
            + ".";
    return day(latest.get(), note, cards.filter(code, sort), model);
  }

  @GetMapping("/papers/date/{date}")
  String date(
      @PathVariable String date,
      @RequestParam(defaultValue = "false") boolean code,
      @RequestParam(defaultValue = "") String sort,
      Model model) {
    LocalDate day;
    try {
      day = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new PageNotFound(
          "'" + date + "' is not a date. Daily lists live at /papers/date/YYYY-MM-DD.");
    }
    return day(day, null, cards.filter(code, sort), model);
  }

  private String day(LocalDate date, @Nullable String note, ListFilter filter, Model model) {
    DailyPage page =
        new DailyPage(
            Views.DAY.format(date),
            date.toString(),
            note,
            lists.previousDay(date).map(DailyPageController::link).orElse(null),
            lists.nextDay(date).map(DailyPageController::link).orElse(null),
            filter.apply(
                lists.day(date, 0, DAY_LIMIT).stream().map(cards::of).toList(), DAY_LIMIT));
    model.addAttribute("page", page);
    model.addAttribute("filter", filter);
    model.addAttribute("chrome", new Chrome("daily", demo.status()));
    return "daily";
  }

  private static DailyPage.Link link(LocalDate date) {
    return new DailyPage.Link(Views.dayHref(date), Views.DAY.format(date));
  }
}
