package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Node;
import dev.paperboy.support.Stores;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/reliability.md MAIL-1 with real crashes: a separate JVM ({@code digest send}) sends one
 * edition to 2,000 subscribers through a real SMTP server (GreenMail) and is killed with SIGKILL at
 * random points, 10 times; then runs to the end. Every subscriber has the digest, and the
 * duplicates are at most one per sending thread per kill (the message between the relay's 250 and
 * the row's mark). On SQLite and on PostgreSQL. Slow: {@code -Pslow}.
 */
@Tag("slow")
class DigestCrashTest {
  private static final int SUBSCRIBERS = 2_000;
  private static final int KILLS = 10;
  private static final int CONNECTIONS = 4;
  private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

  @TempDir Path dataDir;

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void everySubscriberGetsTheDigestWhateverTheKills(String engine) throws Exception {
    List<String> store = Stores.options(engine, dataDir);
    String domain = engine + System.nanoTime() + ".example.org";
    DigestStores.seed(store, domain, DAY, SUBSCRIBERS);

    Random random = new Random(42);
    for (int kill = 0; kill < KILLS; kill++) {
      int after = DigestStores.total(DigestStores.received(domain)) + 20 + random.nextInt(150);
      Process sender = send(store, "run-" + kill);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (sender.isAlive()
          && System.nanoTime() < deadline
          && DigestStores.total(DigestStores.received(domain)) < after) {
        Thread.sleep(50);
      }
      sender.destroyForcibly().waitFor();
      // The killed sender's claims are its own until their lease (2 s here) runs out.
      Thread.sleep(2_500);
    }
    for (int run = 0; run < 5 && !done(store); run++) {
      Process sender = send(store, "final-" + run);
      assertThat(sender.waitFor(3, TimeUnit.MINUTES)).isTrue();
      Thread.sleep(2_500);
    }

    Map<String, Integer> counts = DigestStores.received(domain);
    assertThat(counts).hasSize(SUBSCRIBERS);
    assertThat(counts.values()).allMatch(n -> n >= 1);
    int duplicates = counts.values().stream().mapToInt(n -> n - 1).sum();
    System.out.printf(
        "digest crash test on %s: %d kills, %d duplicates (at most %d allowed)%n",
        engine, KILLS, duplicates, KILLS * CONNECTIONS);
    assertThat(duplicates).isLessThanOrEqualTo(KILLS * CONNECTIONS);
    assertThat(done(store)).isTrue();
  }

  private Process send(List<String> store, String name) throws Exception {
    List<String> command =
        Node.java(
            store,
            "paperboy.digest.lease=PT2S",
            "paperboy.digest.batch=5",
            "paperboy.digest.connections=" + CONNECTIONS);
    command.addAll(
        List.of(
            "digest",
            "send",
            "--cadence",
            "daily",
            "--date",
            DAY.toString(),
            "--no-progress",
            "--data-dir",
            dataDir.toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve(name + "-" + System.nanoTime() + ".log").toFile())
        .start();
  }

  /** Whether the edition is done: a row per subscriber, each sent or failed. */
  private static boolean done(List<String> store) {
    return DigestStores.count(store, "SELECT count(*) FROM digest_outbox") == SUBSCRIBERS
        && DigestStores.count(
                store, "SELECT count(*) FROM digest_outbox WHERE status NOT IN ('SENT', 'FAILED')")
            == 0;
  }
}
