package dev.paperboy.account;

import dev.paperboy.store.Hashes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A verification or reset link's token as stored: whose, until when, and whether it was used. The
 * token itself is 256 random bits from a CSPRNG; only its SHA-256 is stored (AUTH-5).
 */
record Token(long memberId, Instant expiresAt, @Nullable Instant usedAt) {
  enum Purpose {
    VERIFY,
    RESET
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  static String newRaw() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String raw) {
    return Hashes.sha256Hex(raw);
  }
}
