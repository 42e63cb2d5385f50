package dev.paperboy.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paperboy.embedding.Embedder;
import dev.paperboy.embedding.Vectors;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.ChangedPaper;
import dev.paperboy.paper.Papers;
import dev.paperboy.search.lucene.LuceneIndex;
import dev.paperboy.store.StoreSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Full-text search over papers, and the index behind it. The index is derived data: it follows the
 * database's change sequence (every paper write moves {@code changed_at}), catching up every couple
 * of seconds and at start-up, and is rebuilt from scratch when missing or unreadable, or on {@code
 * paperboy reindex} (docs/reliability.md DATA-5).
 */
@Service
public class PaperSearch implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(PaperSearch.class);
  private static final int BATCH = 500;

  /** A long catch-up (resuming an interrupted build) commits every this many papers. */
  private static final int COMMIT_EVERY = 20_000;

  private final Papers papers;
  private final Vectors vectors;
  private final Embedder embedder;
  private final StoreSettings store;
  private final boolean follow;
  private final AtomicBoolean rebuilding = new AtomicBoolean();

  /**
   * Opened once, under {@link #opening}, not under this object's lock: a catch-up holds that for as
   * long as it runs (the first build of a large index, minutes), and searches and the health probe
   * must read the index meanwhile.
   */
  private volatile @Nullable LuceneIndex opened;

  private final Object opening = new Object();

  private final Clock clock;
  private final Duration settle;
  private final Timer searchTimer;
  private final Timer recommendTimer;
  private final Timer similarTimer;

  /**
   * Answers of the index while it does not change: popular searches repeat, and a paper page asks
   * for the papers like it on every view (a MoreLikeThis query, the page's largest cost). They are
   * keyed by the index's generation, read before the search and moved on after each change is
   * searchable: an answer is never filed under a generation older than the index it came from.
   */
  private final Cache<Asked<SearchQuery>, SearchResults> searches =
      Caffeine.newBuilder().maximumSize(2_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  private final Cache<Asked<String>, List<SearchHit>> similars =
      Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  private final AtomicLong generation = new AtomicLong();

  private record Asked<T>(long generation, T question) {}

  /**
   * @param settle the follower applies only changes at least this old: a transaction that took its
   *     changed_at before another but committed after it is still ahead of the index's position
   *     when it becomes visible
   */
  PaperSearch(
      Papers papers,
      Vectors vectors,
      Embedder embedder,
      StoreSettings store,
      Clock clock,
      @Value("${paperboy.search.follow:true}") boolean follow,
      @Value("${paperboy.search.settle:PT5S}") Duration settle,
      MeterRegistry meters) {
    this.searchTimer = timer(meters, "search");
    this.recommendTimer = timer(meters, "recommend");
    this.similarTimer = timer(meters, "similar");
    this.papers = papers;
    this.vectors = vectors;
    this.embedder = embedder;
    this.store = store;
    this.clock = clock;
    this.follow = follow;
    this.settle = settle;
  }

  /**
   * The index, opened on first use: one-shot commands (import, harvest) never open it, so they do
   * not contend for its lock with a running {@code serve}, whose follower indexes their work.
   */
  private LuceneIndex index() {
    LuceneIndex index = opened;
    if (index != null) {
      return index;
    }
    synchronized (opening) {
      if (opened == null) {
        LuceneIndex fresh = LuceneIndex.open(store.dataDir().resolve("index"));
        if (fresh.fresh()) {
          rebuilding.set(true);
          log.info("Search index is new: it is built from the database in the background");
        }
        opened = fresh;
      }
      return opened;
    }
  }

  /**
   * @throws InvalidSearch for a query that cannot be run
   */
  public SearchResults search(SearchQuery query) {
    return searchTimer.record(
        () ->
            searches.get(
                new Asked<>(generation.get(), query), k -> index().search(query, embedder::embed)));
  }

  /** Papers for a member, each with its reason; empty when the member has no interests yet. */
  public List<Recommendation> recommend(Interests interests, int limit) {
    if (interests.isEmpty()) {
      return List.of();
    }
    return recommendTimer.record(() -> index().recommend(interests, limit));
  }

  /**
   * Papers whose semantic vectors are nearest {@code vector}, most alike first, none of {@code
   * exclude}, and only those first published since {@code since} when it is given.
   */
  public List<SearchHit> nearest(
      float[] vector, int limit, Collection<String> exclude, @Nullable LocalDate since) {
    return recommendTimer.record(() -> index().nearest(vector, limit, exclude, since));
  }

  /** An author's papers by name ({@link AuthorPapers}); empty when no paper has the name. */
  public Optional<AuthorPapers> author(String name) {
    return searchTimer.record(() -> index().author(name));
  }

  /** Papers like the given one, most alike first; empty when it is not indexed. */
  public List<SearchHit> similar(ArxivId id, int limit) {
    return similarTimer.record(
        () ->
            similars.get(
                new Asked<>(generation.get(), id.base() + "/" + limit),
                k -> index().similar(id, limit)));
  }

  private static Timer timer(MeterRegistry meters, String kind) {
    return Timer.builder("paperboy.search")
        .description("search index queries: full-text search, For you, similar papers")
        .tag("kind", kind)
        .publishPercentileHistogram()
        .register(meters);
  }

  /** Where the index stands; answers at once, also while a build is running. */
  public IndexState state() {
    return index().state(rebuilding.get());
  }

  /** The papers in the database, for the health probe's "n of N" while the index is built. */
  public long papersInStore() {
    return papers.count();
  }

  /** Applies the changes since the index's position. */
  @Scheduled(fixedDelayString = "${paperboy.search.follow-interval:PT2S}")
  void follow() {
    if (follow) {
      catchUp();
    }
  }

  /** Applies the changes since the index's position; answers how many were applied. */
  public long catchUp() {
    return catchUp(done -> {}, settle);
  }

  /**
   * Empties the index and builds it again from everything in the database now (no settle time: this
   * is the explicit, offline rebuild); answers the papers indexed.
   */
  public long rebuild(LongConsumer progress) {
    synchronized (this) {
      rebuilding.set(true);
      // Each paper is indexed with the vector stored for it then; vectors computed from a little
      // before now on (a late commit included) are added by the vectors' follower.
      index().clear(new LuceneIndex.Position(clock.instant().minus(settle), ""));
      newGeneration();
    }
    return catchUp(progress, Duration.ZERO);
  }

  private synchronized long catchUp(LongConsumer progress, Duration settle) {
    LuceneIndex index = index();
    LuceneIndex.Position position = index.position();
    Instant until = clock.instant().minus(settle);
    long applied =
        position == null
            ? new IndexBuild(papers, vectors, index, until, this::newGeneration).run(progress)
            : follow(index, position, until, progress);
    // Papers written again with a new vector are no new papers: they count for the cache only.
    long withVectors = followVectors(index, until);
    if (applied + withVectors > 0) {
      newGeneration();
    }
    if (rebuilding.getAndSet(false)) {
      log.info("Search index built: {} papers", index.documents());
    }
    return applied;
  }

  /** Applies the changes after {@code position} up to {@code until}, upserting each paper. */
  private long follow(
      LuceneIndex index, LuceneIndex.Position position, Instant until, LongConsumer progress) {
    Instant after = position.changedAt();
    String afterId = position.arxivId();
    long applied = 0;
    long uncommitted = 0;
    while (true) {
      List<ChangedPaper> changes = papers.changedSince(after, afterId, until, BATCH);
      if (changes.isEmpty()) {
        break;
      }
      ChangedPaper last = changes.get(changes.size() - 1);
      LuceneIndex.Position upTo =
          new LuceneIndex.Position(last.changedAt(), last.paper().id().base());
      uncommitted += changes.size();
      boolean commit = changes.size() < BATCH || uncommitted >= COMMIT_EVERY;
      index.apply(
          changes,
          vectors.of(changes.stream().map(c -> c.paper().id().base()).toList()),
          upTo,
          commit);
      if (commit) {
        uncommitted = 0;
        // A build answers searches with what it has committed so far, not with cached answers
        // from before.
        newGeneration();
      }
      applied += changes.size();
      progress.accept(applied);
      after = last.changedAt();
      afterId = last.paper().id().base();
    }
    if (uncommitted > 0) {
      index.commit(index.position());
    }
    return applied;
  }

  /**
   * Adds the vectors computed since the index's position in their sequence to the papers it holds
   * (a paper it does not hold yet gets its vector when it is indexed); answers how many.
   */
  private long followVectors(LuceneIndex index, Instant until) {
    LuceneIndex.Position position = index.vectorPosition();
    Instant after = position == null ? Instant.EPOCH : position.changedAt();
    String afterId = position == null ? "" : position.arxivId();
    long applied = 0;
    while (true) {
      List<Vectors.Computed> computed = vectors.computedSince(after, afterId, until, BATCH);
      if (computed.isEmpty()) {
        return applied;
      }
      Map<String, float[]> byId = new HashMap<>();
      computed.forEach(c -> byId.put(c.arxivId(), c.vector()));
      Set<String> held = index.holding(byId.keySet());
      Vectors.Computed last = computed.get(computed.size() - 1);
      index.applyVectors(
          List.copyOf(papers.findAll(held.stream().map(ArxivId::parse).toList()).values()),
          byId,
          new LuceneIndex.Position(last.computedAt(), last.arxivId()));
      applied += held.size();
      after = last.computedAt();
      afterId = last.arxivId();
    }
  }

  private void newGeneration() {
    generation.incrementAndGet();
    searches.invalidateAll();
    similars.invalidateAll();
  }

  @Override
  public synchronized void destroy() throws IOException {
    synchronized (opening) {
      if (opened != null) {
        opened.close();
      }
    }
  }
}
