package dev.paperboy.ingest;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to harvest.
 *
 * @param set an OAI set such as {@code cs} or {@code physics:hep-th}; null for everything
 * @param from the first datestamp; null continues from the last finished harvest's response date
 *     (or, the first time, harvests everything)
 * @param until the last datestamp, or null for up to now
 * @param metadata {@code arXivRaw} (versions), {@code arXiv} (split author names) or {@code oai_dc}
 */
public record HarvestRequest(
    @Nullable String set, @Nullable LocalDate from, @Nullable LocalDate until, String metadata) {
  public static final Set<String> METADATA = Set.of("arXivRaw", "arXiv", "oai_dc");

  public HarvestRequest {
    if (!METADATA.contains(metadata)) {
      throw new IllegalArgumentException(
          "metadata must be one of arXivRaw, arXiv, oai_dc, not " + metadata);
    }
    if (set != null && !set.matches("[a-z-]+(:[a-z-]+(:[A-Za-z-]+)?)?")) {
      throw new IllegalArgumentException(
          "not an OAI set: " + set + " (examples: cs, physics:hep-th, cs:cs:AI)");
    }
    if (from != null && until != null && until.isBefore(from)) {
      throw new IllegalArgumentException("until (" + until + ") is before from (" + from + ")");
    }
  }

  /** The checkpoint key: one harvest per metadata format and set. */
  public String name() {
    return metadata + "/" + (set == null ? "*" : set);
  }
}
