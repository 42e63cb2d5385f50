package dev.paperboy.rules;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.stereotype.Service;

/**
 * Checks and counts actions against the {@link Limits}. The buckets live in the database (see
 * {@link JdbcBuckets}), so every node counts against the same state and a restart forgets nothing
 * (RELIABILITY.md AUTH-3, VOTE-4).
 */
@Service
public class RateLimits {
  private final JdbcBuckets buckets;

  RateLimits(JdbcBuckets buckets) {
    this.buckets = buckets;
  }

  /**
   * Counts one action by {@code subject} (an address, a member id, an email) against the limit.
   *
   * @throws Refusal of kind TOO_MANY, with the time to wait, when the limit is reached
   */
  public void take(Limit limit, String subject) {
    ConsumptionProbe probe =
        buckets
            .builder()
            .build(key(limit, subject), () -> configuration(limit))
            .tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
      throw Refusal.tooMany(
          "Too many "
              + limit.what()
              + " for now. Try again in "
              + Math.max(1, (wait.toSeconds() + 59) / 60)
              + " minute(s).",
          wait);
    }
  }

  /**
   * Takes one slot of a throughput limit, evenly paced: a band of {@code count/period} lets one
   * action through every {@code period / count} and saves none up, so no window of that length ever
   * holds more than {@code count} (MAIL-3's relay throttle, shared by all nodes).
   *
   * @return zero when the slot is taken, or how long to wait before asking again
   */
  public Duration pace(Limit limit, String subject) {
    ConsumptionProbe probe =
        buckets
            .builder()
            .build("pace|" + key(limit, subject), () -> paced(limit))
            .tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
  }

  private static BucketConfiguration paced(Limit limit) {
    ConfigurationBuilder config = BucketConfiguration.builder();
    for (Limit.Band band : limit.bands()) {
      config.addLimit(
          BandwidthBuilder.builder()
              .capacity(1)
              .refillGreedy(1, band.period().dividedBy(band.capacity()))
              .build());
    }
    return config.build();
  }

  private static BucketConfiguration configuration(Limit limit) {
    ConfigurationBuilder config = BucketConfiguration.builder();
    for (Limit.Band band : limit.bands()) {
      config.addLimit(
          BandwidthBuilder.builder()
              .capacity(band.capacity())
              .refillGreedy(band.capacity(), band.period())
              .build());
    }
    return config.build();
  }

  /**
   * The bucket's key: the limit, its bands (a changed limit starts a fresh bucket) and a digest of
   * the subject, so addresses and emails are not kept in the clear.
   */
  private static String key(Limit limit, String subject) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(subject.getBytes(StandardCharsets.UTF_8));
      return limit.what() + "|" + limit.bands() + "|" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
