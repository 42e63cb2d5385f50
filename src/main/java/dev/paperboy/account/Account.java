package dev.paperboy.account;

import dev.paperboy.rules.Refusal;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member as the account itself knows them: sign-in address, verification and ban state. Never
 * shown to other members (they see {@link Member}).
 */
public record Account(
    long id,
    String username,
    String displayName,
    @Nullable String email,
    Role role,
    Instant createdAt,
    @Nullable Instant emailVerifiedAt,
    @Nullable Instant bannedAt,
    @Nullable String bannedBy,
    @Nullable String banReason) {

  public Member member() {
    return new Member(id, username, displayName, role, createdAt);
  }

  public boolean verified() {
    return emailVerifiedAt != null;
  }

  public boolean banned() {
    return bannedAt != null;
  }

  /** Curators and admins feature, pin and hide papers and hide comments. */
  public boolean curates() {
    return role == Role.CURATOR || role == Role.ADMIN;
  }

  /**
   * Only verified members who are not banned submit, vote and comment.
   *
   * @throws Refusal FORBIDDEN, saying why and, for a ban, who banned them
   */
  public void requireActive() {
    if (bannedAt != null) {
      throw Refusal.of(
          Refusal.Kind.FORBIDDEN,
          "Your account was banned by "
              + bannedBy
              + ": "
              + banReason
              + ". The moderation log at /moderation lists it.");
    }
    if (emailVerifiedAt == null) {
      throw Refusal.of(
          Refusal.Kind.FORBIDDEN,
          "Confirm your email address first: follow the link in the mail we sent you.");
    }
  }

  /**
   * Only active curators and admins feature, pin, remove, hide and ban.
   *
   * @throws Refusal FORBIDDEN for anyone else
   */
  public void requireCurator() {
    requireActive();
    if (!curates()) {
      throw Refusal.of(Refusal.Kind.FORBIDDEN, "Only curators and admins can do that.");
    }
  }

  /** Younger than {@code age} at {@code now}. */
  public boolean youngerThan(Duration age, Instant now) {
    return createdAt.plus(age).isAfter(now);
  }
}
