package dev.paperboy.search;

import dev.paperboy.artifact.Artifacts;
import dev.paperboy.paper.ArxivId;
import java.time.Instant;
import java.util.List;

/**
 * One result, with what a result list shows, read from the index so that no second read of the
 * database is needed. {@code titleHtml} and {@code snippetHtml} are escaped text with matches in
 * {@code <mark>}: safe to print; the other strings are plain text.
 *
 * @param artifacts the code and project pages its abstract and arXiv comments link to
 */
public record SearchHit(
    ArxivId id,
    float score,
    String titleHtml,
    String snippetHtml,
    String title,
    String abstractText,
    List<String> authors,
    Instant publishedAt,
    Artifacts artifacts) {}
