package dev.paperboy.bench;

import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.lucene.LuceneIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The index an evaluation asks, in each search mode. */
final class Searchers implements AutoCloseable {
  private final LuceneIndex index;

  private Searchers(LuceneIndex index) {
    this.index = index;
  }

  static Searchers open(Path path) {
    return new Searchers(LuceneIndex.open(path));
  }

  List<SearchHit> search(String mode, SearchQuery query) {
    return index.search(query).hits();
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
