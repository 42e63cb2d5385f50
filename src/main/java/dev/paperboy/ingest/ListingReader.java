package dev.paperboy.ingest;

import dev.paperboy.ingest.arxiv.ArxivRssParser;
import dev.paperboy.ingest.arxiv.InvalidRecord;
import dev.paperboy.ingest.arxiv.Listing;
import dev.paperboy.ingest.arxiv.ListingItem;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.store.SqlValues;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads arXiv's listing feed for the followed categories and records what was announced that day
 * (new, cross-lists, replacements). Papers not in the store yet are looked up on the API first. An
 * unknown category and a feed that has not advanced are reported, never taken as "no papers today".
 */
@Service
public class ListingReader {
  private static final Logger log = LoggerFactory.getLogger(ListingReader.class);
  private static final Set<String> TYPES = Set.of("new", "cross", "replace", "replace-cross");

  private final ArxivClient client;
  private final ArxivApi api;
  private final Papers papers;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final ArxivSettings settings;
  private final Clock clock;

  ListingReader(
      ArxivClient client,
      ArxivApi api,
      Papers papers,
      JdbcClient jdbc,
      TransactionTemplate transaction,
      ArxivSettings settings,
      Clock clock) {
    this.client = client;
    this.api = api;
    this.papers = papers;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.settings = settings;
    this.clock = clock;
  }

  public ListingSummary read() throws InterruptedException {
    URI uri = URI.create(settings.rssBaseUrl() + "/rss/" + String.join("+", settings.categories()));
    Listing listing = ArxivRssParser.parse(new ByteArrayInputStream(client.get(uri)));
    if (listing.isFeedError()) {
      throw new ArxivRefused(
          "arXiv does not know the categories " + settings.categories() + ": " + listing.title());
    }
    LocalDate day = ArxivRssParser.day(listing);
    if (day == null) {
      throw new ArxivRefused("the listing feed carries no date: " + uri);
    }
    List<Announced> announced = new ArrayList<>();
    for (ListingItem item : listing.items()) {
      try {
        ArxivId id = ArxivRssParser.id(item);
        String type = item.announceType() == null ? "new" : item.announceType();
        if (TYPES.contains(type)) {
          announced.add(new Announced(id, type));
        }
      } catch (InvalidRecord e) {
        log.warn("listing item {} skipped: {}", item.guid(), e.getMessage());
      }
    }
    List<ArxivId> ids = announced.stream().map(a -> a.id().withoutVersion()).toList();
    Map<String, ?> stored = papers.findAll(ids);
    List<ArxivId> missing = ids.stream().filter(id -> !stored.containsKey(id.base())).toList();
    int fetched = missing.isEmpty() ? 0 : api.fetch(missing).size();
    Map<String, ?> present = papers.findAll(ids);
    transaction.executeWithoutResult(
        tx -> {
          for (Announced a : announced) {
            if (present.containsKey(a.id().base())) {
              jdbc.sql(
                      """
                      INSERT INTO announcements (arxiv_id, announced_on, announce_type, version)
                      VALUES (:id, :day, :type, :version)
                      ON CONFLICT (announced_on, arxiv_id) DO NOTHING
                      """)
                  .param("id", a.id().base())
                  .param("day", SqlValues.text(day))
                  .param("type", a.type())
                  .param("version", Math.max(1, a.id().version()))
                  .update();
            }
          }
        });
    boolean stale = day.isBefore(ArxivCalendar.latestListingDay(clock.instant()));
    ListingSummary summary =
        new ListingSummary(
            day,
            count(announced, "new"),
            count(announced, "cross") + count(announced, "replace-cross"),
            count(announced, "replace"),
            fetched,
            stale);
    if (stale) {
      log.warn(
          "arXiv listing feed {} is dated {} and has not advanced (holiday, or a stalled feed?)",
          uri,
          day);
    }
    return summary;
  }

  private static int count(List<Announced> announced, String type) {
    return (int) announced.stream().filter(a -> a.type().equals(type)).count();
  }

  private record Announced(ArxivId id, String type) {}
}
