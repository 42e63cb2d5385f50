package dev.paperboy.ingest;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a listing read found.
 *
 * @param day the announcement day of the feed
 * @param fetched papers that were not stored yet and were looked up on the arXiv API
 * @param stale true when the feed is older than the newest announcement day there should be
 */
public record ListingSummary(
    @Nullable LocalDate day,
    int newItems,
    int crossItems,
    int replaceItems,
    int fetched,
    boolean stale) {

  public String describe() {
    return String.format(
        "listing of %s: %d new, %d cross-lists, %d replacements; %d papers fetched%s",
        day,
        newItems,
        crossItems,
        replaceItems,
        fetched,
        stale ? "; the feed has not advanced" : "");
  }
}
