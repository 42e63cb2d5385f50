package dev.paperboy.search.lucene;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.ChangedPaper;
import dev.paperboy.paper.Paper;
import dev.paperboy.search.AuthorPapers;
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
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of papers, as Roller's {@code LuceneIndexManager}: it owns the one {@link
 * IndexWriter} and {@link SearcherManager} and the index's life (open, heal, apply changes, clear),
 * and hands each read to the class for that job ({@link TextQueries} and {@link Hits} for search,
 * {@link Spelling}, {@link SimilarPapers}, {@link TermProfile}). Documents are upserted by paper id
 * (only added, in a build from empty); the position in the database's change sequence is kept in
 * the commit's user data, so the index knows where to catch up from. A missing or unreadable index,
 * or one written with another document layout, is rebuilt from scratch (DATA-5, LuceneIndexTest):
 * it is derived data.
 */
public final class LuceneIndex implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);
  private static final String CHANGED_AT = "paperboy.changedAt";
  private static final String CHANGED_ID = "paperboy.changedId";
  private static final String VECTORS_AT = "paperboy.vectorsAt";
  private static final String VECTORS_ID = "paperboy.vectorsId";

  /**
   * The document layout of this build; an index written with another is rebuilt, not read. Raise it
   * whenever {@link PaperFields} changes what a document holds.
   */
  static final String SCHEMA = "8";

  private static final String SCHEMA_KEY = "paperboy.schema";

  private static final double RAM_BUFFER_MB = 128;

  /** A query that would expand to more clauses than this is refused, not run (API-2). */
  private static final int MAX_CLAUSES = 1_024;

  private final Analyzer analyzer = PaperFields.analyzer();
  private final TextQueries queries = new TextQueries(analyzer);
  private final Hits hits = new Hits(analyzer);
  private final Searches searches = new Searches(queries, hits);
  private final Neighbours neighbours = new Neighbours(hits);
  private final SimilarPapers similar = new SimilarPapers(analyzer, hits);
  private final AuthorLookup authors = new AuthorLookup();
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
    // A ceiling, not an allocation: following commits every batch, so only a build fills it, and
    // a larger buffer flushes fewer, larger segments, which leaves less to merge.
    config.setRAMBufferSizeMB(RAM_BUFFER_MB);
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

  /** Where the index stands in the papers' change sequence: (changed_at, arxiv_id), or null. */
  public synchronized @Nullable Position position() {
    return stored(CHANGED_AT, CHANGED_ID);
  }

  /** Where it stands in the vectors' change sequence (computed_at, arxiv_id), or null. */
  public synchronized @Nullable Position vectorPosition() {
    return stored(VECTORS_AT, VECTORS_ID);
  }

  private @Nullable Position stored(String atKey, String idKey) {
    Map<String, String> data = new HashMap<>();
    writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
    String at = data.get(atKey);
    return at == null ? null : new Position(Instant.parse(at), data.getOrDefault(idKey, ""));
  }

  public record Position(Instant changedAt, String arxivId) {}

  /**
   * Applies paper changes, each with its vector when it has one, and records the new position. With
   * {@code commit} false they stay in the writer's buffer (searchable after the next refresh,
   * durable at the next commit): a rebuild commits every few thousand papers, not every batch.
   */
  public synchronized void apply(
      List<ChangedPaper> changes, Map<String, float[]> vectors, Position upTo, boolean commit) {
    try {
      for (ChangedPaper change : changes) {
        String id = change.paper().id().base();
        if (change.deletedAt() != null) {
          writer.deleteDocuments(new Term(PaperFields.ID, id));
        } else {
          writer.updateDocument(
              new Term(PaperFields.ID, id), PaperFields.document(change.paper(), vectors.get(id)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the search index", e);
    }
    if (commit) {
      commit(upTo);
    } else {
      moveTo(upTo);
    }
  }

  /** Applies changes and commits them with the new position, in one commit. */
  public void apply(List<ChangedPaper> changes, Position upTo) {
    apply(changes, Map.of(), upTo, true);
  }

  /**
   * Adds papers the index does not hold, each with its vector when it has one; a build from empty
   * calls it from several threads at once (the writer gives each its own segment) and records its
   * position itself. Neither replaces nor deletes: a paper added twice is found twice.
   */
  public void add(List<Paper> papers, Map<String, float[]> vectors) {
    try {
      for (Paper paper : papers) {
        writer.addDocument(PaperFields.document(paper, vectors.get(paper.id().base())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the search index", e);
    }
  }

  /** Records the position in the papers' change sequence, to be made durable by a commit. */
  public synchronized void moveTo(Position upTo) {
    record(upTo, vectorPosition());
  }

  /** Makes everything written durable and searchable, with {@code upTo} as the position. */
  public synchronized void commit(@Nullable Position upTo) {
    try {
      record(upTo, vectorPosition());
      writer.commit();
      searchers.maybeRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the search index", e);
    }
  }

  /**
   * Writes again, with their new vectors, papers the index holds, and records the position in the
   * vectors' sequence; commits.
   */
  public synchronized void applyVectors(
      List<Paper> papers, Map<String, float[]> vectors, Position upTo) {
    try {
      for (Paper paper : papers) {
        String id = paper.id().base();
        writer.updateDocument(
            new Term(PaperFields.ID, id), PaperFields.document(paper, vectors.get(id)));
      }
      record(position(), upTo);
      writer.commit();
      searchers.maybeRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the search index", e);
    }
  }

  /** Of {@code ids}, those the index holds. */
  public Set<String> holding(Collection<String> ids) {
    return read(
        searcher -> {
          Set<String> held = new HashSet<>();
          for (String id : ids) {
            if (searcher.count(new TermQuery(new Term(PaperFields.ID, id))) > 0) {
              held.add(id);
            }
          }
          return held;
        });
  }

  private void record(@Nullable Position papers, @Nullable Position vectors) {
    Map<String, String> data = new HashMap<>();
    data.put(SCHEMA_KEY, SCHEMA);
    if (papers != null) {
      data.put(CHANGED_AT, papers.changedAt().toString());
      data.put(CHANGED_ID, papers.arxivId());
    }
    if (vectors != null) {
      data.put(VECTORS_AT, vectors.changedAt().toString());
      data.put(VECTORS_ID, vectors.arxivId());
    }
    writer.setLiveCommitData(data.entrySet());
  }

  /**
   * Empties the index and sets its positions for a rebuild: papers from the start, vectors from
   * {@code vectorsFrom} (the rebuild reads the vectors stored before it with each paper).
   */
  public synchronized void clear(@Nullable Position vectorsFrom) {
    try {
      writer.deleteAll();
      record(null, vectorsFrom);
      writer.commit();
      searchers.maybeRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear the search index", e);
    }
  }

  /** Empties the index and forgets its positions. */
  public void clear() {
    clear(null);
  }

  public long documents() {
    return writer.getDocStats().numDocs;
  }

  public IndexState state(boolean rebuilding) {
    Position position = position();
    return new IndexState(documents(), position == null ? null : position.changedAt(), rebuilding);
  }

  /**
   * Runs a reader's search in its mode ({@link Searches}). Raw text never reaches a parser that
   * throws.
   *
   * @param embed the vector of a query's text, asked for only when meaning is searched; null when
   *     there is none
   * @throws InvalidSearch when the query expands to too many clauses
   */
  public SearchResults search(SearchQuery query, Function<String, float @Nullable []> embed) {
    // UPVOTES is ordered outside the index (ranking.UpvotedSearch); here it reads as relevance.
    return read(searcher -> searches.search(searcher, query, embed));
  }

  /** A search by words alone. */
  public SearchResults search(SearchQuery query) {
    return search(query, text -> null);
  }

  /** An author's papers by name: {@link AuthorLookup}; empty when no paper has the name. */
  public Optional<AuthorPapers> author(String name) {
    return read(searcher -> authors.find(searcher, name));
  }

  /** Papers like the given one by their words, most alike first; empty when it is not indexed. */
  public List<SearchHit> similar(ArxivId id, int limit) {
    return read(searcher -> similar.like(searcher, id, limit));
  }

  /**
   * Papers whose semantic vectors are nearest {@code vector}, never one of {@code exclude}, only
   * those published since {@code since} when it is given: {@link Neighbours}.
   */
  public List<SearchHit> nearest(
      float[] vector, int limit, Collection<String> exclude, @Nullable LocalDate since) {
    return read(searcher -> neighbours.nearest(searcher, vector, limit, exclude, since));
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
