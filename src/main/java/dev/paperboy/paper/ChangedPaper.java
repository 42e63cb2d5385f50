package dev.paperboy.paper;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A paper as of its last change, and where that change stands in the change sequence.
 *
 * @param deletedAt when arXiv reported it deleted or withdrawn, or null
 */
public record ChangedPaper(Paper paper, Instant changedAt, @Nullable Instant deletedAt) {}
