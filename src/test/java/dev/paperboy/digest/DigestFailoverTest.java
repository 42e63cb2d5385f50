package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Node;
import dev.paperboy.support.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/reliability.md NODE-3 for digests: two {@code serve} nodes send one edition together; node A
 * is killed (SIGKILL) while it holds claimed rows. Node B takes those rows over once their lease
 * runs out and finishes the edition: every subscriber has the digest, and the duplicates are at
 * most one per sending connection of the killed node (a message between the relay's 250 and its
 * mark). Profile {@code -Pnodes}.
 */
@Tag("nodes")
class DigestFailoverTest {
  private static final int SUBSCRIBERS = 600;
  private static final int CONNECTIONS = 4;

  @TempDir Path dir;

  @Test
  void aNodeKilledMidSendLeavesItsClaimsToTheOtherAndNobodyIsMissed() throws Exception {
    List<String> store = Stores.options("postgresql", dir.resolve("seed"));
    String domain = "failover" + System.nanoTime() + ".example.org";
    DigestStores.seed(store, domain, LocalDate.now(ZoneOffset.UTC).minusDays(1), SUBSCRIBERS);
    String[] settings = {
      "paperboy.store.nodes=2",
      "paperboy.demo.enabled=false",
      "paperboy.digest.daily-at=*/5 * * * * *",
      "paperboy.digest.weekends=true",
      "paperboy.digest.send-every=PT1S",
      "paperboy.digest.connections=" + CONNECTIONS,
      "paperboy.digest.batch=5",
      "paperboy.digest.lease=PT10S",
      // Slow enough that the edition is still going out when node A is killed.
      "paperboy.digest.rate=40/PT1S"
    };
    Node a = Node.start("a", store, dir, settings);
    Node b = Node.start("b", store, dir, settings);
    try {
      a.awaitReady(Duration.ofSeconds(120));
      b.awaitReady(Duration.ofSeconds(120));
      waitFor(() -> DigestStores.total(DigestStores.received(domain)) >= 150, 120);
      a.kill();
      int claimedByTheDead =
          DigestStores.count(store, "SELECT count(*) FROM digest_outbox WHERE status = 'SENDING'");
      waitFor(() -> done(store), 180);
      assertThat(b.alive()).isTrue();
      System.out.printf("digest failover: %d rows in SENDING when node A died%n", claimedByTheDead);
    } finally {
      a.close();
      b.close();
    }
    Map<String, Integer> counts = DigestStores.received(domain);
    assertThat(counts).hasSize(SUBSCRIBERS);
    int duplicates = counts.values().stream().mapToInt(n -> n - 1).sum();
    assertThat(duplicates).isLessThanOrEqualTo(CONNECTIONS);
    assertThat(
            DigestStores.count(store, "SELECT count(*) FROM digest_outbox WHERE status = 'SENT'"))
        .isEqualTo(SUBSCRIBERS);
  }

  @Test
  void aGracefulStopFinishesTheMessagesInFlightAndHandsTheRestBack() throws Exception {
    List<String> store = Stores.options("postgresql", dir.resolve("seed"));
    String domain = "graceful" + System.nanoTime() + ".example.org";
    int subscribers = 300;
    DigestStores.seed(store, domain, LocalDate.now(ZoneOffset.UTC).minusDays(1), subscribers);
    String[] settings = {
      "paperboy.demo.enabled=false",
      "paperboy.digest.daily-at=*/5 * * * * *",
      "paperboy.digest.weekends=true",
      "paperboy.digest.send-every=PT1S",
      "paperboy.digest.connections=" + CONNECTIONS,
      "paperboy.digest.batch=10",
      // A lease far longer than the test: rows left SENDING would be stuck for its length.
      "paperboy.digest.lease=PT1H",
      "paperboy.digest.rate=30/PT1S"
    };
    Node first = Node.start("first", store, dir, settings).awaitReady(Duration.ofSeconds(120));
    waitFor(() -> DigestStores.total(DigestStores.received(domain)) >= 60, 120);
    first.close(); // SIGTERM

    assertThat(first.log()).contains("Digest: sending stopped");
    assertThat(
            DigestStores.count(
                store, "SELECT count(*) FROM digest_outbox WHERE status = 'SENDING'"))
        .as("no row is left claimed by the stopped node")
        .isZero();
    int sentBefore = DigestStores.total(DigestStores.received(domain));
    assertThat(
            DigestStores.count(store, "SELECT count(*) FROM digest_outbox WHERE status = 'SENT'"))
        .as("every message that left is marked sent")
        .isEqualTo(sentBefore);
    assertThat(sentBefore).isLessThan(subscribers);

    try (Node second = Node.start("second", store, dir, settings)) {
      second.awaitReady(Duration.ofSeconds(120));
      waitFor(() -> DigestStores.total(DigestStores.received(domain)) >= subscribers, 120);
    }
    Map<String, Integer> counts = DigestStores.received(domain);
    assertThat(counts).hasSize(subscribers);
    assertThat(counts.values()).allMatch(n -> n == 1);
  }

  private static boolean done(List<String> store) {
    return DigestStores.count(store, "SELECT count(*) FROM digest_outbox") == SUBSCRIBERS
        && DigestStores.count(
                store, "SELECT count(*) FROM digest_outbox WHERE status NOT IN ('SENT', 'FAILED')")
            == 0;
  }

  private interface Check {
    boolean passes() throws Exception;
  }

  private static void waitFor(Check check, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!check.passes()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + seconds + " s");
      }
      Thread.sleep(250);
    }
  }
}
