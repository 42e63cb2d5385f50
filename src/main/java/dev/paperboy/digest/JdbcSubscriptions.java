package dev.paperboy.digest;

import dev.paperboy.account.LinkState;
import dev.paperboy.store.Hashes;
import dev.paperboy.store.SqlValues;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The subscriptions table and its confirmation tokens. Categories are kept space-separated and
 * keywords one per line: both are checked to hold neither.
 */
@Repository
class JdbcSubscriptions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS =
      "id, email, member_id, cadence, categories, keywords, status, manage_key, created_at,"
          + " confirmed_at, last_active_at";

  private final JdbcClient jdbc;

  JdbcSubscriptions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Subscription> byEmail(String email) {
    return one("email = :v", email);
  }

  Optional<Subscription> byId(long id) {
    return one("id = :v", id);
  }

  Optional<Subscription> byKey(String key) {
    return one("manage_key = :v", key);
  }

  Optional<Subscription> byMember(long memberId) {
    return one("member_id = :v", memberId);
  }

  Optional<Subscription> byToken(String token) {
    return one(
        "id = (SELECT subscription_id FROM subscription_tokens WHERE token_hash = :v)",
        hash(token));
  }

  private Optional<Subscription> one(String where, Object value) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE " + where)
        .param("v", value)
        .query(JdbcSubscriptions::subscription)
        .optional();
  }

  long insert(
      String email,
      @Nullable Long memberId,
      Cadence cadence,
      Subscriptions.Origin origin,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO subscriptions (email, member_id, cadence, status, manage_key, created_at,
                                       consent_form, consent_ip, consent_user_agent, last_active_at)
            VALUES (:email, :member, :cadence, 'PENDING', :key, :now, :form, :ip, :agent, :now)
            """)
        .param("email", email)
        .param("member", memberId)
        .param("cadence", cadence.name())
        .param("key", newKey())
        .param("now", SqlValues.text(now))
        .param("form", origin.form())
        .param("ip", origin.clientAddress())
        .param("agent", clip(origin.userAgent(), 500))
        .update();
    return jdbc.sql("SELECT id FROM subscriptions WHERE email = :email")
        .param("email", email)
        .query(Long.class)
        .single();
  }

  /** A member's own, verified address: active at once, tied to the account. */
  void activateOwn(
      long id,
      long memberId,
      Cadence cadence,
      List<String> categories,
      List<String> keywords,
      Instant now) {
    jdbc.sql(
            """
            UPDATE subscriptions
               SET member_id = :member, status = 'ACTIVE', unsubscribed_at = NULL,
                   consent_form = 'member', confirmed_at = :now, last_active_at = :now
             WHERE id = :id
            """)
        .param("member", memberId)
        .param("now", SqlValues.text(now))
        .param("id", id)
        .update();
    setPreferences(id, cadence, categories, keywords, now);
  }

  void setPreferences(
      long id, Cadence cadence, List<String> categories, List<String> keywords, Instant now) {
    jdbc.sql(
            """
            UPDATE subscriptions
               SET cadence = :cadence, categories = :categories, keywords = :keywords,
                   last_active_at = :now
             WHERE id = :id
            """)
        .param("cadence", cadence.name())
        .param("categories", String.join(" ", categories))
        .param("keywords", String.join("\n", keywords))
        .param("now", SqlValues.text(now))
        .param("id", id)
        .update();
  }

  /**
   * Takes the address's one sign-up mail of the day: true if no mail went out since {@code
   * earliest}, and then the time is set, in one statement so that racing requests take it once.
   */
  boolean takeMailSlot(long id, Instant now, Instant earliest) {
    return jdbc.sql(
                """
                UPDATE subscriptions SET confirmation_sent_at = :now
                 WHERE id = :id
                   AND (confirmation_sent_at IS NULL OR confirmation_sent_at <= :earliest)
                """)
            .param("now", SqlValues.text(now))
            .param("earliest", SqlValues.text(earliest))
            .param("id", id)
            .update()
        == 1;
  }

  /** A pending or unsubscribed address signs up again: new preferences, new consent, pending. */
  void reopen(
      long id,
      Cadence cadence,
      List<String> categories,
      List<String> keywords,
      Subscriptions.Origin origin,
      Instant now) {
    jdbc.sql(
            """
            UPDATE subscriptions
               SET status = 'PENDING', consent_form = :form, consent_ip = :ip,
                   consent_user_agent = :agent
             WHERE id = :id AND status IN ('PENDING', 'UNSUBSCRIBED')
            """)
        .param("form", origin.form())
        .param("ip", origin.clientAddress())
        .param("agent", clip(origin.userAgent(), 500))
        .param("id", id)
        .update();
    setPreferences(id, cadence, categories, keywords, now);
  }

  /** A new confirmation token; only its hash is stored. Returns the token for the link. */
  String issueToken(long id, Instant now, Instant expires) {
    String token = newKey();
    jdbc.sql(
            """
            INSERT INTO subscription_tokens (token_hash, subscription_id, created_at, expires_at)
            VALUES (:hash, :id, :now, :expires)
            """)
        .param("hash", hash(token))
        .param("id", id)
        .param("now", SqlValues.text(now))
        .param("expires", SqlValues.text(expires))
        .update();
    return token;
  }

  LinkState tokenState(String token, Instant now) {
    return jdbc.sql("SELECT expires_at, used_at FROM subscription_tokens WHERE token_hash = :hash")
        .param("hash", hash(token))
        .query(
            (rs, n) -> {
              if (SqlValues.instant(rs, "used_at") != null) {
                return LinkState.USED;
              }
              return SqlValues.requiredInstant(rs, "expires_at").isAfter(now)
                  ? LinkState.VALID
                  : LinkState.EXPIRED;
            })
        .optional()
        .orElse(LinkState.UNKNOWN);
  }

  /** Marks a valid token used; answers its subscription. */
  long useToken(String token, Instant now) {
    String hash = hash(token);
    jdbc.sql("UPDATE subscription_tokens SET used_at = :now WHERE token_hash = :hash")
        .param("now", SqlValues.text(now))
        .param("hash", hash)
        .update();
    return jdbc.sql("SELECT subscription_id FROM subscription_tokens WHERE token_hash = :hash")
        .param("hash", hash)
        .query(Long.class)
        .single();
  }

  void confirm(long id, Instant now) {
    jdbc.sql(
            """
            UPDATE subscriptions
               SET status = 'ACTIVE', confirmed_at = :now, unsubscribed_at = NULL,
                   last_active_at = :now
             WHERE id = :id
            """)
        .param("now", SqlValues.text(now))
        .param("id", id)
        .update();
  }

  void touch(long id, Instant now) {
    jdbc.sql("UPDATE subscriptions SET last_active_at = :now WHERE id = :id")
        .param("now", SqlValues.text(now))
        .param("id", id)
        .update();
  }

  /** Unsubscribes; true also when it already was (the one-click POST may be replayed). */
  boolean unsubscribe(long id, Instant now) {
    jdbc.sql(
            """
            UPDATE subscriptions SET status = 'UNSUBSCRIBED', unsubscribed_at = :now
             WHERE id = :id AND status <> 'UNSUBSCRIBED'
            """)
        .param("now", SqlValues.text(now))
        .param("id", id)
        .update();
    return true;
  }

  void pause(long id, boolean paused, Instant now) {
    jdbc.sql(
            """
            UPDATE subscriptions SET status = :to, last_active_at = :now
             WHERE id = :id AND status = :from
            """)
        .param("to", paused ? "PAUSED" : "ACTIVE")
        .param("from", paused ? "ACTIVE" : "PAUSED")
        .param("now", SqlValues.text(now))
        .param("id", id)
        .update();
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM digest_papers WHERE subscription_id = :id").param("id", id).update();
    jdbc.sql("DELETE FROM digest_outbox WHERE subscription_id = :id").param("id", id).update();
    jdbc.sql("DELETE FROM subscription_tokens WHERE subscription_id = :id")
        .param("id", id)
        .update();
    jdbc.sql("DELETE FROM subscriptions WHERE id = :id").param("id", id).update();
  }

  /** Everything kept about a subscriber, as text for the export mail. */
  String export(long id) {
    StringBuilder text = new StringBuilder("Everything Paperboy keeps about your digest:\n\n");
    jdbc.sql(
            """
            SELECT email, cadence, categories, keywords, status, created_at, consent_form,
                   consent_ip, consent_user_agent, confirmed_at, unsubscribed_at, last_active_at
              FROM subscriptions WHERE id = :id
            """)
        .param("id", id)
        .query(
            rs -> {
              var meta = rs.getMetaData();
              for (int c = 1; c <= meta.getColumnCount(); c++) {
                text.append(meta.getColumnLabel(c).toLowerCase(Locale.ROOT))
                    .append(": ")
                    .append(rs.getString(c) == null ? "" : rs.getString(c).replace("\n", ", "))
                    .append('\n');
              }
            });
    text.append("\nDigests sent to you:\n");
    jdbc.sql(
            """
            SELECT e.cadence, e.period, o.status, o.sent_at
              FROM digest_outbox o JOIN digest_editions e ON e.id = o.edition_id
             WHERE o.subscription_id = :id ORDER BY e.id
            """)
        .param("id", id)
        .query(
            rs -> {
              text.append("- ")
                  .append(rs.getString(1).toLowerCase(Locale.ROOT))
                  .append(' ')
                  .append(rs.getString(2))
                  .append(": ")
                  .append(rs.getString(3).toLowerCase(Locale.ROOT))
                  .append(rs.getString(4) == null ? "" : " " + rs.getString(4))
                  .append('\n');
            });
    return text.toString();
  }

  private static Subscription subscription(ResultSet rs, int row) throws SQLException {
    long member = rs.getLong("member_id");
    return new Subscription(
        rs.getLong("id"),
        rs.getString("email"),
        rs.wasNull() ? null : member,
        Cadence.valueOf(rs.getString("cadence")),
        split(rs.getString("categories"), " "),
        split(rs.getString("keywords"), "\n"),
        Subscription.Status.valueOf(rs.getString("status")),
        rs.getString("manage_key"),
        SqlValues.requiredInstant(rs, "created_at"),
        SqlValues.instant(rs, "confirmed_at"),
        SqlValues.requiredInstant(rs, "last_active_at"));
  }

  private static List<String> split(String joined, String separator) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(separator));
  }

  /** 192 random bits, URL-safe. */
  private static String newKey() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    return Hashes.sha256Hex(token);
  }

  private static @Nullable String clip(@Nullable String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
