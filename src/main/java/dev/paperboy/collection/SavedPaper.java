package dev.paperboy.collection;

import dev.paperboy.paper.ArxivId;
import java.time.Instant;

/** A paper in a collection and when it was saved there. */
public record SavedPaper(ArxivId id, Instant addedAt) {}
