package dev.paperboy.digest;

import dev.paperboy.mail.Addresses;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Bounce and complaint reports from the relay (MAIL-6), through a webhook that must present the
 * shared secret. A hard bounce or a complaint suppresses the address at once; soft bounces suppress
 * it once {@code soft-bounce-limit} of them fall within 30 days.
 */
@Service
public class Bounces {
  public enum Kind {
    HARD,
    SOFT,
    COMPLAINT
  }

  private final Suppressions suppressions;
  private final DigestSettings settings;
  private final MeterRegistry meters;

  Bounces(Suppressions suppressions, DigestSettings settings, MeterRegistry meters) {
    this.suppressions = suppressions;
    this.settings = settings;
    this.meters = meters;
  }

  /** Whether the webhook is on and {@code presented} is its secret (compared in constant time). */
  public boolean authentic(@Nullable String presented) {
    String secret = settings.bounceSecret();
    return !secret.isBlank()
        && presented != null
        && MessageDigest.isEqual(
            secret.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Records a report.
   *
   * @return whether the address is suppressed now
   * @throws dev.paperboy.rules.Refusal for an address that is not one
   */
  public boolean report(String email, Kind kind) {
    String address = Addresses.check(email);
    meters.counter("paperboy.digest.bounces", "kind", kind.name().toLowerCase()).increment();
    return switch (kind) {
      case HARD -> {
        suppressions.suppress(address, Suppressions.Reason.HARD_BOUNCE);
        yield true;
      }
      case COMPLAINT -> {
        suppressions.suppress(address, Suppressions.Reason.COMPLAINT);
        yield true;
      }
      case SOFT -> suppressions.softBounce(address, settings.softBounceLimit());
    };
  }

  /** Whether digests to the address are suppressed, for tests and support. */
  public boolean suppressed(String email) {
    return suppressions.suppressed(Addresses.normalize(email));
  }
}
