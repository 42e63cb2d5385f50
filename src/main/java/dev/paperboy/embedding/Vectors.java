package dev.paperboy.embedding;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The papers' semantic vectors of {@link Embedder#MODEL}, as the vectors job stored them. */
public interface Vectors {
  /** The vectors of those of {@code ids} that have one, keyed by base id. */
  Map<String, float[]> of(Collection<String> ids);

  /**
   * Vectors computed after a position in their change sequence and no later than {@code until},
   * oldest first: the feed a search index follows to add the vectors of papers it already holds.
   */
  List<Computed> computedSince(Instant after, String afterId, Instant until, int limit);

  long count();

  /** A vector and where it stands in the change sequence. */
  record Computed(String arxivId, float[] vector, Instant computedAt) {}
}
