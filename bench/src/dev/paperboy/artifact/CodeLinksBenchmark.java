package dev.paperboy.artifact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What finding code links costs: every abstract and arXiv comments of the demo corpus (10,133 real
 * papers) through {@link Artifacts#in}, as the index does for each paper it writes and a list for
 * each card. Score is papers per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodeLinksBenchmark {
  private final List<String[]> papers = new ArrayList<>();

  @Setup
  public void load() throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    try (InputStream in =
            CodeLinksBenchmark.class.getResourceAsStream("/demo/arxiv-demo-corpus.jsonl.gz");
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode record = json.readTree(line);
        JsonNode comments = record.get("comments");
        papers.add(
            new String[] {
              record.get("abstract").asString(), comments.isNull() ? null : comments.asString()
            });
      }
    }
  }

  /** One invocation is the whole corpus; papers/s is the score times {@code papers.size()}. */
  @Benchmark
  public void wholeCorpus(Blackhole sink) {
    for (String[] paper : papers) {
      sink.consume(Artifacts.in(paper[0], paper[1]));
    }
  }
}
