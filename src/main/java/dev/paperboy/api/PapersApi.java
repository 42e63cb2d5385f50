package dev.paperboy.api;

import dev.paperboy.curation.DailyLists;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.PaperNotFound;
import dev.paperboy.paper.Papers;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class PapersApi {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  /** Deeper pages are refused rather than scanned: no day holds anywhere near this many. */
  static final int MAX_PAGE = 1_000;

  private final DailyLists lists;
  private final Papers papers;

  PapersApi(DailyLists lists, Papers papers) {
    this.lists = lists;
    this.papers = papers;
  }

  /**
   * A day's list, most upvoted first. Without {@code date}, today's list or, when today has none
   * yet, the latest one.
   */
  @GetMapping("/daily_papers")
  List<DailyItem> dailyPapers(
      @RequestParam(required = false) @Nullable String date,
      @RequestParam(required = false) @Nullable String week,
      @RequestParam(required = false) @Nullable String month,
      @RequestParam(name = "p", defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
    if (week != null || month != null) {
      throw new BadApiRequest("week and month lists are not available in this version yet");
    }
    if (page < 0 || page > MAX_PAGE) {
      throw new BadApiRequest("p must be a page number from 0 to " + MAX_PAGE);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadApiRequest("limit must be from 1 to " + MAX_LIMIT);
    }
    LocalDate day = date == null ? defaultDay() : parseDate(date);
    return lists.day(day, page * limit, limit).stream().map(DailyItem::of).toList();
  }

  @GetMapping("/papers/{id}")
  PaperDetail paper(@PathVariable String id) {
    return detail(ArxivId.parse(id));
  }

  /** Old-style ids contain a slash: {@code /api/papers/hep-th/9901001}. */
  @GetMapping("/papers/{archive:[a-z]+(?:-[a-z]+)?(?:\\.[A-Z]{2})?}/{number:\\d{7}(?:v\\d+)?}")
  PaperDetail oldStylePaper(@PathVariable String archive, @PathVariable String number) {
    return detail(ArxivId.parse(archive + "/" + number));
  }

  private PaperDetail detail(ArxivId id) {
    return papers
        .find(id)
        .map(paper -> PaperDetail.of(paper, lists.entryFor(id).orElse(null)))
        .orElseThrow(() -> new PaperNotFound(id));
  }

  private LocalDate defaultDay() {
    LocalDate today = lists.today();
    return lists.latestOnOrBefore(today).orElse(today);
  }

  private static LocalDate parseDate(String date) {
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new BadApiRequest(
          "date must be a calendar date as YYYY-MM-DD, got '" + clip(date) + "'");
    }
  }

  static String clip(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
