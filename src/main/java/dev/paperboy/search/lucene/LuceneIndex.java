package dev.paperboy.search.lucene;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.ChangedPaper;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.search.IndexState;
import dev.paperboy.search.Interests;
import dev.paperboy.search.InvalidSearch;
import dev.paperboy.search.Recommendation;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.SearchResults;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of papers: one {@link IndexWriter}, one {@link SearcherManager}. Documents are
 * upserted by paper id; the position in the database's change sequence is kept in the commit's user
 * data, so the index knows where to catch up from. A missing or unreadable index is rebuilt from
 * scratch (RELIABILITY.md DATA-5): it is derived data.
 */
public final class LuceneIndex implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);
  private static final String CHANGED_AT = "paperboy.changedAt";
  private static final String CHANGED_ID = "paperboy.changedId";

  /**
   * The document layout of this build; an index written with another is rebuilt, not read. Raise it
   * whenever {@link PaperFields} changes what a document holds.
   */
  static final String SCHEMA = "3";

  private static final String SCHEMA_KEY = "paperboy.schema";
  private static final Pattern AUTHOR = Pattern.compile("(?i)\\bauthor:(?:\"([^\"]*)\"|(\\S+))");
  private static final Pattern CATEGORY = Pattern.compile("(?i)\\b(?:cat|category):(\\S+)");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");

  /** A query that would expand to more clauses than this is refused, not run (API-2). */
  private static final int MAX_CLAUSES = 1_024;

  private final Analyzer analyzer = PaperFields.analyzer();
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final boolean fresh;

  private LuceneIndex(Directory directory, IndexWriter writer, boolean fresh) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.fresh = fresh;
  }

  /** Opens the index at {@code path}, or starts an empty one when it is missing or unreadable. */
  public static LuceneIndex open(Path path) {
    try {
      Files.createDirectories(path);
      Directory directory = FSDirectory.open(path);
      boolean existed = DirectoryReader.indexExists(directory);
      try {
        if (existed) {
          // Reading it whole once finds a truncated or damaged segment before we rely on it.
          try (DirectoryReader reader = DirectoryReader.open(directory)) {
            reader.numDocs();
            String schema = reader.getIndexCommit().getUserData().get(SCHEMA_KEY);
            if (reader.numDocs() > 0 && !SCHEMA.equals(schema)) {
              throw new IOException(
                  "index written with document layout " + schema + ", not " + SCHEMA);
            }
          }
        }
        return new LuceneIndex(directory, writer(directory, PaperFields.analyzer()), !existed);
      } catch (IOException | RuntimeException damaged) {
        log.warn(
            "Search index at {} is unreadable ({}); rebuilding it from the database",
            path,
            damaged.toString());
        directory.close();
        wipe(path);
        Directory clean = FSDirectory.open(path);
        return new LuceneIndex(clean, writer(clean, PaperFields.analyzer()), true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index at " + path, e);
    }
  }

  private static IndexWriter writer(Directory directory, Analyzer analyzer) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    return new IndexWriter(directory, config);
  }

  private static void wipe(Path path) throws IOException {
    try (Stream<Path> files = Files.list(path)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** True when the index was created empty at open (missing or damaged before). */
  public boolean fresh() {
    return fresh;
  }

  /** Where the index stands in the change sequence: (changed_at, arxiv_id), or null. */
  public synchronized @Nullable Position position() {
    Map<String, String> data = new HashMap<>();
    writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
    String at = data.get(CHANGED_AT);
    return at == null ? null : new Position(Instant.parse(at), data.getOrDefault(CHANGED_ID, ""));
  }

  public record Position(Instant changedAt, String arxivId) {}

  /**
   * Applies changes and records the new position. With {@code commit} false they stay in the
   * writer's buffer (searchable after the next refresh, durable at the next commit): a rebuild
   * commits every few thousand papers, not every batch.
   */
  public synchronized void apply(List<ChangedPaper> changes, Position upTo, boolean commit) {
    try {
      for (ChangedPaper change : changes) {
        Term id = new Term(PaperFields.ID, change.paper().id().base());
        if (change.deletedAt() != null) {
          writer.deleteDocuments(id);
        } else {
          writer.updateDocument(id, PaperFields.document(change.paper()));
        }
      }
      writer.setLiveCommitData(
          Map.of(
                  CHANGED_AT, upTo.changedAt().toString(),
                  CHANGED_ID, upTo.arxivId(),
                  SCHEMA_KEY, SCHEMA)
              .entrySet());
      if (commit) {
        writer.commit();
        searchers.maybeRefresh();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the search index", e);
    }
  }

  /** Applies changes and commits them with the new position, in one commit. */
  public void apply(List<ChangedPaper> changes, Position upTo) {
    apply(changes, upTo, true);
  }

  /** Empties the index and forgets its position, for a rebuild. */
  public synchronized void clear() {
    try {
      writer.deleteAll();
      writer.setLiveCommitData(Map.<String, String>of().entrySet());
      writer.commit();
      searchers.maybeRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear the search index", e);
    }
  }

  public long documents() {
    return writer.getDocStats().numDocs;
  }

  public IndexState state(boolean rebuilding) {
    Position position = position();
    return new IndexState(documents(), position == null ? null : position.changedAt(), rebuilding);
  }

  /**
   * Runs a reader's search. Raw text never reaches a parser that throws: filters are taken out
   * first, an arXiv id or an exact title is pinned first, and the rest goes to {@link
   * SimpleQueryParser}, which treats anything it cannot read as plain words.
   *
   * @throws InvalidSearch when the query expands to too many clauses
   */
  public SearchResults search(SearchQuery query) {
    // UPVOTES is ordered outside the index (ranking.UpvotedSearch); here it reads as relevance.
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        Query lucene = build(query);
        int window = query.offset() + query.limit();
        TopDocs top =
            query.sort() == SearchQuery.Sort.NEWEST
                ? searcher.search(
                    lucene,
                    window,
                    new Sort(
                        new SortField(PaperFields.PUBLISHED_AT, SortField.Type.LONG, true),
                        SortField.FIELD_SCORE),
                    true)
                : searcher.search(lucene, window);
        ScoreDoc[] page =
            java.util.Arrays.copyOfRange(
                top.scoreDocs,
                Math.min(query.offset(), top.scoreDocs.length),
                top.scoreDocs.length);
        List<SearchHit> hits = hits(searcher, lucene, page);
        long total = top.totalHits.value;
        String didYouMean = total == 0 ? suggest(searcher, query.text()) : null;
        return new SearchResults(total, hits, didYouMean);
      } finally {
        searchers.release(searcher);
      }
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidSearch("This search has too many terms; try fewer words or prefixes");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the search index", e);
    }
  }

  /**
   * Papers like the given one: Lucene's MoreLikeThis, the terms of its title and abstract that are
   * frequent in it and rare in the corpus (TF-IDF), as a query. Empty when the paper is not
   * indexed.
   */
  public List<SearchHit> similar(ArxivId id, int limit) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs self = searcher.search(new TermQuery(new Term(PaperFields.ID, id.base())), 1);
        if (self.scoreDocs.length == 0) {
          return List.of();
        }
        Query like = moreLikeThis(searcher).like(self.scoreDocs[0].doc);
        Query others =
            new BooleanQuery.Builder()
                .add(like, Occur.MUST)
                .add(new TermQuery(new Term(PaperFields.ID, id.base())), Occur.MUST_NOT)
                .build();
        TopDocs top = searcher.search(others, limit);
        return hits(searcher, others, top.scoreDocs);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the search index", e);
    }
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
  public List<Recommendation> recommend(Interests interests, int limit) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        Map<Integer, Candidate> candidates = new java.util.HashMap<>();
        Set<Integer> excluded = new java.util.HashSet<>();
        if (!interests.exclude().isEmpty()) {
          TopDocs own =
              searcher.search(
                  new org.apache.lucene.search.TermInSetQuery(
                      PaperFields.ID,
                      interests.exclude().stream()
                          .map(org.apache.lucene.util.BytesRef::new)
                          .toList()),
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
              new TermQuery(new Term(PaperFields.AUTHOR_EXACT, PaperFields.normalise(author))),
              "by " + author + ", whom you follow",
              limit,
              excluded,
              candidates);
        }
        for (String keyword : interests.keywords()) {
          Query words = parser(PaperFields.WEIGHTS).parse(keyword);
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
                    java.util.Comparator.comparingDouble((Candidate c) -> -c.score)
                        .thenComparingInt(c -> c.doc))
                .limit(limit)
                .toList();
        ScoreDoc[] page =
            ranked.stream().map(c -> new ScoreDoc(c.doc, (float) c.score)).toArray(ScoreDoc[]::new);
        List<SearchHit> hits = hits(searcher, new MatchAllDocsQuery(), page);
        List<Recommendation> recommendations = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
          recommendations.add(explain(ranked.get(i), hits.get(i), likes));
        }
        return recommendations;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the search index", e);
    }
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
    org.apache.lucene.index.StoredFields stored = searcher.storedFields();
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
    try (org.apache.lucene.analysis.TokenStream tokens =
        analyzer.tokenStream(PaperFields.ABSTRACT, text)) {
      org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
          tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
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
    Map<String, Double> vector = new java.util.LinkedHashMap<>();
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

  /**
   * Lucene's MoreLikeThis over titles and abstracts: up to 25 terms, each in two papers at least.
   */
  private org.apache.lucene.queries.mlt.MoreLikeThis moreLikeThis(IndexSearcher searcher)
      throws IOException {
    org.apache.lucene.queries.mlt.MoreLikeThis mlt =
        new org.apache.lucene.queries.mlt.MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {PaperFields.TITLE, PaperFields.ABSTRACT});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(25);
    return mlt;
  }

  /** The analysed terms of {@code text}, each with the word as the text spells it. */
  private Map<String, String> words(String text) throws IOException {
    Map<String, String> spelled = new HashMap<>();
    try (org.apache.lucene.analysis.TokenStream tokens =
        analyzer.tokenStream(PaperFields.ABSTRACT, text)) {
      org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
          tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      org.apache.lucene.analysis.tokenattributes.OffsetAttribute offset =
          tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
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

  private Query build(SearchQuery query) {
    String text = query.text();
    BooleanQuery.Builder filters = new BooleanQuery.Builder();
    boolean filtered = false;
    Matcher author = AUTHOR.matcher(text);
    while (author.find()) {
      String name = author.group(1) != null ? author.group(1) : author.group(2);
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      either.add(
          new TermQuery(new Term(PaperFields.AUTHOR_EXACT, PaperFields.normalise(name))),
          Occur.SHOULD);
      Query words = parser(Map.of(PaperFields.AUTHORS, 1f)).parse(name);
      if (words != null) {
        either.add(words, Occur.SHOULD);
      }
      filters.add(either.build(), Occur.FILTER);
      filtered = true;
    }
    text = AUTHOR.matcher(text).replaceAll(" ");
    Matcher category = CATEGORY.matcher(text);
    while (category.find()) {
      filters.add(new TermQuery(new Term(PaperFields.CATEGORY, category.group(1))), Occur.FILTER);
      filtered = true;
    }
    text = CATEGORY.matcher(text).replaceAll(" ").strip();
    if (query.from() != null || query.until() != null) {
      long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochDay();
      long until = query.until() == null ? Long.MAX_VALUE : query.until().toEpochDay();
      filters.add(LongPoint.newRangeQuery(PaperFields.PUBLISHED_DAY, from, until), Occur.FILTER);
      filtered = true;
    }
    BooleanQuery.Builder root = new BooleanQuery.Builder();
    if (text.isEmpty()) {
      root.add(new MatchAllDocsQuery(), Occur.MUST);
    } else {
      BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
      Query words = parser(PaperFields.WEIGHTS).parse(text);
      if (words != null) {
        anyOf.add(words, Occur.SHOULD);
      }
      anyOf.add(
          new BoostQuery(
              new TermQuery(new Term(PaperFields.TITLE_EXACT, PaperFields.normalise(text))), 100f),
          Occur.SHOULD);
      try {
        ArxivId id = ArxivId.parse(text);
        anyOf.add(
            new BoostQuery(new TermQuery(new Term(PaperFields.ID, id.base())), 1_000f),
            Occur.SHOULD);
      } catch (InvalidArxivId notAnId) {
        // words, not an id
      }
      root.add(anyOf.build(), Occur.MUST);
    }
    if (filtered) {
      root.add(filters.build(), Occur.FILTER);
    }
    return root.build();
  }

  private SimpleQueryParser parser(Map<String, Float> weights) {
    // Every operator but fuzzy and near: prefixes (word*), phrases, AND (+), OR (|), NOT (-).
    int flags =
        SimpleQueryParser.AND_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS
            | SimpleQueryParser.WHITESPACE_OPERATOR
            | SimpleQueryParser.ESCAPE_OPERATOR;
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights, flags);
    parser.setDefaultOperator(Occur.MUST);
    return parser;
  }

  private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withHighlightPhrasesStrictly(true)
            .build();
    TopDocs topDocs =
        new TopDocs(
            new org.apache.lucene.search.TotalHits(
                page.length, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO),
            page);
    String[] titles = highlighter.highlight(PaperFields.TITLE, query, topDocs, 1);
    String[] snippets = highlighter.highlight(PaperFields.ABSTRACT, query, topDocs, 2);
    List<SearchHit> hits = new ArrayList<>(page.length);
    org.apache.lucene.index.StoredFields stored = searcher.storedFields();
    for (int i = 0; i < page.length; i++) {
      org.apache.lucene.document.Document doc = stored.document(page[i].doc);
      String title = titles[i] != null ? titles[i] : escape(doc.get(PaperFields.TITLE));
      String abstractText = doc.get(PaperFields.ABSTRACT);
      String snippet =
          snippets[i] != null
              ? snippets[i]
              : escape(
                  abstractText.length() > 240
                      ? abstractText.substring(0, 240) + " …"
                      : abstractText);
      String authors = doc.get(PaperFields.AUTHORS);
      Number publishedAt = doc.getField(PaperFields.PUBLISHED_AT).numericValue();
      hits.add(
          new SearchHit(
              ArxivId.parse(doc.get(PaperFields.ID)),
              page[i].score,
              title,
              snippet,
              doc.get(PaperFields.TITLE),
              abstractText,
              authors.isEmpty() ? List.of() : List.of(authors.split(PaperFields.AUTHOR_SEPARATOR)),
              Instant.ofEpochSecond(publishedAt.longValue())));
    }
    return hits;
  }

  /** A query with each unknown word replaced by its closest indexed word, or null. */
  private @Nullable String suggest(IndexSearcher searcher, String text) throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    Matcher words = WORD.matcher(text);
    StringBuilder corrected = new StringBuilder();
    int last = 0;
    boolean changed = false;
    while (words.find()) {
      String word = words.group().toLowerCase(java.util.Locale.ROOT);
      SuggestWord[] suggestions =
          checker.suggestSimilar(new Term(PaperFields.SPELL, word), 1, searcher.getIndexReader());
      corrected.append(text, last, words.start());
      if (suggestions.length > 0) {
        corrected.append(suggestions[0].string);
        changed = true;
      } else {
        corrected.append(words.group());
      }
      last = words.end();
    }
    corrected.append(text.substring(last));
    return changed ? corrected.toString() : null;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public synchronized void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }

  static {
    IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
  }
}
