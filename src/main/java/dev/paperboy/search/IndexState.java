package dev.paperboy.search;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where the index stands against the database's change sequence.
 *
 * @param caughtUpTo the change it has applied last, or null before the first
 * @param rebuilding true while it is being built from scratch; search answers meanwhile, partly
 */
public record IndexState(long documents, @Nullable Instant caughtUpTo, boolean rebuilding) {}
