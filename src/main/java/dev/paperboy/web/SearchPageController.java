package dev.paperboy.web;

import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.demo.DemoProgress;
import dev.paperboy.paper.AuthorLine;
import dev.paperboy.ranking.UpvotedSearch;
import dev.paperboy.search.IndexState;
import dev.paperboy.search.InvalidSearch;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.SearchResults;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SearchPageController {
  /** A date field of the form: empty means no bound. */
  private static java.time.@org.jspecify.annotations.Nullable LocalDate day(String text) {
    try {
      return text.isBlank() ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidSearch(
          "Dates are YYYY-MM-DD, not '"
              + (text.length() > 20 ? text.substring(0, 20) : text)
              + "'");
    }
  }

  private static final int PAGE_SIZE = 20;
  private static final int MAX_PAGE = 50;

  private final UpvotedSearch search;
  private final PaperSearch index;
  private final DailyLists lists;
  private final Cards cards;
  private final DemoProgress demo;

  SearchPageController(
      UpvotedSearch search, PaperSearch index, DailyLists lists, Cards cards, DemoProgress demo) {
    this.search = search;
    this.index = index;
    this.lists = lists;
    this.cards = cards;
    this.demo = demo;
  }

  @GetMapping("/search")
  String search(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "relevance") String sort,
      @RequestParam(name = "p", defaultValue = "0") int page,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String until,
      @RequestParam(defaultValue = "hybrid") String mode,
      @RequestParam(defaultValue = "false") boolean code,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("chrome", new Chrome("search", demo.status()));
    SearchQuery.Sort order =
        switch (sort) {
          case "newest" -> SearchQuery.Sort.NEWEST;
          case "upvotes" -> SearchQuery.Sort.UPVOTES;
          // Every paper with code and no words: nothing to be relevant to, so the newest first.
          default -> q.isBlank() ? SearchQuery.Sort.NEWEST : SearchQuery.Sort.RELEVANCE;
        };
    SearchQuery.Mode matching = SearchQuery.Mode.named(mode).orElse(SearchQuery.Mode.HYBRID);
    mode = matching.name().toLowerCase(Locale.ROOT);
    int pageNumber = Math.max(0, Math.min(page, MAX_PAGE));
    if (q.isBlank() && !code) {
      model.addAttribute(
          "page",
          new SearchPage(
              "", sort, mode, from, until, code, 0, List.of(), null, null, null, null, null, null));
      return "search";
    }
    SearchResults results;
    try {
      results =
          search.search(
              new SearchQuery(
                  code ? q + " has:code" : q,
                  day(from),
                  day(until),
                  order,
                  pageNumber * PAGE_SIZE,
                  PAGE_SIZE,
                  matching));
    } catch (InvalidSearch e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute(
          "page",
          new SearchPage(
              q.length() > 300 ? q.substring(0, 300) : q,
              sort,
              mode,
              from,
              until,
              code,
              0,
              List.of(),
              null,
              null,
              e.getMessage(),
              null,
              null,
              null));
      return "search";
    }
    Map<String, DailyEntry> listed =
        lists.entriesFor(results.hits().stream().map(SearchHit::id).toList());
    List<SearchPage.Result> shown =
        results.hits().stream()
            .map(
                hit -> {
                  DailyEntry entry = listed.get(hit.id().base());
                  return new SearchPage.Result(
                      "/papers/" + hit.id().base(),
                      hit.id().base(),
                      hit.titleHtml(),
                      hit.snippetHtml(),
                      AuthorLine.of(hit.authors()),
                      Views.DAY.format(hit.publishedAt().atZone(ZoneOffset.UTC)),
                      entry == null ? null : cards.of(entry),
                      hit.artifacts().firstOfEachKind());
                })
            .toList();
    String base =
        "/search?q="
            + URLEncoder.encode(q, StandardCharsets.UTF_8)
            + "&sort="
            + URLEncoder.encode(sort, StandardCharsets.UTF_8)
            + "&mode="
            + mode
            + "&from="
            + URLEncoder.encode(from, StandardCharsets.UTF_8)
            + "&until="
            + URLEncoder.encode(until, StandardCharsets.UTF_8)
            + (code ? "&code=true" : "")
            + "&p=";
    boolean more = (long) (pageNumber + 1) * PAGE_SIZE < results.total() && pageNumber < MAX_PAGE;
    model.addAttribute(
        "page",
        new SearchPage(
            q,
            sort,
            mode,
            from,
            until,
            code,
            results.total(),
            shown,
            results.didYouMean(),
            results.didYouMean() == null
                ? null
                : "/search?q="
                    + URLEncoder.encode(results.didYouMean(), StandardCharsets.UTF_8)
                    + "&mode="
                    + mode
                    + (code ? "&code=true" : ""),
            null,
            more ? base + (pageNumber + 1) : null,
            pageNumber > 0 ? base + (pageNumber - 1) : null,
            building()));
    return "search";
  }

  private @Nullable String building() {
    IndexState state = index.state();
    if (!state.rebuilding()) {
      return null;
    }
    return String.format(
        "The search index is still being built: %,d of %,d papers so far. Results fill in as it"
            + " goes.",
        state.documents(), index.papersInStore());
  }
}
