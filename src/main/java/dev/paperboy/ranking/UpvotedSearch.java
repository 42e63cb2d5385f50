package dev.paperboy.ranking;

import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.SearchResults;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Search in any order, including most upvoted first. Votes change far more often than papers, so
 * they stay out of the index: the best {@link #WINDOW} matches are taken by relevance and ordered
 * by their current counts (ties keep their relevance order). Other orders go straight to the index.
 */
@Service
public class UpvotedSearch {
  /** How many of the best matches are ordered by upvotes. */
  static final int WINDOW = 1_000;

  private final PaperSearch search;
  private final DailyLists lists;

  UpvotedSearch(PaperSearch search, DailyLists lists) {
    this.search = search;
    this.lists = lists;
  }

  public SearchResults search(SearchQuery query) {
    if (query.sort() != SearchQuery.Sort.UPVOTES) {
      return search.search(query);
    }
    SearchResults best =
        search.search(
            new SearchQuery(
                query.text(), query.from(), query.until(), SearchQuery.Sort.RELEVANCE, 0, WINDOW));
    Map<String, DailyEntry> entries =
        lists.entriesFor(best.hits().stream().map(SearchHit::id).toList());
    List<SearchHit> ordered =
        best.hits().stream()
            .sorted(Comparator.comparingInt((SearchHit hit) -> -upvotes(entries, hit.id())))
            .toList();
    int from = Math.min(query.offset(), ordered.size());
    int to = Math.min(ordered.size(), from + query.limit());
    return new SearchResults(best.total(), ordered.subList(from, to), best.didYouMean());
  }

  public List<SearchHit> similar(ArxivId id, int limit) {
    return search.similar(id, limit);
  }

  private static int upvotes(Map<String, DailyEntry> entries, ArxivId id) {
    DailyEntry entry = entries.get(id.base());
    return entry == null ? 0 : entry.upvotes();
  }
}
