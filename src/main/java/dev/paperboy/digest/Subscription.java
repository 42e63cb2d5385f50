package dev.paperboy.digest;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A digest subscription.
 *
 * @param manageKey the opaque key of the subscriber's links (unsubscribe, preferences)
 * @param lastActiveAt the last sign of life: confirmation, a visit to the preferences, a change
 */
public record Subscription(
    long id,
    String email,
    @Nullable Long memberId,
    Cadence cadence,
    List<String> categories,
    List<String> keywords,
    Status status,
    String manageKey,
    Instant createdAt,
    @Nullable Instant confirmedAt,
    Instant lastActiveAt) {
  public enum Status {
    /** Waiting for the confirmation link to be used; never mailed a digest. */
    PENDING,
    ACTIVE,
    PAUSED,
    UNSUBSCRIBED
  }

  public Subscription {
    categories = List.copyOf(categories);
    keywords = List.copyOf(keywords);
  }
}
