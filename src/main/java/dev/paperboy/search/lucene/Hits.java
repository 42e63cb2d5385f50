package dev.paperboy.search.lucene;

import dev.paperboy.artifact.Artifacts;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.search.SearchHit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Search hits as a result list shows them, read from the stored fields, with the query's matches
 * marked in the title and a snippet of the abstract. A document the query did not match (a
 * neighbour found by meaning alone) is shown without marks: no highlight claims a match there is
 * none of.
 */
final class Hits {
  private static final int SNIPPET = 240;

  private final Analyzer analyzer;

  Hits(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The hits of {@code page}, in order, highlighted for {@code query} (null: none). */
  List<SearchHit> read(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
    return read(searcher, query, page, Set.of());
  }

  /**
   * The hits of {@code page}, in order, without marks: for lists the reader asked no words of
   * (similar papers, For you), where the highlighter would only cost time.
   */
  List<SearchHit> unmarked(IndexSearcher searcher, ScoreDoc[] page) throws IOException {
    Set<Integer> all = Arrays.stream(page).map(hit -> hit.doc).collect(Collectors.toSet());
    return read(searcher, new MatchAllDocsQuery(), page, all);
  }

  /**
   * @param plain documents shown without highlights whatever {@code query} says
   */
  List<SearchHit> read(IndexSearcher searcher, Query query, ScoreDoc[] page, Set<Integer> plain)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    String[] titles = new String[page.length];
    String[] snippets = new String[page.length];
    // Neighbours by meaning alone have nothing to mark: the highlighter is not run for them.
    if (plain.size() < page.length) {
      UnifiedHighlighter highlighter =
          UnifiedHighlighter.builder(searcher, analyzer)
              .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
              .withHighlightPhrasesStrictly(true)
              .build();
      TopDocs topDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
      titles = highlighter.highlight(PaperFields.TITLE, query, topDocs, 1);
      snippets = highlighter.highlight(PaperFields.ABSTRACT, query, topDocs, 2);
    }
    List<SearchHit> hits = new ArrayList<>(page.length);
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < page.length; i++) {
      Document doc = stored.document(page[i].doc);
      boolean marked = !plain.contains(page[i].doc);
      String title = doc.get(PaperFields.TITLE);
      String abstractText = doc.get(PaperFields.ABSTRACT);
      String titleHtml = marked && titles[i] != null ? titles[i] : escape(title);
      String snippet =
          marked && snippets[i] != null
              ? snippets[i]
              : escape(
                  abstractText.length() > SNIPPET
                      ? abstractText.substring(0, SNIPPET) + " …"
                      : abstractText);
      String authors = doc.get(PaperFields.AUTHORS);
      Number publishedAt = doc.getField(PaperFields.PUBLISHED_AT).numericValue();
      hits.add(
          new SearchHit(
              ArxivId.parse(doc.get(PaperFields.ID)),
              page[i].score,
              titleHtml,
              snippet,
              title,
              abstractText,
              authors.isEmpty() ? List.of() : List.of(authors.split(PaperFields.AUTHOR_SEPARATOR)),
              Instant.ofEpochSecond(publishedAt.longValue()),
              Artifacts.in(abstractText, doc.get(PaperFields.COMMENTS))));
    }
    return hits;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
