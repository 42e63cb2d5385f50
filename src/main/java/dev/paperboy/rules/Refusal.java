package dev.paperboy.rules;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A request the rules refuse, with a message meant for the person who made it. The kind says how
 * the edge answers: pages and the API map it to a status; nothing is stored when one is thrown.
 */
public class Refusal extends RuntimeException {
  /** Why, in HTTP's terms. */
  public enum Kind {
    INVALID(400),
    NOT_SIGNED_IN(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    GONE(410),
    TOO_LARGE(413),
    TOO_MANY(429),
    UNAVAILABLE(503);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final @Nullable String field;
  private final @Nullable Duration retryAfter;

  private Refusal(
      Kind kind, String message, @Nullable String field, @Nullable Duration retryAfter) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = field;
    this.retryAfter = retryAfter;
  }

  public static Refusal of(Kind kind, String message) {
    return new Refusal(kind, message, null, null);
  }

  /** Bad input in one form field; the form shows the message next to it. */
  public static Refusal field(String field, String message) {
    return new Refusal(Kind.INVALID, message, field, null);
  }

  public static Refusal tooMany(String message, Duration retryAfter) {
    return new Refusal(Kind.TOO_MANY, message, null, retryAfter);
  }

  public Kind kind() {
    return kind;
  }

  public @Nullable String field() {
    return field;
  }

  /** For {@link Kind#TOO_MANY}: when trying again can succeed, in whole seconds, at least 1. */
  public long retryAfterSeconds() {
    if (retryAfter == null) {
      return 1;
    }
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
