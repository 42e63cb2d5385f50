package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Node;
import dev.paperboy.support.Stores;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/reliability.md NODE-2: two {@code serve} JVMs on one PostgreSQL database run the digest
 * scheduler at the same moments (every 5 seconds here, so each decides the edition again and again)
 * and send rounds side by side; node B's clock runs 10 minutes ahead. Each subscriber has one
 * outbox row and gets exactly one digest: the edition's unique key and the claims decide, not the
 * clocks. Profile {@code -Pnodes}.
 */
@Tag("nodes")
class DigestTwoNodesTest {
  private static final int SUBSCRIBERS = 200;

  @TempDir Path dataDir;

  @Test
  void twoNodesSchedulingTogetherSendEachSubscriberOneDigest() throws Exception {
    List<String> store = Stores.options("postgresql", dataDir.resolve("seed"));
    String domain = "nodes" + System.nanoTime() + ".example.org";
    // The edition the schedulers decide: yesterday's, by the nodes' own clock.
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    DigestStores.seed(store, domain, yesterday, SUBSCRIBERS);

    List<Process> nodes = new ArrayList<>();
    try {
      for (String node : List.of("a", "b")) {
        Path nodeDir = Files.createDirectories(dataDir.resolve(node));
        List<String> command =
            Node.java(
                store,
                "paperboy.store.nodes=2",
                "paperboy.demo.enabled=false",
                "paperboy.digest.daily-at=*/5 * * * * *",
                "paperboy.digest.weekends=true",
                "paperboy.digest.send-every=PT2S",
                "paperboy.digest.connections=4",
                "paperboy.digest.batch=5",
                "paperboy.clock.offset=" + (node.equals("b") ? "PT10M" : "PT0S"));
        command.addAll(
            List.of(
                "serve", "--port", Integer.toString(freePort()), "--data-dir", nodeDir.toString()));
        nodes.add(
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(nodeDir.resolve("serve.log").toFile())
                .start());
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (DigestStores.total(DigestStores.received(domain)) < SUBSCRIBERS
          && System.nanoTime() < deadline) {
        assertThat(nodes).allMatch(Process::isAlive);
        Thread.sleep(200);
      }
      // More decisions and sending rounds on both nodes: none may add a message.
      Thread.sleep(12_000);
    } finally {
      for (Process node : nodes) {
        node.destroy();
        node.waitFor(30, TimeUnit.SECONDS);
      }
    }
    Map<String, Integer> counts = DigestStores.received(domain);
    assertThat(counts).hasSize(SUBSCRIBERS);
    assertThat(counts.values()).allMatch(n -> n == 1);
    assertThat(DigestStores.count(store, "SELECT count(*) FROM digest_editions")).isEqualTo(1);
    assertThat(DigestStores.count(store, "SELECT count(*) FROM digest_outbox"))
        .isEqualTo(SUBSCRIBERS);
    assertThat(
            DigestStores.count(store, "SELECT count(*) FROM digest_outbox WHERE status = 'SENT'"))
        .isEqualTo(SUBSCRIBERS);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
