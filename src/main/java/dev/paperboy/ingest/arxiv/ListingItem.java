package dev.paperboy.ingest.arxiv;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item of an arXiv listing feed (rss.arxiv.org), as on the wire.
 *
 * @param guid {@code oai:arXiv.org:<id>v<n>}
 * @param announceType new, cross, replace or replace-cross
 */
public record ListingItem(
    String guid,
    String title,
    String description,
    List<String> categories,
    @Nullable String announceType,
    @Nullable String creators,
    @Nullable String rights,
    @Nullable String doi,
    @Nullable String journalRef) {}
