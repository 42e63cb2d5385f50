package dev.paperboy.search.lucene;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.search.Interests;
import dev.paperboy.search.Recommendation;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * "For you" from words: each liked paper's TF-IDF vector (as arxiv-sanity weighs it) is averaged
 * into the member's profile, whose strongest terms make one weighted query over the abstracts, so
 * the cost stays one search however many papers they liked; its matches are scaled to the best
 * match. The newest papers in followed categories, by followed authors and matching followed
 * keywords come after, weighted below any likeness (the cold start). Each recommendation is
 * explained by the liked paper it shares most telling terms with, or by the follow that gave it.
 * bench/src/.../RecommendEvaluation compares it with arxiv-sanity's per-member linear SVM.
 */
final class TermProfile {
  private final Analyzer analyzer;
  private final TextQueries queries;
  private final Hits hits;

  TermProfile(Analyzer analyzer, TextQueries queries, Hits hits) {
    this.analyzer = analyzer;
    this.queries = queries;
    this.hits = hits;
  }

  /**
   * Liked papers whose terms make the profile: the most recent ten. Recent interest says most, and
   * finding a paper's terms is the cost that grows with the list (about 2 ms a paper).
   */
  private static final int LIKED_LIMIT = 10;

  /**
   * Recommendations. Each liked paper's TF-IDF vector (as arxiv-sanity weighs it) is averaged into
   * the member's profile, whose strongest terms make one weighted query over the abstracts (titles
   * too doubled the time for a hair more: see docs/benchmarks.md), so the cost stays one search
   * however many papers they liked; its matches are scaled to the best match.
   * bench/src/.../RecommendEvaluation measured this against arxiv-sanity's per-member linear SVM
   * and against the profile of MoreLikeThis terms it replaced (docs/benchmarks.md): it ranks a
   * member's later papers higher than both, at a tenth of the SVM's cost. The newest papers in
   * followed categories, by followed authors and matching followed keywords come after, weighted
   * below any likeness (the cold start). Each recommendation is explained by the liked paper it
   * shares most telling terms with, or by the follow that gave it.
   */
  List<Recommendation> recommend(IndexSearcher searcher, Interests interests, int limit)
      throws IOException {
    Map<Integer, Candidate> candidates = new HashMap<>();
    Set<Integer> excluded = new HashSet<>();
    if (!interests.exclude().isEmpty()) {
      TopDocs own =
          searcher.search(
              new TermInSetQuery(
                  PaperFields.ID, interests.exclude().stream().map(BytesRef::new).toList()),
              interests.exclude().size());
      for (ScoreDoc doc : own.scoreDocs) {
        excluded.add(doc.doc);
      }
    }
    List<Liked> likes = liked(searcher, interests);
    Query profile = profile(likes);
    if (profile != null) {
      TopDocs near = searcher.search(profile, limit * 3 + excluded.size());
      float best = near.scoreDocs.length == 0 ? 1f : near.scoreDocs[0].score;
      for (ScoreDoc doc : near.scoreDocs) {
        if (!excluded.contains(doc.doc)) {
          candidates.computeIfAbsent(doc.doc, Candidate::new).liked(doc.score / best);
        }
      }
    }
    for (String category : interests.categories()) {
      follow(
          searcher,
          new TermQuery(new Term(PaperFields.CATEGORY, category)),
          "in " + category + ", which you follow",
          limit,
          excluded,
          candidates);
    }
    for (String author : interests.authors()) {
      follow(
          searcher,
          new TermQuery(new Term(PaperFields.AUTHOR_EXACT, Analyzers.key(author))),
          "by " + author + ", whom you follow",
          limit,
          excluded,
          candidates);
    }
    for (String keyword : interests.keywords()) {
      Query words = queries.build(SearchQuery.of(keyword, 1), searcher.getIndexReader()).query();
      if (words != null) {
        follow(
            searcher,
            words,
            "mentions \u201c" + keyword + "\u201d, which you follow",
            limit,
            excluded,
            candidates);
      }
    }
    List<Candidate> ranked =
        candidates.values().stream()
            .sorted(
                Comparator.comparingDouble((Candidate c) -> -c.score).thenComparingInt(c -> c.doc))
            .limit(limit)
            .toList();
    ScoreDoc[] page =
        ranked.stream().map(c -> new ScoreDoc(c.doc, (float) c.score)).toArray(ScoreDoc[]::new);
    List<SearchHit> hits = this.hits.unmarked(searcher, page);
    List<Recommendation> recommendations = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      recommendations.add(explain(ranked.get(i), hits.get(i), likes));
    }
    return recommendations;
  }

  /**
   * Terms of the averaged profile that make its query: 100 found more of a member's later papers
   * than 60 (precision at 10: 0.076 against 0.071, abstracts only) for a little more time; 150
   * added little more.
   */
  private static final int PROFILE_TERMS = 100;

  /** A liked paper: its title, and its TF-IDF vector, most telling terms first. */
  private record Liked(String id, String title, Map<String, Double> terms) {}

  private List<Liked> liked(IndexSearcher searcher, Interests interests) throws IOException {
    List<Liked> likes = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    for (ArxivId liked : interests.liked().stream().limit(LIKED_LIMIT).toList()) {
      TopDocs self = searcher.search(new TermQuery(new Term(PaperFields.ID, liked.base())), 1);
      if (self.scoreDocs.length == 0) {
        continue;
      }
      Document doc = stored.document(self.scoreDocs[0].doc);
      String title = doc.get(PaperFields.TITLE);
      likes.add(
          new Liked(
              liked.base(),
              title,
              tfidf(searcher.getIndexReader(), title + "\n" + doc.get(PaperFields.ABSTRACT))));
    }
    return likes;
  }

  /**
   * A text's TF-IDF vector as arxiv-sanity weighs it (sublinear term frequency, smoothed inverse
   * document frequency over abstracts, scaled to length 1), most telling terms first.
   */
  private Map<String, Double> tfidf(IndexReader reader, String text) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    try (TokenStream tokens = analyzer.tokenStream(PaperFields.ABSTRACT, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        counts.merge(term.toString(), 1, Integer::sum);
      }
      tokens.end();
    }
    int documents = reader.numDocs();
    Map<String, Double> weights = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Integer> count : counts.entrySet()) {
      int df = reader.docFreq(new Term(PaperFields.ABSTRACT, count.getKey()));
      double weight =
          (1 + Math.log(count.getValue())) * (Math.log((1.0 + documents) / (1.0 + df)) + 1);
      weights.put(count.getKey(), weight);
      norm += weight * weight;
    }
    double length = Math.sqrt(norm);
    Map<String, Double> vector = new LinkedHashMap<>();
    weights.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(term -> vector.put(term.getKey(), term.getValue() / length));
    return vector;
  }

  private static @Nullable Query profile(List<Liked> likes) {
    Map<String, Double> pooled = new HashMap<>();
    for (Liked liked : likes) {
      liked.terms().forEach((term, weight) -> pooled.merge(term, weight, Double::sum));
    }
    if (pooled.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    pooled.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(PROFILE_TERMS)
        .forEach(
            term -> {
              float boost = term.getValue().floatValue();
              query.add(
                  new BoostQuery(
                      new TermQuery(new Term(PaperFields.ABSTRACT, term.getKey())), boost),
                  Occur.SHOULD);
            });
    return query.build();
  }

  /** Why this paper: the liked paper it shares most weight of telling terms with, or a follow. */
  private Recommendation explain(Candidate candidate, SearchHit hit, List<Liked> likes)
      throws IOException {
    Map<String, String> words = words(hit.title() + "\n" + hit.abstractText());
    Liked closest = null;
    double overlap = 0;
    for (Liked liked : likes) {
      double shared =
          liked.terms().entrySet().stream()
              .filter(term -> words.containsKey(term.getKey()))
              .mapToDouble(Map.Entry::getValue)
              .sum();
      if (shared > overlap) {
        overlap = shared;
        closest = liked;
      }
    }
    if (closest == null || candidate.likeness < candidate.strongest) {
      return new Recommendation(hit, null, candidate.reason, List.of());
    }
    List<String> sharedTerms =
        closest.terms().keySet().stream()
            .filter(words::containsKey)
            .map(words::get)
            .distinct()
            .limit(3)
            .toList();
    return new Recommendation(
        hit,
        closest.id(),
        "because you upvoted or submitted \u201c" + closest.title() + "\u201d",
        sharedTerms);
  }

  /** Follows weigh less than any likeness, and prefer the newest papers. */
  private static final double FOLLOW_WEIGHT = 0.3;

  private void follow(
      IndexSearcher searcher,
      Query query,
      String reason,
      int limit,
      Set<Integer> excluded,
      Map<Integer, Candidate> candidates)
      throws IOException {
    TopDocs newest =
        searcher.search(
            query,
            limit * 2 + excluded.size(),
            new Sort(new SortField(PaperFields.PUBLISHED_AT, SortField.Type.LONG, true)));
    for (int rank = 0; rank < newest.scoreDocs.length; rank++) {
      int doc = newest.scoreDocs[rank].doc;
      if (!excluded.contains(doc)) {
        candidates
            .computeIfAbsent(doc, Candidate::new)
            .followed(FOLLOW_WEIGHT / (1 + rank * 0.05), reason);
      }
    }
  }

  /** The analysed terms of {@code text}, each with the word as the text spells it. */
  private Map<String, String> words(String text) throws IOException {
    Map<String, String> spelled = new HashMap<>();
    try (TokenStream tokens = analyzer.tokenStream(PaperFields.ABSTRACT, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        spelled.putIfAbsent(
            term.toString(),
            text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT));
      }
      tokens.end();
    }
    return spelled;
  }

  /** A recommended paper being scored: its total, and the follow that gave it most. */
  private static final class Candidate {
    final int doc;
    double score;
    double likeness;
    double strongest;
    String reason = "";

    Candidate(int doc) {
      this.doc = doc;
    }

    void liked(double weight) {
      score += weight;
      likeness = weight;
    }

    void followed(double weight, String why) {
      score += weight;
      if (weight > strongest) {
        strongest = weight;
        reason = why;
      }
    }
  }
}
