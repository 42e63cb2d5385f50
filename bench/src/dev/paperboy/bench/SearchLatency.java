package dev.paperboy.bench;

import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.lucene.LuceneIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * In-process lexical search latency over queries that are all different (the JMH benchmark asks
 * five queries again and again, which the index's caches favour): the first page of 20 with
 * highlights, as the search page asks it. Prints p50, p99 and the mean after a warm-up pass.
 *
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.main=dev.paperboy.bench.SearchLatency \
 *     -Dbench.heap=1g -Dbench=INDEX_DIR -Dbench.methods=QUERIES_FILE</pre>
 *
 * QUERIES_FILE has one query a line, words joined by '+' (bench/growth.sh writes it).
 */
public final class SearchLatency {
  private SearchLatency() {}

  public static void main(String[] args) throws IOException {
    Path indexDir = Path.of(args[0]);
    List<String> queries =
        Files.readAllLines(Path.of(System.getProperty("methods"))).stream()
            .map(line -> line.replace('+', ' '))
            .toList();
    try (LuceneIndex index = LuceneIndex.open(indexDir)) {
      int warmUp = Math.min(queries.size() / 2, 3_000);
      for (String query : queries.subList(0, warmUp)) {
        index.search(SearchQuery.of(query, 20));
      }
      List<String> measured = queries.subList(warmUp, queries.size());
      long[] nanos = new long[measured.size()];
      long hits = 0;
      for (int i = 0; i < nanos.length; i++) {
        long start = System.nanoTime();
        hits += index.search(SearchQuery.of(measured.get(i), 20)).hits().size();
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "in-process lexical search, %,d distinct queries (after %,d to warm up): p50 %.2f ms, p99 %.2f ms, mean %.2f ms, %.1f hits a query%n",
          nanos.length,
          warmUp,
          nanos[nanos.length / 2] / 1e6,
          nanos[(int) (nanos.length * 0.99)] / 1e6,
          Arrays.stream(nanos).average().orElse(0) / 1e6,
          hits / (double) nanos.length);
    }
  }
}
