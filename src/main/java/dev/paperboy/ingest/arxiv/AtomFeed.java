package dev.paperboy.ingest.arxiv;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An arXiv API answer: the entries and what opensearch says of the whole result. */
public record AtomFeed(@Nullable Long totalResults, List<AtomEntry> entries) {
  public List<AtomEntry> errors() {
    return entries.stream().filter(AtomEntry::isError).toList();
  }

  public List<AtomEntry> papers() {
    return entries.stream().filter(e -> !e.isError()).toList();
  }
}
