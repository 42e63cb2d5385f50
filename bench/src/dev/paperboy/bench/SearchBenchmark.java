package dev.paperboy.bench;

import dev.paperboy.embedding.Embedder;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.SearchResults;
import dev.paperboy.search.lucene.LuceneIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Search latency in-process (percentiles from SampleTime) on an index built by {@code paperboy
 * reindex}; {@code -Dpaperboy.bench.index=DIR/index} names it (bench/search.sh builds one over
 * the 100k corpus). Each query returns the first page of 20 with highlights, in each mode; the
 * query's embedding (the real model, in process) is part of the hybrid and semantic times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class SearchBenchmark {
  @Param({
    "neural networks",
    "deep learning for protein",
    "how do I make transformers faster on long sequences",
    "author:Bengio",
    "1611.05546"
  })
  public String query;

  @Param({"lexical", "hybrid", "semantic"})
  public String mode;

  private final Embedder embedder = new Embedder();

  private LuceneIndex index;

  @Setup(Level.Trial)
  public void open() {
    index = LuceneIndex.open(Path.of(System.getProperty("paperboy.bench.index", "target/bench-data/index")));
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    index.close();
  }

  @Benchmark
  public SearchResults search() {
    return index.search(
        SearchQuery.of(query, 20).withMode(SearchQuery.Mode.named(mode).orElseThrow()),
        embedder::embed);
  }
}
