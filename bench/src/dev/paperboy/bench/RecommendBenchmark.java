package dev.paperboy.bench;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.search.Interests;
import dev.paperboy.search.Recommendation;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.lucene.LuceneIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * Time to recommend 30 papers to one member ("For you"), in-process on the index bench/search.sh
 * builds over the 100k corpus. Profiles: a member who only follows things (the cold start), and
 * members who liked 5 or 20 papers (the neighbours of each are looked up) and follow the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class RecommendBenchmark {
  @Param({"0", "5", "20"})
  public int liked;

  private LuceneIndex index;
  private Interests interests;

  @Setup(Level.Trial)
  public void open() {
    index =
        LuceneIndex.open(
            Path.of(System.getProperty("paperboy.bench.index", "target/bench-data/index")));
    // Liked papers: the best matches of a topic a member might follow, as a member's would be.
    List<ArxivId> likedIds =
        index.search(SearchQuery.of("graph neural networks", liked == 0 ? 1 : liked)).hits().stream()
            .map(SearchHit::id)
            .limit(liked)
            .toList();
    Set<String> exclude = new HashSet<>();
    likedIds.forEach(id -> exclude.add(id.base()));
    interests =
        new Interests(
            likedIds,
            List.of("cs.LG", "stat.ML"),
            List.of("Yoshua Bengio"),
            List.of("reinforcement learning"),
            exclude);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    index.close();
  }

  @Benchmark
  public List<Recommendation> recommend() {
    return index.recommend(interests, 30);
  }
}
