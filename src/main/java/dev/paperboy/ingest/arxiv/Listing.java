package dev.paperboy.ingest.arxiv;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An arXiv listing feed: the channel and its items.
 *
 * @param pubDate the channel's publication date as sent (RFC 822)
 */
public record Listing(String title, @Nullable String pubDate, List<ListingItem> items) {
  /** arXiv answers an unknown category with a feed whose title says so, not with an error. */
  public boolean isFeedError() {
    return title.contains("Feed error for query");
  }
}
