package dev.paperboy.account;

import dev.paperboy.rules.Refusal;
import dev.paperboy.store.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens (docs/reliability.md API-4): 256 random bits from a CSPRNG behind a {@code
 * pb_} prefix (so a leaked one is easy to find in code), shown once; the store keeps only their
 * SHA-256, which is enough for a secret of that strength. A token carries scopes and can be
 * revoked; the only reader and writer of {@code api_tokens}.
 */
@Service
public class ApiTokens {
  public static final String PREFIX = "pb_";
  public static final int MAX_LIVE = 20;
  private static final int MAX_NAME = 60;

  /** Last use is recorded at most this often: a busy script must not write on every request. */
  private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final JdbcAccounts accounts;
  private final Clock clock;

  ApiTokens(JdbcClient jdbc, JdbcAccounts accounts, Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** A token just made: the raw value, shown to its owner this once, and how it is listed. */
  public record Created(String raw, ApiToken token) {}

  /**
   * @throws Refusal INVALID for a blank or long name, no scopes, or past {@value #MAX_LIVE} live
   *     tokens; FORBIDDEN for a banned member
   */
  @Transactional
  public Created create(Account member, String name, Set<ApiToken.Scope> scopes) {
    if (member.banned()) {
      throw Refusal.of(Refusal.Kind.FORBIDDEN, "This account is banned.");
    }
    String clean = name.strip().replaceAll("\\p{Cntrl}", "");
    if (clean.isEmpty() || clean.length() > MAX_NAME) {
      throw Refusal.field("name", "Name the token (at most " + MAX_NAME + " characters).");
    }
    if (scopes.isEmpty()) {
      throw Refusal.field("scopes", "Choose what the token may do.");
    }
    if (list(member.id()).stream().filter(t -> !t.revoked()).count() >= MAX_LIVE) {
      throw Refusal.field("name", "Revoke a token first: at most " + MAX_LIVE + " are live.");
    }
    String raw = PREFIX + Token.newRaw();
    jdbc.sql(
            """
            INSERT INTO api_tokens (member_id, token_hash, name, scopes, created_at)
            VALUES (:member, :hash, :name, :scopes, :now)
            """)
        .param("member", member.id())
        .param("hash", Token.hash(raw))
        .param("name", clean)
        .param("scopes", ApiToken.Scope.write(scopes))
        .param("now", SqlValues.text(clock.instant()))
        .update();
    long id =
        jdbc.sql("SELECT id FROM api_tokens WHERE token_hash = :hash")
            .param("hash", Token.hash(raw))
            .query(Long.class)
            .single();
    return new Created(raw, find(member.id(), id).orElseThrow());
  }

  /** The member's tokens, newest first, revoked ones included. */
  public List<ApiToken> list(long memberId) {
    return jdbc.sql(
            """
            SELECT id, member_id, name, scopes, created_at, last_used_at, revoked_at
            FROM api_tokens WHERE member_id = :member ORDER BY created_at DESC, id DESC
            """)
        .param("member", memberId)
        .query(ApiTokens::token)
        .list();
  }

  /** Revokes one of the member's tokens; another member's token id is answered as unknown. */
  @Transactional
  public void revoke(long memberId, long tokenId) {
    ApiToken token =
        find(memberId, tokenId)
            .orElseThrow(() -> Refusal.of(Refusal.Kind.NOT_FOUND, "No token " + tokenId + "."));
    if (!token.revoked()) {
      jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE id = :id")
          .param("id", tokenId)
          .param("now", SqlValues.text(clock.instant()))
          .update();
    }
  }

  /** The member a live token acts for; empty for an unknown, revoked or malformed one. */
  public Optional<TokenAuthentication> authenticate(String raw) {
    if (!raw.startsWith(PREFIX) || raw.length() > 100) {
      return Optional.empty();
    }
    Optional<Used> used =
        jdbc.sql(
                """
                SELECT id, member_id, scopes, last_used_at FROM api_tokens
                WHERE token_hash = :hash AND revoked_at IS NULL
                """)
            .param("hash", Token.hash(raw))
            .query(
                (rs, n) ->
                    new Used(
                        rs.getLong("id"),
                        rs.getLong("member_id"),
                        ApiToken.Scope.parse(rs.getString("scopes")),
                        SqlValues.instant(rs, "last_used_at")))
            .optional();
    return used.flatMap(
        u -> {
          Instant now = clock.instant();
          if (u.lastUsedAt() == null || u.lastUsedAt().plus(USE_RESOLUTION).isBefore(now)) {
            jdbc.sql("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
                .param("id", u.id())
                .param("now", SqlValues.text(now))
                .update();
          }
          return accounts
              .byId(u.memberId())
              .map(
                  a ->
                      new TokenAuthentication(
                          new SignedIn(
                              a.id(),
                              a.username(),
                              Objects.requireNonNullElse(a.email(), ""),
                              a.role(),
                              null),
                          u.scopes()));
        });
  }

  private record Used(
      long id, long memberId, Set<ApiToken.Scope> scopes, @Nullable Instant lastUsedAt) {}

  private Optional<ApiToken> find(long memberId, long id) {
    return list(memberId).stream().filter(t -> t.id() == id).findFirst();
  }

  private static ApiToken token(ResultSet rs, int row) throws SQLException {
    return new ApiToken(
        rs.getLong("id"),
        rs.getLong("member_id"),
        rs.getString("name"),
        ApiToken.Scope.parse(rs.getString("scopes")),
        SqlValues.requiredInstant(rs, "created_at"),
        SqlValues.instant(rs, "last_used_at"),
        SqlValues.instant(rs, "revoked_at"));
  }
}
