package dev.paperboy.search.lucene;

import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.SearchResults;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.jspecify.annotations.Nullable;

/**
 * A reader's search in its mode. Lexical is {@link TextQueries} under BM25. Semantic is the nearest
 * neighbours of the query's vector among the papers' vectors (HNSW), under the same filters. Hybrid
 * fuses the two lists by reciprocal rank (each paper scores the sum of 1 / (60 + rank) over the
 * lists it is in, as Cormack et al. 2009) within the lexical tiers ({@link TextQueries#tier}): the
 * id, the exact title, the words together in a title and every word present still come first, and
 * meaning orders the papers of each tier together with BM25. A paper found by meaning alone is
 * shown without highlights. An index without vectors answers lexically in every mode.
 */
final class Searches {
  /** Reciprocal rank fusion's constant: ranks deep in either list still count a little. */
  private static final int RRF_K = 60;

  /** Neighbours taken from the vectors for a page, at least and at most. */
  private static final int MIN_NEIGHBOURS = 50;

  private static final int MAX_NEIGHBOURS = 200;

  /**
   * Equal scores (a category browse scores every paper alike) rank newest first, then by id: the
   * same answer from every build of the index, whichever order its threads added the papers in.
   */
  private static final Sort RELEVANCE =
      new Sort(
          SortField.FIELD_SCORE,
          new SortField(PaperFields.PUBLISHED_AT, SortField.Type.LONG, true),
          new SortField(PaperFields.ID, SortField.Type.STRING));

  private static final Sort NEWEST =
      new Sort(
          new SortField(PaperFields.PUBLISHED_AT, SortField.Type.LONG, true),
          SortField.FIELD_SCORE,
          new SortField(PaperFields.ID, SortField.Type.STRING));

  private final TextQueries queries;
  private final Hits hits;

  Searches(TextQueries queries, Hits hits) {
    this.queries = queries;
    this.hits = hits;
  }

  /**
   * @param embed the query text's vector, asked for only when meaning is searched
   */
  SearchResults search(
      IndexSearcher searcher, SearchQuery query, Function<String, float @Nullable []> embed)
      throws IOException {
    TextQueries.Built built = queries.build(query, searcher.getIndexReader());
    int window = query.offset() + query.limit();
    SearchQuery.Mode mode = query.effectiveMode();
    float[] vector =
        mode == SearchQuery.Mode.LEXICAL
                || built.words().isBlank()
                || built.anId()
                || !hasVectors(searcher)
            ? null
            : embed.apply(built.words());
    if (vector == null) {
      mode = SearchQuery.Mode.LEXICAL;
    }
    TopDocs lexical =
        mode == SearchQuery.Mode.SEMANTIC
            ? null
            : searcher.search(
                built.query(),
                window,
                query.sort() == SearchQuery.Sort.NEWEST ? NEWEST : RELEVANCE,
                true);
    ScoreDoc[] ranked;
    long total;
    Set<Integer> lexicalDocs = new HashSet<>();
    if (lexical != null) {
      Arrays.stream(lexical.scoreDocs).forEach(d -> lexicalDocs.add(d.doc));
    }
    if (mode == SearchQuery.Mode.LEXICAL) {
      ranked = lexical.scoreDocs;
      total = lexical.totalHits.value;
    } else {
      int k = Math.min(MAX_NEIGHBOURS, Math.max(MIN_NEIGHBOURS, window));
      TopDocs near =
          searcher.search(
              new KnnFloatVectorQuery(PaperFields.VECTOR, vector, k, built.filter()), k);
      ranked =
          mode == SearchQuery.Mode.SEMANTIC
              ? near.scoreDocs
              : fuse(lexical.scoreDocs, near.scoreDocs);
      long onlyNear =
          Arrays.stream(near.scoreDocs).filter(d -> !lexicalDocs.contains(d.doc)).count();
      total = (lexical == null ? 0 : lexical.totalHits.value) + onlyNear;
    }
    ScoreDoc[] page =
        Arrays.copyOfRange(
            ranked, Math.min(query.offset(), ranked.length), Math.min(ranked.length, window));
    Set<Integer> plain = new HashSet<>();
    for (ScoreDoc doc : page) {
      if (!lexicalDocs.contains(doc.doc)) {
        plain.add(doc.doc);
      }
    }
    String didYouMean =
        built.unknown().isEmpty() && (lexical == null || lexical.totalHits.value > 0)
            ? null
            : Spelling.suggest(searcher.getIndexReader(), query.text());
    return new SearchResults(total, hits.read(searcher, built.query(), page, plain), didYouMean);
  }

  /** False until some paper in the index has a vector: before that, meaning cannot be searched. */
  private static boolean hasVectors(IndexSearcher searcher) {
    return FieldInfos.getMergedFieldInfos(searcher.getIndexReader()).fieldInfo(PaperFields.VECTOR)
        != null;
  }

  /**
   * Lexical tiers first (a paper that has every word comes before one that has some, whatever its
   * meaning); within a tier, reciprocal rank fusion of the two lists decides. Papers found by
   * meaning alone share the lowest tier with partial word matches.
   */
  static ScoreDoc[] fuse(ScoreDoc[] lexical, ScoreDoc[] near) {
    Map<Integer, Integer> tiers = new HashMap<>();
    Map<Integer, Double> fused = new HashMap<>();
    for (int rank = 0; rank < lexical.length; rank++) {
      tiers.put(lexical[rank].doc, TextQueries.tier(lexical[rank].score));
      fused.merge(lexical[rank].doc, 1.0 / (RRF_K + rank + 1), Double::sum);
    }
    for (int rank = 0; rank < near.length; rank++) {
      fused.merge(near[rank].doc, 1.0 / (RRF_K + rank + 1), Double::sum);
    }
    return fused.entrySet().stream()
        .sorted(
            Comparator.comparingInt(
                    (Map.Entry<Integer, Double> e) -> -tiers.getOrDefault(e.getKey(), 0))
                .thenComparing(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .thenComparing(Map.Entry::getKey))
        .map(e -> new ScoreDoc(e.getKey(), e.getValue().floatValue()))
        .toArray(ScoreDoc[]::new);
  }
}
