package dev.paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/** The paper store. The only writer of the paper tables. */
public interface Papers {

  /** The paper, ignoring any version in the id. */
  Optional<Paper> find(ArxivId id);

  /** The papers found among {@code ids}, keyed by base id; missing ids are absent. */
  Map<String, Paper> findAll(Collection<ArxivId> ids);

  /**
   * The papers whose journal DOI is among {@code dois}, keyed by the DOI in lower case (DOIs are
   * case-insensitive); DOIs no paper has are absent.
   */
  Map<String, ArxivId> findByDoi(Collection<String> dois);

  /** Papers by first-version date, newest first. */
  List<Paper> newest(int offset, int limit);

  long count();

  /** How many papers were first published on each day in [from, until]; days without are absent. */
  SortedMap<LocalDate, Long> publishedPerDay(LocalDate from, LocalDate until);

  /** The most common primary categories with their paper counts, most first. */
  List<Map.Entry<String, Long>> topPrimaryCategories(int limit);

  /**
   * The latest day on which at least {@code atLeast} papers were first published: where a chart of
   * recent days should end, past a few stragglers.
   */
  Optional<LocalDate> latestPublicationDay(int atLeast);

  /**
   * Papers changed after a position in the change sequence and no later than {@code until}, oldest
   * change first: the feed that derived state (the search index) follows. The position is
   * (changed_at, arxiv_id), so a page boundary inside one instant loses nothing.
   */
  List<ChangedPaper> changedSince(Instant after, String afterId, Instant until, int limit);

  /**
   * Stores the records in one transaction, in order, and says what each did. Idempotent and
   * monotonic: a record is written only when it is newer than the stored one by (latest version,
   * metadata date, content hash), so replaying any records in any order ends in the same state.
   * Versions are merged, never dropped.
   */
  List<UpsertOutcome> upsertAll(List<Paper> records);

  /**
   * Marks a paper deleted or withdrawn at arXiv. The paper and its history stay; only the mark is
   * set, once. Answers false when the paper is unknown or already marked.
   */
  boolean markDeleted(ArxivId id, Instant at);
}
