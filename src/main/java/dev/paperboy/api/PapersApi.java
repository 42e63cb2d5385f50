package dev.paperboy.api;

import dev.paperboy.curation.DailyLists;
import dev.paperboy.moderation.MemberLinks;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.paper.PaperNotFound;
import dev.paperboy.paper.Papers;
import dev.paperboy.ranking.ListPeriod;
import dev.paperboy.ranking.Rankings;
import dev.paperboy.ranking.UpvotedSearch;
import dev.paperboy.search.InvalidSearch;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.SearchResults;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(
    name = "Papers",
    description = "Lists, search and papers, shaped like Hugging Face's papers API")
class PapersApi {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  /** Deeper pages are refused rather than scanned: no day holds anywhere near this many. */
  static final int MAX_PAGE = 1_000;

  private final DailyLists lists;
  private final Papers papers;
  private final Rankings rankings;
  private final UpvotedSearch search;

  private final MemberLinks memberLinks;

  PapersApi(
      DailyLists lists,
      Papers papers,
      Rankings rankings,
      UpvotedSearch search,
      MemberLinks memberLinks) {
    this.memberLinks = memberLinks;
    this.lists = lists;
    this.papers = papers;
    this.rankings = rankings;
    this.search = search;
  }

  /**
   * A list, as Hugging Face's: one day ({@code date}), an ISO week ({@code week=2025-W11}) or a
   * month ({@code month=2025-03}); without any, today's list or, when today has none, the latest
   * one, and with {@code sort=trending} what is trending now. {@code sort=publishedAt} orders by
   * when entries went on the list, newest first; the default is most upvoted first.
   */
  @Operation(
      summary = "A day's, a week's or a month's list",
      description =
          "Without date, week or month: today's list, or the latest one when today has none; with"
              + " sort=trending and no period, what is trending in the last 7 days. 400 for a"
              + " malformed parameter or more than one period.")
  @GetMapping("/daily_papers")
  List<DailyItem> dailyPapers(
      @Parameter(description = "A day, YYYY-MM-DD") @RequestParam(required = false)
          @Nullable String date,
      @Parameter(description = "An ISO week, YYYY-Www (Monday to Sunday)")
          @RequestParam(required = false)
          @Nullable String week,
      @Parameter(description = "A month, YYYY-MM") @RequestParam(required = false)
          @Nullable String month,
      @Parameter(description = "Only this member's submissions (a username)")
          @RequestParam(required = false)
          @Nullable String submitter,
      @Parameter(
              description =
                  "upvotes (the default: most upvoted first), publishedAt (newest on the list"
                      + " first) or trending (the trending score)")
          @RequestParam(required = false)
          @Nullable String sort,
      @Parameter(description = "The 0-based page, at most 1000")
          @RequestParam(name = "p", defaultValue = "0")
          int page,
      @Parameter(description = "Items a page, 1 to 100")
          @RequestParam(defaultValue = "" + DEFAULT_LIMIT)
          int limit) {
    if (page < 0 || page > MAX_PAGE) {
      throw new BadApiRequest("p must be a page number from 0 to " + MAX_PAGE);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadApiRequest("limit must be from 1 to " + MAX_LIMIT);
    }
    Rankings.Order order = order(sort);
    int given = (date == null ? 0 : 1) + (week == null ? 0 : 1) + (month == null ? 0 : 1);
    if (given > 1) {
      throw new BadApiRequest("give one of date, week and month");
    }
    ListPeriod period;
    try {
      if (date != null) {
        period = ListPeriod.day(parseDate(date));
      } else if (week != null) {
        period = ListPeriod.week(week);
      } else if (month != null) {
        period = ListPeriod.month(month);
      } else if (order == Rankings.Order.TRENDING) {
        period = Rankings.trendingWindow(lists.today());
      } else {
        period = ListPeriod.day(defaultDay());
      }
    } catch (IllegalArgumentException e) {
      throw new BadApiRequest(e.getMessage());
    }
    return rankings.period(period, submitter, order, page * limit, limit).stream()
        .map(DailyItem::of)
        .toList();
  }

  private static Rankings.Order order(@Nullable String sort) {
    if (sort == null) {
      return Rankings.Order.UPVOTES;
    }
    return switch (sort) {
      case "trending" -> Rankings.Order.TRENDING;
      case "publishedAt" -> Rankings.Order.NEWEST;
      case "upvotes" -> Rankings.Order.UPVOTES;
      default ->
          throw new BadApiRequest(
              "sort must be publishedAt, trending or upvotes, got '" + clip(sort) + "'");
    };
  }

