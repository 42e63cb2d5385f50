package dev.paperboy.bench;

import dev.paperboy.ingest.arxiv.OaiAdapter;
import dev.paperboy.ingest.arxiv.OaiPage;
import dev.paperboy.ingest.arxiv.OaiPmhParser;
import dev.paperboy.ingest.arxiv.OaiRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Records per second through the OAI-PMH parser and adapter, on the recorded real pages (the
 * 150-record physics page in arXiv format and the 46-record cs page). Score is records/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OaiParseBenchmark {
  private static final int PHYSICS_RECORDS = 150;
  private static final int CS_RECORDS = 46;

  private byte[] physics;
  private byte[] cs;

  @Setup
  public void load() throws IOException {
    physics = resource("invenio-sample_arxiv_response_listrecords_physics.xml");
    cs = resource("invenio-sample_arxiv_response_listrecords_cs.xml");
  }

  @Benchmark
  @OperationsPerInvocation(PHYSICS_RECORDS)
  public void physicsPage(Blackhole sink) {
    parse(physics, sink);
  }

  @Benchmark
  @OperationsPerInvocation(CS_RECORDS)
  public void csPage(Blackhole sink) {
    parse(cs, sink);
  }

  private static void parse(byte[] page, Blackhole sink) {
    OaiPage parsed = OaiPmhParser.parse(new ByteArrayInputStream(page));
    for (OaiRecord record : parsed.records()) {
      sink.consume(OaiAdapter.toPaper(record));
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = OaiParseBenchmark.class.getResourceAsStream("/arxiv/oai-pmh/" + name)) {
      return in.readAllBytes();
    }
  }
}
