package dev.paperboy.account;

import static dev.paperboy.store.SqlValues.instant;
import static dev.paperboy.store.SqlValues.requiredInstant;

import dev.paperboy.store.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account columns of the members table, and the verification and reset tokens. */
@Repository
class JdbcAccounts {
  private static final String COLUMNS =
      "id, username, display_name, email, role, created_at, email_verified_at, banned_at,"
          + " banned_by, ban_reason";

  private final JdbcClient jdbc;

  JdbcAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Account> byId(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE id = :id")
        .param("id", id)
        .query(JdbcAccounts::account)
        .optional();
  }

  Optional<Account> byEmail(String email) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE email = :email")
        .param("email", email)
        .query(JdbcAccounts::account)
        .optional();
  }

  Optional<Account> byUsername(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE lower(username) = lower(:username)")
        .param("username", username)
        .query(JdbcAccounts::account)
        .optional();
  }

  Optional<String> passwordHash(String email) {
    return jdbc.sql("SELECT password_hash FROM members WHERE email = :email")
        .param("email", email)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .optional()
        .flatMap(hash -> hash);
  }

  /** A new member; the email and username must be free (unique indexes enforce it). */
  long insert(
      String email,
      String username,
      String passwordHash,
      Role role,
      Instant now,
      @Nullable Instant verifiedAt) {
    jdbc.sql(
            """
            INSERT INTO members
                (username, display_name, role, created_at, email, password_hash, email_verified_at)
            VALUES (:username, :username, :role, :now, :email, :hash, :verified)
            """)
        .param("username", username)
        .param("role", role.name())
        .param("now", SqlValues.text(now))
        .param("email", email)
        .param("hash", passwordHash)
        .param("verified", SqlValues.textOrNull(verifiedAt))
        .update();
    return byEmail(email).orElseThrow().id();
  }

  void setPasswordHash(long id, String hash) {
    jdbc.sql("UPDATE members SET password_hash = :hash WHERE id = :id")
        .param("hash", hash)
        .param("id", id)
        .update();
  }

  void setPasswordHash(String email, String hash) {
    jdbc.sql("UPDATE members SET password_hash = :hash WHERE email = :email")
        .param("hash", hash)
        .param("email", email)
        .update();
  }

  void markVerified(long id, Instant now) {
    jdbc.sql(
            """
            UPDATE members SET email_verified_at = :now
            WHERE id = :id AND email_verified_at IS NULL
            """)
        .param("now", SqlValues.text(now))
        .param("id", id)
        .update();
  }

  void setRole(long id, Role role) {
    jdbc.sql("UPDATE members SET role = :role WHERE id = :id")
        .param("role", role.name())
        .param("id", id)
        .update();
  }

  void ban(long id, String bannedBy, String reason, Instant now) {
    jdbc.sql(
            """
            UPDATE members SET banned_at = :now, banned_by = :by, ban_reason = :reason
            WHERE id = :id
            """)
        .param("now", SqlValues.text(now))
        .param("by", bannedBy)
        .param("reason", reason)
        .param("id", id)
        .update();
  }

  void unban(long id) {
    jdbc.sql(
            "UPDATE members SET banned_at = NULL, banned_by = NULL, ban_reason = NULL WHERE id = :id")
        .param("id", id)
        .update();
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM members WHERE id = :id").param("id", id).update();
  }

  void insertToken(String hash, long memberId, Token.Purpose purpose, Instant now, Instant until) {
    jdbc.sql(
            """
            INSERT INTO account_tokens (token_hash, member_id, purpose, created_at, expires_at)
            VALUES (:hash, :member, :purpose, :now, :until)
            """)
        .param("hash", hash)
        .param("member", memberId)
        .param("purpose", purpose.name())
        .param("now", SqlValues.text(now))
        .param("until", SqlValues.text(until))
        .update();
  }

  Optional<Token> token(String hash, Token.Purpose purpose) {
    return jdbc.sql(
            """
            SELECT member_id, expires_at, used_at FROM account_tokens
            WHERE token_hash = :hash AND purpose = :purpose
            """)
        .param("hash", hash)
        .param("purpose", purpose.name())
        .query(
            (rs, n) ->
                new Token(
                    rs.getLong("member_id"),
                    requiredInstant(rs, "expires_at"),
                    instant(rs, "used_at")))
        .optional();
  }

  /** Marks the token used; false when another request used it first. */
  boolean useToken(String hash, Instant now) {
    return jdbc.sql(
                """
                UPDATE account_tokens SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL
                """)
            .param("now", SqlValues.text(now))
            .param("hash", hash)
            .update()
        == 1;
  }

  void deleteTokens(long memberId, Token.Purpose purpose) {
    jdbc.sql("DELETE FROM account_tokens WHERE member_id = :member AND purpose = :purpose")
        .param("member", memberId)
        .param("purpose", purpose.name())
        .update();
  }

  private static Account account(ResultSet rs, int row) throws SQLException {
    return new Account(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("email"),
        Role.valueOf(rs.getString("role")),
        requiredInstant(rs, "created_at"),
        instant(rs, "email_verified_at"),
        instant(rs, "banned_at"),
        rs.getString("banned_by"),
        rs.getString("ban_reason"));
  }
}
