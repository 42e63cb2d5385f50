package dev.paperboy.rules;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.stereotype.Service;

/**
 * Checks and counts actions against the {@link Limits}. The buckets live in the database (see
 * {@link JdbcBuckets}), so every node counts against the same state and a restart forgets nothing
 * (docs/reliability.md AUTH-3, VOTE-4).
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
    ConsumptionProbe probe = bucket(limit, subject).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw refusal(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  /**
   * Refuses, without counting anything, while {@code subject} has used up the limit (by {@link
   * #record} or {@link #take}).
   *
   * @throws Refusal of kind TOO_MANY, with the time to wait
   */
  public void check(Limit limit, String subject) {
    EstimationProbe probe = bucket(limit, subject).estimateAbilityToConsume(1);
    if (!probe.canBeConsumed()) {
      throw refusal(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  /**
   * Counts an action that already happened (a wrong password), past the limit if need be: the
   * bucket goes into debt, so each one beyond the limit makes the wait longer.
   */
  public void record(Limit limit, String subject) {
    bucket(limit, subject).consumeIgnoringRateLimits(1);
  }

  /** Whether {@code subject} has used any of the limit lately (its bucket is not full). */
  public boolean used(Limit limit, String subject) {
    long smallest = limit.bands().stream().mapToLong(Limit.Band::capacity).min().orElse(0);
    return bucket(limit, subject).getAvailableTokens() < smallest;
  }

  private Bucket bucket(Limit limit, String subject) {
    return buckets.builder().build(key(limit, subject), () -> configuration(limit));
  }

  private static Refusal refusal(Limit limit, Duration wait) {
    return Refusal.tooMany(
        "Too many "
            + limit.what()
            + " for now. Try again in "
            + Math.max(1, (wait.toSeconds() + 59) / 60)
            + " minute(s).",
        wait);
  }

  /**
   * Reserves the next {@code count} slots of a throughput limit, evenly paced: a band of {@code
   * n/period} lets one action through every {@code period / n} and saves none up, so no window of
   * that length ever holds more than {@code n}. The reservation is taken at once, in debt if need
   * be, so callers on other nodes reserve the slots after it (see {@link Throughput}).
   *
   * @return how long until the last of the reserved slots
   */
  Duration reserve(Limit limit, String subject, int count) {
    long nanos =
        buckets
            .builder()
            .build("pace|" + key(limit, subject), () -> paced(limit))
            .consumeIgnoringRateLimits(count);
    return Duration.ofNanos(Math.max(0, nanos));
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
