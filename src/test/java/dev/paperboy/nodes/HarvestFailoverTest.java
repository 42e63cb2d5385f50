package dev.paperboy.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperboy.ingest.OaiPagesForTests;
import dev.paperboy.support.ArxivStub;
import dev.paperboy.support.Node;
import dev.paperboy.support.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * docs/reliability.md NODE-3 for the harvest: node A takes the daily run's lease and is killed
 * (SIGKILL) after two pages have committed, while it waits for the third; node B, asking every two
 * seconds, is told the run is taken until A's lease runs out, then takes it over, resumes at A's
 * checkpoint (the third page's token) and stores every record once. Profile {@code -Pnodes}.
 */
@Tag("nodes")
class HarvestFailoverTest {
  @TempDir Path dir;

  @Test
  void aNodeKilledMidHarvestLeavesTheRunToTheOtherOnceItsLeaseRunsOut() throws Exception {
    List<String> store = Stores.options("postgresql", dir.resolve("seed"));
    List<String> records = OaiPagesForTests.records();
    try (ArxivStub stub = new ArxivStub()) {
      stub.then(
          ArxivStub.Reply.xml(OaiPagesForTests.page(records.subList(0, 2), "t1", 6)),
          ArxivStub.Reply.xml(OaiPagesForTests.page(records.subList(2, 4), "t2", 6)),
          ArxivStub.Reply.xml(OaiPagesForTests.page(records.subList(4, 6), "", 6)).delayed(60_000));
      String[] settings = {
        "paperboy.store.nodes=2",
        "paperboy.demo.enabled=false",
        "paperboy.arxiv.contact=operator@example.org",
        "paperboy.thumbnails.enabled=false",
        "paperboy.arxiv.categories=cs.LG",
        "paperboy.arxiv.schedule=*/2 * * * * *",
        "paperboy.arxiv.lease=PT15S",
        "paperboy.arxiv.oai-base-url=" + stub.baseUrl(),
        "paperboy.arxiv.rss-base-url=" + stub.baseUrl().replace("/oai", ""),
        "paperboy.arxiv.max-attempts=1",
        // The gate's lease of a killed node (connect + read timeout + interval) stays short.
        "paperboy.arxiv.connect-timeout=PT2S",
        "paperboy.arxiv.read-timeout=PT5S"
      };
      Node b = null;
      try (Node a = Node.start("a", store, dir, settings).awaitReady(Duration.ofSeconds(120))) {
        await().atMost(Duration.ofSeconds(60)).until(() -> stub.requests().size() == 3);
        b = Node.start("b", store, dir, settings).awaitReady(Duration.ofSeconds(120));
        Node started = b;
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> started.log().contains("the daily run is taken by another node"));
        a.kill();
        assertThat(count(store, "SELECT count(*) FROM papers")).isEqualTo(4);

        stub.reset();
        stub.then(ArxivStub.Reply.xml(OaiPagesForTests.page(records.subList(4, 6), "", 6)));
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> count(store, "SELECT count(*) FROM harvests WHERE state = 'DONE'") == 1);
      } finally {
        if (b != null) {
          b.close();
        }
      }
      assertThat(stub.requests()).first().isEqualTo("verb=ListRecords&resumptionToken=t2");
      assertThat(stub.requests()).filteredOn(r -> r.contains("resumptionToken=t2")).hasSize(1);
      assertThat(count(store, "SELECT count(*) FROM papers")).isEqualTo(6);
      assertThat(count(store, "SELECT count(DISTINCT arxiv_id) FROM papers")).isEqualTo(6);
    }
  }

  private static long count(List<String> store, String sql) {
    try (ConfigurableApplicationContext context = Stores.context(store)) {
      return context.getBean(JdbcClient.class).sql(sql).query(Long.class).single();
    }
  }
}
