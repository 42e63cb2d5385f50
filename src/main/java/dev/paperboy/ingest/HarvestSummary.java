package dev.paperboy.ingest;

import java.time.Duration;
import java.util.List;

/**
 * What a harvest did.
 *
 * @param resumed true when it continued an interrupted harvest from its saved token
 * @param restarts lists restarted from their {@code from} after a bad or expired token
 */
public record HarvestSummary(
    int pages,
    long records,
    long added,
    long updated,
    long unchanged,
    long deleted,
    long rejected,
    List<ImportProblem> problems,
    boolean resumed,
    int restarts,
    Duration elapsed) {

  public String describe() {
    return String.format(
        "%,d pages, %,d records: new %,d, updated %,d, unchanged %,d, deleted %,d, rejected %,d%s%s in %.1f s",
        pages,
        records,
        added,
        updated,
        unchanged,
        deleted,
        rejected,
        resumed ? " (resumed)" : "",
        restarts > 0 ? " (" + restarts + " restart(s) after a bad token)" : "",
        elapsed.toNanos() / 1e9);
  }
}
