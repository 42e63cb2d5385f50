package dev.paperboy.digest;

import dev.paperboy.mail.Addresses;
import dev.paperboy.rules.Limits;
import dev.paperboy.rules.RateLimits;
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
  private final RateLimits rateLimits;
  private final Limits limits;

  Bounces(
      Suppressions suppressions,
      DigestSettings settings,
      MeterRegistry meters,
      RateLimits rateLimits,
      Limits limits) {
    this.suppressions = suppressions;
    this.settings = settings;
    this.meters = meters;
    this.rateLimits = rateLimits;
    this.limits = limits;
  }

  /**
   * Whether the webhook is on and {@code presented} is its secret (compared in constant time). An
   * address that presented a wrong secret is counted, and once it has used up its allowance it is
   * refused before the secret is looked at: a guess that happens to be right cannot be told from a
   * wrong one. The relay, which never presents a wrong one, is never held back.
   *
   * @throws dev.paperboy.rules.Refusal TOO_MANY for an address that guessed too often
   */
  public boolean authentic(@Nullable String presented, String clientAddress) {
    if (rateLimits.used(limits.forgedBouncesPerIp(), clientAddress)) {
      rateLimits.check(limits.forgedBouncesPerIp(), clientAddress);
    }
    String secret = settings.bounceSecret();
    boolean authentic =
        !secret.isBlank()
            && presented != null
            && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    if (!authentic) {
      rateLimits.record(limits.forgedBouncesPerIp(), clientAddress);
    }
    return authentic;
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