  /**
   * Search, best match first: by words, by meaning, or both (hybrid, the default); an exact arXiv
   * id or title comes first in every mode.
   */
  @Operation(
      summary = "Search papers",
      description =
          "Best match first; an exact arXiv id or title comes first in every mode. Highlighted"
              + " fields are escaped HTML with matches in <mark>. 400 for a query over 256"
              + " characters or with too many terms, an unknown sort or mode, or a bad date.")
  @GetMapping("/papers/search")
  List<SearchItem> search(
      @Parameter(
              description =
                  "Words, a question, \"a phrase\", prefix*, -excluded, a | b, author:Name,"
                      + " cat:cs.LG, has:code (only papers that link to code), an arXiv id or a title")
          @RequestParam(defaultValue = "")
          String q,
      @Parameter(description = "Results a page, 1 to 100") @RequestParam(defaultValue = "20")
          int limit,
      @Parameter(description = "The 0-based page, at most 1000")
          @RequestParam(name = "p", defaultValue = "0")
          int page,
      @Parameter(description = "First published on or after this day, YYYY-MM-DD")
          @RequestParam(required = false)
          @Nullable String from,
      @Parameter(description = "First published on or before this day, YYYY-MM-DD")
          @RequestParam(required = false)
          @Nullable String until,
      @Parameter(
              description =
                  "relevance (the default), newest, or upvotes (among the best 1,000 matches)")
          @RequestParam(defaultValue = "relevance")
          String sort,
      @Parameter(
              description =
                  "hybrid (words and meaning, the default), lexical (words) or semantic"
                      + " (meaning)")
          @RequestParam(defaultValue = "hybrid")
          String mode) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadApiRequest("limit must be from 1 to " + MAX_LIMIT);
    }
    if (page < 0 || page > MAX_PAGE) {
      throw new BadApiRequest("p must be a page number from 0 to " + MAX_PAGE);
    }
    SearchResults results;
    try {
      SearchQuery.Sort order =
          switch (sort) {
            case "relevance" -> SearchQuery.Sort.RELEVANCE;
            case "newest", "publishedAt" -> SearchQuery.Sort.NEWEST;
            case "upvotes" -> SearchQuery.Sort.UPVOTES;
            default ->
                throw new BadApiRequest(
                    "sort must be relevance, newest or upvotes, got '" + clip(sort) + "'");
          };
      SearchQuery.Mode matching =
          SearchQuery.Mode.named(mode)
              .orElseThrow(
                  () ->
                      new BadApiRequest(
                          "mode must be lexical, semantic or hybrid, got '" + clip(mode) + "'"));
      results =
          search.search(
              new SearchQuery(
                  q,
                  from == null ? null : parseDate(from),
                  until == null ? null : parseDate(until),
                  order,
                  page * limit,
                  limit,
                  matching));
    } catch (InvalidSearch e) {
      throw new BadApiRequest(e.getMessage());
    }
    return results.hits().stream().map(SearchItem::of).toList();
  }

  /** Papers like this one (TF-IDF over title and abstract), most alike first. */
  @Operation(
      summary = "Papers like this one",
      description =
          "By the terms of its title and abstract that are frequent in it and rare elsewhere,"
              + " most alike first. 404 for a paper Paperboy does not hold.")
  @GetMapping("/papers/{id}/similar")
  List<SearchItem> similar(
      @Parameter(description = "An arXiv id in any form: 2310.11366, 2310.11366v2") @PathVariable
          String id,
      @Parameter(description = "Papers to answer, 1 to 100") @RequestParam(defaultValue = "10")
          int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadApiRequest("limit must be from 1 to " + MAX_LIMIT);
    }
    ArxivId paper = ArxivId.parse(id);
    if (papers.find(paper).isEmpty()) {
      throw new PaperNotFound(paper);
    }
    return search.similar(paper, limit).stream().map(SearchItem::of).toList();
  }

  /**
   * One paper. An id of the right shape that no paper has ({@code 0000.00000}) is a 404, as on
   * Hugging Face, so that clients written for it tell "not here" from "not an id" (a 400).
   */
  @Operation(
      summary = "One paper",
      description =
          "Its arXiv metadata, versions, upvotes, and its list day and submitter when it is on a"
              + " list. 404 for a paper Paperboy does not hold (also 0000.00000), 400 for text"
              + " that is no arXiv id.")
  @GetMapping("/papers/{id}")
  PaperDetail paper(
      @Parameter(description = "An arXiv id: 2310.11366 or 2310.11366v2") @PathVariable String id) {
    ArxivId parsed;
    try {
      parsed = ArxivId.parse(id);
    } catch (InvalidArxivId e) {
      if (ArxivId.hasIdShape(id)) {
        throw new PaperNotFound(id.strip());
      }
      throw e;
    }
    return detail(parsed);
  }

  /** Old-style ids contain a slash: {@code /api/papers/hep-th/9901001}. */
  @Operation(summary = "One paper with an old-style id, such as hep-th/9901001")
  @GetMapping("/papers/{archive:[a-z]+(?:-[a-z]+)?(?:\\.[A-Z]{2})?}/{number:\\d{7}(?:v\\d+)?}")
  PaperDetail oldStylePaper(
      @Parameter(description = "The archive, such as hep-th") @PathVariable String archive,
      @Parameter(description = "The seven digits, with an optional version") @PathVariable
          String number) {
    return detail(ArxivId.parse(archive + "/" + number));
  }

  private PaperDetail detail(ArxivId id) {
    return papers
        .find(id)
        .map(
            paper ->
                PaperDetail.of(
                    paper,
                    lists.entryFor(id).orElse(null),
                    memberLinks.of(id).stream().map(MemberLinks.Link::artifact).toList()))
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
