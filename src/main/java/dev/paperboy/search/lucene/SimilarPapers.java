package dev.paperboy.search.lucene;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.search.SearchHit;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Papers like a given one by their words: Lucene's MoreLikeThis, the terms of its title and
 * abstract that are frequent in it and rare in the corpus (TF-IDF), as a query.
 */
final class SimilarPapers {
  private final Analyzer analyzer;
  private final Hits hits;

  SimilarPapers(Analyzer analyzer, Hits hits) {
    this.analyzer = analyzer;
    this.hits = hits;
  }

  /** Empty when the paper is not indexed. */
  List<SearchHit> like(IndexSearcher searcher, ArxivId id, int limit) throws IOException {
    Query self = new TermQuery(new Term(PaperFields.ID, id.base()));
    TopDocs found = searcher.search(self, 1);
    if (found.scoreDocs.length == 0) {
      return List.of();
    }
    Query others =
        new BooleanQuery.Builder()
            .add(moreLikeThis(searcher).like(found.scoreDocs[0].doc), Occur.MUST)
            .add(self, Occur.MUST_NOT)
            .build();
    // Shown without marks: the reader typed none of the words MoreLikeThis chose, and running the
    // highlighter over two fields of each neighbour was a tenth of a paper page's CPU under load.
    return hits.unmarked(searcher, searcher.search(others, limit).scoreDocs);
  }

  /** Up to 25 terms of the title and abstract, each in two papers at least. */
  private MoreLikeThis moreLikeThis(IndexSearcher searcher) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {PaperFields.TITLE, PaperFields.ABSTRACT});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(25);
    return mlt;
  }
}
