package dev.paperboy.ingest;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import did.
 *
 * @param read records read (non-blank lines)
 * @param added papers new to the store
 * @param updated papers replaced by a newer record
 * @param unchanged records equal to, or older than, what is stored
 * @param rejected lines that could not be imported; the first {@link #MAX_PROBLEMS} are listed
 * @param problems the rejected lines with their reasons
 * @param aborted why the import stopped before the end of the input, or null if it did not
 * @param resumedAfterLine the last line an earlier, stopped import of the same file had stored, at
 *     which this one took over (0: from the start); the counts are this run's
 */
public record ImportSummary(
    long read,
    long added,
    long updated,
    long unchanged,
    long rejected,
    List<ImportProblem> problems,
    Duration elapsed,
    @Nullable String aborted,
    boolean dryRun,
    long resumedAfterLine) {
  public static final int MAX_PROBLEMS = 1_000;

  public double recordsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : read / seconds;
  }

  /** The one-line account the CLI prints. */
  public String describe() {
    String counts =
        dryRun
            ? String.format(
                "read %,d, valid %,d, rejected %,d (dry run: nothing stored)",
                read, read - rejected, rejected)
            : String.format(
                "read %,d, new %,d, updated %,d, unchanged %,d, rejected %,d",
                read, added, updated, unchanged, rejected);
    return String.format(
        "%s in %.1f s (%,.0f records/s)%s%s",
        counts,
        elapsed.toNanos() / 1e9,
        recordsPerSecond(),
        resumedAfterLine == 0
            ? ""
            : String.format("; resumed after line %,d, stored by a stopped run", resumedAfterLine),
        aborted == null ? "" : "; stopped early: " + aborted);
  }
}
