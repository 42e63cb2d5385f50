package dev.paperboy.digest;

import dev.paperboy.mail.Addresses;
import dev.paperboy.store.SqlValues;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Addresses never to mail a digest (MAIL-6, MAIL-7). Only a salted hash of each address is kept, so
 * that an erased subscriber leaves no address behind and is still never mailed again without a new
 * opt-in. The salt is a site secret, so the hashes cannot be matched against a list elsewhere.
 */
@Component
class Suppressions {
  enum Reason {
    HARD_BOUNCE,
    COMPLAINT,
    SOFT_BOUNCES,
    ERASED
  }

  /** Soft bounces count for this long (Postal keeps suppressions 30 days). */
  static final Duration SOFT_BOUNCE_WINDOW = Duration.ofDays(30);

  private final JdbcClient jdbc;
  private final SiteSecrets secrets;
  private final Clock clock;

  Suppressions(JdbcClient jdbc, SiteSecrets secrets, Clock clock) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.clock = clock;
  }

  String hash(String email) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              secrets.get("suppression-salt").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal(Addresses.normalize(email).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean suppressed(String email) {
    return jdbc.sql("SELECT count(*) FROM suppressions WHERE address_hash = :hash")
            .param("hash", hash(email))
            .query(Integer.class)
            .single()
        > 0;
  }

  void suppress(String email, Reason reason) {
    jdbc.sql(
            "INSERT INTO suppressions (address_hash, reason, created_at) VALUES (:hash, :reason,"
                + " :now) ON CONFLICT (address_hash) DO NOTHING")
        .param("hash", hash(email))
        .param("reason", reason.name())
        .param("now", SqlValues.text(clock.instant()))
        .update();
  }

  /** A new, confirmed opt-in lifts any suppression: the address has just proved it reads mail. */
  void lift(String email) {
    String hash = hash(email);
    jdbc.sql("DELETE FROM suppressions WHERE address_hash = :hash").param("hash", hash).update();
    jdbc.sql("DELETE FROM soft_bounces WHERE address_hash = :hash").param("hash", hash).update();
  }

  /**
   * Records a soft bounce; answers whether the address now has {@code limit} within the window, in
   * which case it is suppressed.
   */
  boolean softBounce(String email, int limit) {
    String hash = hash(email);
    Instant now = clock.instant();
    jdbc.sql("INSERT INTO soft_bounces (address_hash, bounced_at) VALUES (:hash, :now)")
        .param("hash", hash)
        .param("now", SqlValues.text(now))
        .update();
    int recent =
        jdbc.sql(
                "SELECT count(*) FROM soft_bounces WHERE address_hash = :hash AND bounced_at >="
                    + " :since")
            .param("hash", hash)
            .param("since", SqlValues.text(now.minus(SOFT_BOUNCE_WINDOW)))
            .query(Integer.class)
            .single();
    if (recent >= limit) {
      suppress(email, Reason.SOFT_BOUNCES);
      return true;
    }
    return false;
  }
}
