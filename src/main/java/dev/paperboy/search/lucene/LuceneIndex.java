package dev.paperboy.search.lucene;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.ChangedPaper;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of papers, as Roller's {@code LuceneIndexManager}: it owns the one {@link
 * IndexWriter} and {@link SearcherManager} and the index's life (open, heal, apply changes, clear),
 * and hands each read to the class for that job ({@link TextQueries} and {@link Hits} for search,
 * {@link Spelling}, {@link SimilarPapers}, {@link TermProfile}). Documents are upserted by paper
 * id; the position in the database's change sequence is kept in the commit's user data, so the
 * index knows where to catch up from. A missing or unreadable index, or one written with another
 * document layout, is rebuilt from scratch (DATA-5, LuceneIndexTest): it is derived data.
 */
public final class LuceneIndex implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);
  private static final String CHANGED_AT = "paperboy.changedAt";
  private static final String CHANGED_ID = "paperboy.changedId";

  /**
   * The document layout of this build; an index written with another is rebuilt, not read. Raise it
   * whenever {@link PaperFields} changes what a document holds.
   */
  static final String SCHEMA = "4";

  private static final String SCHEMA_KEY = "paperboy.schema";
  private static final Sort NEWEST =
      new Sort(
          new SortField(PaperFields.PUBLISHED_AT, SortField.Type.LONG, true),
          SortField.FIELD_SCORE);

  /** A query that would expand to more clauses than this is refused, not run (API-2). */
  private static final int MAX_CLAUSES = 1_024;

  private final Analyzer analyzer = PaperFields.analyzer();
  private final TextQueries queries = new TextQueries(analyzer);
  private final Hits hits = new Hits(analyzer);
  private final SimilarPapers similar = new SimilarPapers(analyzer, hits);
  private final TermProfile profiles = new TermProfile(analyzer, queries, hits);
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
   * first, an arXiv id or an exact title is pinned first, and the rest goes to {@link TextQueries}.
   *
   * @throws InvalidSearch when the query expands to too many clauses
   */
  public SearchResults search(SearchQuery query) {
    // UPVOTES is ordered outside the index (ranking.UpvotedSearch); here it reads as relevance.
    return read(
        searcher -> {
          TextQueries.Built built = queries.build(query, searcher.getIndexReader());
          int window = query.offset() + query.limit();
          TopDocs top =
              query.sort() == SearchQuery.Sort.NEWEST
                  ? searcher.search(built.query(), window, NEWEST, true)
                  : searcher.search(built.query(), window);
          ScoreDoc[] page =
              Arrays.copyOfRange(
                  top.scoreDocs,
                  Math.min(query.offset(), top.scoreDocs.length),
                  top.scoreDocs.length);
          String didYouMean =
              built.unknown().isEmpty() && top.totalHits.value > 0
                  ? null
                  : Spelling.suggest(searcher.getIndexReader(), query.text());
          return new SearchResults(
              top.totalHits.value, hits.read(searcher, built.query(), page), didYouMean);
        });
  }

  /** Papers like the given one by their words, most alike first; empty when it is not indexed. */
  public List<SearchHit> similar(ArxivId id, int limit) {
    return read(searcher -> similar.like(searcher, id, limit));
  }

  /** Recommendations from a member's interests: {@link TermProfile}. */
  public List<Recommendation> recommend(Interests interests, int limit) {
    return read(searcher -> profiles.recommend(searcher, interests, limit));
  }

  /** A read of the index: one searcher, released after. */
  @FunctionalInterface
  interface Read<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  <T> T read(Read<T> read) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return read.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidSearch("This search has too many terms; try fewer words or prefixes");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the search index", e);
    }
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
