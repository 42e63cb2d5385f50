package dev.paperboy.search.lucene;

import dev.paperboy.search.SearchHit;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/** The papers whose semantic vectors are nearest a given vector (HNSW), most alike first. */
final class Neighbours {
  private final Hits hits;

  Neighbours(Hits hits) {
    this.hits = hits;
  }

  /**
   * @param exclude base ids never answered (the reader's own papers)
   * @param since only papers first published on or after this day, when not null
   */
  List<SearchHit> nearest(
      IndexSearcher searcher,
      float[] vector,
      int limit,
      Collection<String> exclude,
      @Nullable LocalDate since)
      throws IOException {
    BooleanQuery.Builder filter =
        new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
    if (!exclude.isEmpty()) {
      filter.add(
          new TermInSetQuery(PaperFields.ID, exclude.stream().map(BytesRef::new).toList()),
          Occur.MUST_NOT);
    }
    if (since != null) {
      filter.add(
          LongPoint.newRangeQuery(PaperFields.PUBLISHED_DAY, since.toEpochDay(), Long.MAX_VALUE),
          Occur.FILTER);
    }
    Query near = new KnnFloatVectorQuery(PaperFields.VECTOR, vector, limit, filter.build());
    ScoreDoc[] found = searcher.search(near, limit).scoreDocs;
    // No words were asked for: nothing to highlight.
    return hits.unmarked(searcher, found);
  }
}
