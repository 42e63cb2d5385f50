package dev.paperboy.digest;

import dev.paperboy.rules.Limit;
import dev.paperboy.rules.RateLimits;
import dev.paperboy.rules.Throughput;
import dev.paperboy.store.Sleeper;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The relay's throughput limit (MAIL-3, {@code paperboy.digest.rate}), shared by every node's
 * senders through the database and kept across restarts. The time of each slot is kept on the
 * outbox row it was taken for ({@code granted_at}): the ledger the limit can be checked against.
 */
@Component
class MailThrottle {
  private final Throughput throughput;

  MailThrottle(RateLimits rateLimits, DigestSettings settings, Clock clock, Sleeper sleeper) {
    this.throughput =
        new Throughput(
            rateLimits,
            Limit.parse("messages to the mail relay", settings.rate()),
            "relay",
            clock,
            sleeper);
  }

  /** Waits for the next slot and takes it; answers when it was granted. */
  Instant take() throws InterruptedException {
    return throughput.take();
  }
}
