package dev.paperboy.bench;

import dev.paperboy.embedding.Embedder;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.lucene.LuceneIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The index an evaluation asks, in each search mode, with the real embedding model. */
final class Searchers implements AutoCloseable {
  private final LuceneIndex index;
  private final Embedder embedder = new Embedder();

  private Searchers(LuceneIndex index) {
    this.index = index;
  }

  static Searchers open(Path path) {
    return new Searchers(LuceneIndex.open(path));
  }

  List<SearchHit> search(String mode, SearchQuery query) {
    SearchQuery.Mode asked = SearchQuery.Mode.named(mode).orElseThrow();
    return index.search(query.withMode(asked), embedder::embed).hits();
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
