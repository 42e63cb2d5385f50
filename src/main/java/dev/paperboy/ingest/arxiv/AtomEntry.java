package dev.paperboy.ingest.arxiv;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One entry of an arXiv API (Atom) answer, as on the wire. */
public record AtomEntry(
    String id,
    String title,
    String summary,
    @Nullable String published,
    @Nullable String updated,
    List<String> authors,
    List<String> categories,
    @Nullable String primaryCategory,
    @Nullable String comment,
    @Nullable String journalRef,
    @Nullable String doi) {

  /** arXiv reports request errors as an entry whose id points at its error list. */
  public boolean isError() {
    return id.contains("arxiv.org/api/errors");
  }
}
