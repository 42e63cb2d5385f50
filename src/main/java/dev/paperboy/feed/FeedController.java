package dev.paperboy.feed;

import dev.paperboy.author.AuthorProfile;
import dev.paperboy.author.Authors;
import dev.paperboy.collection.Collection;
import dev.paperboy.collection.Collections;
import dev.paperboy.collection.SavedPaper;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.ranking.ListPeriod;
import dev.paperboy.ranking.Rankings;
import dev.paperboy.rules.Refusal;
import dev.paperboy.search.InvalidSearch;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * RSS 2.0 and Atom 1.0 feeds: the daily list, the week's list, trending, the newest papers of a
 * category, a saved search, an author and a public collection. Each answers 304 to a matching
 * {@code If-None-Match} or {@code If-Modified-Since}, and carries at most {@value
 * FeedWriter#MAX_ITEMS} entries.
 */
@Controller
class FeedController {
  private static final int ITEMS = FeedWriter.MAX_ITEMS;

  private final DailyLists lists;
  private final Rankings rankings;
  private final PaperSearch search;
  private final Papers papers;
  private final Collections collections;
  private final Authors authors;

  FeedController(
      DailyLists lists,
      Rankings rankings,
      PaperSearch search,
      Papers papers,
      Collections collections,
      Authors authors) {
    this.collections = collections;
    this.authors = authors;
    this.lists = lists;
    this.rankings = rankings;
    this.search = search;
    this.papers = papers;
  }

  @GetMapping("/feeds/daily.{format}")
  ResponseEntity<String> daily(@PathVariable String format, WebRequest request) {
    LocalDate today = lists.today();
    LocalDate day = lists.latestOnOrBefore(today).orElse(today);
    return answer(
        format,
        "Daily papers, " + day,
        "/papers/date/" + day,
        "/feeds/daily." + format,
        "The papers on Paperboy's daily list",
        entries(lists.day(day, 0, ITEMS)),
        request);
  }

  @GetMapping("/feeds/weekly.{format}")
  ResponseEntity<String> weekly(@PathVariable String format, WebRequest request) {
    ListPeriod week = ListPeriod.weekOf(lists.today());
    return answer(
        format,
        "Weekly papers, " + week.key(),
        "/papers/week/" + week.key(),
        "/feeds/weekly." + format,
        "This week's papers on Paperboy, most upvoted first",
        entries(rankings.period(week, null, Rankings.Order.UPVOTES, 0, ITEMS)),
        request);
  }

  @GetMapping("/feeds/trending.{format}")
  ResponseEntity<String> trending(@PathVariable String format, WebRequest request) {
    return answer(
        format,
        "Trending papers",
        "/papers/trending",
        "/feeds/trending." + format,
        "What is trending on Paperboy",
        entries(rankings.trending(null, 0, ITEMS)),
        request);
  }

  @GetMapping("/feeds/category/{category}.{format}")
  ResponseEntity<String> category(
      @PathVariable String category, @PathVariable String format, WebRequest request) {
    if (!category.matches("[a-z-]+(\\.[A-Za-z-]+)?")) {
      throw new IllegalArgumentException("not an arXiv category: " + category);
    }
    return answer(
        format,
        "New in " + category,
        "/search?q=cat:" + category + "&sort=newest",
        "/feeds/category/" + category + "." + format,
        "The newest papers in " + category,
        found(new SearchQuery("cat:" + category, null, null, SearchQuery.Sort.NEWEST, 0, ITEMS)),
        request);
  }

  @GetMapping("/feeds/search.{format}")
  ResponseEntity<String> savedSearch(
      @RequestParam(defaultValue = "") String q, @PathVariable String format, WebRequest request) {
    return answer(
        format,
        "Search: " + q,
        "/search?q=" + encode(q) + "&sort=newest",
        "/feeds/search." + format + "?q=" + encode(q),
        "The newest papers matching " + q,
        found(new SearchQuery(q, null, null, SearchQuery.Sort.NEWEST, 0, ITEMS)),
        request);
  }

  /** A public collection, most recently saved first; a private one is answered 404. */
  @GetMapping("/feeds/collections/{id}.{format}")
  ResponseEntity<String> collection(
      @PathVariable long id, @PathVariable String format, WebRequest request) {
    Collection collection;
    try {
      collection = collections.visible(id, null);
    } catch (Refusal e) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(MediaType.TEXT_PLAIN)
          .body(e.getMessage());
    }
    List<SavedPaper> saved = collections.papers(collection, 0, ITEMS);
    Map<String, Paper> byId = papers.findAll(saved.stream().map(SavedPaper::id).toList());
    return answer(
        format,
        collection.name(),
        "/collections/" + id,
        "/feeds/collections/" + id + "." + format,
        "Papers saved to " + collection.name() + ", most recent first",
        saved.stream()
            .filter(s -> byId.containsKey(s.id().base()))
            .map(s -> item(byId.get(s.id().base()), s.addedAt()))
            .toList(),
        request);
  }

  /** An author's newest papers; a name no paper has is answered 404. */
  @GetMapping("/feeds/authors/{name}.{format}")
  ResponseEntity<String> author(
      @PathVariable String name, @PathVariable String format, WebRequest request) {
    Optional<AuthorProfile> author = authors.profile(name);
    if (author.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(MediaType.TEXT_PLAIN)
          .body("No paper on Paperboy has an author called " + name + ".");
    }
    String path = "/authors/" + encode(author.get().name()).replace("+", "%20");
    return answer(
        format,
        author.get().name(),
        path,
        "/feeds" + path + "." + format,
        "The newest papers by " + author.get().name(),
        author.get().papers().stream().limit(ITEMS).map(p -> item(p, p.publishedAt())).toList(),
        request);
  }

  @ExceptionHandler({IllegalArgumentException.class})
  ResponseEntity<String> badRequest(IllegalArgumentException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  private ResponseEntity<String> answer(
      String extension,
      String title,
      String path,
      String selfPath,
      String description,
      List<FeedItem> items,
      WebRequest request) {
    FeedWriter.Format format = FeedWriter.Format.of(extension);
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    List<FeedItem> absolute =
        items.stream()
            .map(
                i ->
                    new FeedItem(
                        i.id(),
                        i.title(),
                        base + i.link(),
                        i.summary(),
                        i.authors(),
                        i.categories(),
                        i.published()))
            .toList();
    Instant updated =
        items.stream()
            .map(FeedItem::published)
            .max(Comparator.naturalOrder())
            .orElse(Instant.EPOCH);
    String body =
        FeedWriter.write(
            format,
            "Paperboy · " + title,
            base + path,
            base + selfPath,
            description,
            absolute,
            updated);
    String etag = "\"" + digest(body) + "\"";
    if (request.checkNotModified(etag, updated.toEpochMilli())) {
      return null;
    }
    return ResponseEntity.ok()
        .eTag(etag)
        .lastModified(updated)
        .contentType(MediaType.parseMediaType(format.contentType))
        .body(body);
  }

  private List<FeedItem> entries(List<DailyEntry> entries) {
    return entries.stream().map(e -> item(e.paper(), e.submittedAt())).toList();
  }

  private List<FeedItem> found(SearchQuery query) {
    List<SearchHit> hits;
    try {
      hits = search.search(query).hits();
    } catch (InvalidSearch e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    Map<String, Paper> byId = papers.findAll(hits.stream().map(SearchHit::id).toList());
    return hits.stream()
        .map(h -> byId.get(h.id().base()))
        .filter(Objects::nonNull)
        .map(p -> item(p, p.publishedAt()))
        .toList();
  }

  private static FeedItem item(Paper paper, Instant when) {
    return new FeedItem(
        paper.id().base(),
        paper.title(),
        "/papers/" + paper.id().base(),
        paper.abstractText(),
        paper.authors(),
        paper.categories(),
        when);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String digest(String body) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
