package dev.paperboy.digest;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.store.Engine;
import dev.paperboy.store.SqlValues;
import dev.paperboy.store.StoreSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Editions, the outbox of their messages, and the papers each subscriber has been sent. */
@Repository
class JdbcOutbox {
  private static final String EDITION_COLUMNS =
      "id, cadence, period, first_day, last_day, papers, created_at";

  private final JdbcClient jdbc;
  private final String skipLocked;
  private final String leaseNow;
  private final String leaseUntil;

  JdbcOutbox(JdbcClient jdbc, StoreSettings store) {
    this.jdbc = jdbc;
    boolean postgres = store.engine() == Engine.POSTGRESQL;
    // PostgreSQL: senders on several nodes skip each other's rows. SQLite: the claim's write
    // transaction holds the whole database, so one sender claims at a time.
    this.skipLocked = postgres ? " FOR UPDATE SKIP LOCKED" : "";
    // Leases run on the database's clock where several nodes share it (NODE-2): a node whose
    // clock runs ahead must not take over rows another node is still sending. SQLite has one
    // node, whose clock is the only one.
    this.leaseNow = postgres ? "now()" : ":now";
    this.leaseUntil = postgres ? "now() + make_interval(secs => :leaseSeconds)" : ":lease";
  }

  /** A claimed row: what one message needs. */
  record Claimed(long id, long editionId, long subscriptionId, String messageId, int attempts) {}

  /** Counts of an edition's rows by state. */
  record Progress(int queued, int sending, int sent, int failed, int skipped) {
    int total() {
      return queued + sending + sent + failed + skipped;
    }

    boolean done() {
      return queued == 0 && sending == 0;
    }
  }

  /** Inserts the edition unless its cadence and period has one; answers the new id, if any. */
  Optional<Long> insertEdition(
      Cadence cadence,
      String period,
      LocalDate first,
      LocalDate last,
      List<ArxivId> papers,
      Instant now) {
    int inserted =
        jdbc.sql(
                """
                INSERT INTO digest_editions (cadence, period, first_day, last_day, papers, created_at)
                VALUES (:cadence, :period, :first, :last, :papers, :now)
                ON CONFLICT (cadence, period) DO NOTHING
                """)
            .param("cadence", cadence.name())
            .param("period", period)
            .param("first", SqlValues.text(first))
            .param("last", SqlValues.text(last))
            .param("papers", String.join(" ", papers.stream().map(ArxivId::base).toList()))
            .param("now", SqlValues.text(now))
            .update();
    return inserted == 0 ? Optional.empty() : edition(cadence, period).map(Edition::id);
  }

  /**
   * One outbox row for each active subscriber of the cadence who showed a sign of life since {@code
   * activeSince}, in the edition's transaction. The Message-ID is fixed here, so a re-sent row
   * carries the same one and receiving systems can drop the duplicate.
   */
  int queue(
      long editionId,
      Cadence cadence,
      Instant activeSince,
      String idPrefix,
      String domain,
      Instant now) {
    return jdbc.sql(
            """
            INSERT INTO digest_outbox (edition_id, subscription_id, status, next_attempt_at,
                                       message_id)
            SELECT :edition, s.id, 'QUEUED', :now,
                   '<' || :prefix || s.id || '@' || :domain || '>'
              FROM subscriptions s
             WHERE s.status = 'ACTIVE' AND s.cadence = :cadence AND s.last_active_at >= :since
             ORDER BY s.id
            ON CONFLICT (edition_id, subscription_id) DO NOTHING
            """)
        .param("edition", editionId)
        .param("now", SqlValues.text(now))
        .param("prefix", idPrefix)
        .param("domain", domain)
        .param("cadence", cadence.name())
        .param("since", SqlValues.text(activeSince))
        .update();
  }

  Optional<Edition> edition(Cadence cadence, String period) {
    return jdbc.sql(
            "SELECT "
                + EDITION_COLUMNS
                + " FROM digest_editions"
                + " WHERE cadence = :cadence AND period = :period")
        .param("cadence", cadence.name())
        .param("period", period)
        .query(JdbcOutbox::edition)
        .optional();
  }

  Optional<Edition> edition(long id) {
    return jdbc.sql("SELECT " + EDITION_COLUMNS + " FROM digest_editions WHERE id = :id")
        .param("id", id)
        .query(JdbcOutbox::edition)
        .optional();
  }

  List<Edition> recentEditions(int limit) {
    return jdbc.sql(
            "SELECT " + EDITION_COLUMNS + " FROM digest_editions ORDER BY id DESC LIMIT :limit")
        .param("limit", limit)
        .query(JdbcOutbox::edition)
        .list();
  }

  Progress progress(long editionId) {
    int[] counts = new int[5];
    jdbc.sql("SELECT status, count(*) FROM digest_outbox WHERE edition_id = :id GROUP BY status")
        .param("id", editionId)
        .query(
            rs -> {
              int n = rs.getInt(2);
              switch (rs.getString(1)) {
                case "QUEUED" -> counts[0] = n;
                case "SENDING" -> counts[1] = n;
                case "SENT" -> counts[2] = n;
                case "FAILED" -> counts[3] = n;
                default -> counts[4] = n;
              }
            });
    return new Progress(counts[0], counts[1], counts[2], counts[3], counts[4]);
  }

  /** Rows waiting to be sent, over all editions. */
  int due(Instant now) {
    return jdbc.sql(
            """
            SELECT count(*) FROM digest_outbox
             WHERE (status = 'QUEUED' AND next_attempt_at <= :now)
                OR (status = 'SENDING' AND lease_until < %s)
            """
                .formatted(leaseNow))
        .param("now", SqlValues.text(now))
        .query(Integer.class)
        .single();
  }

  /**
   * Claims up to {@code limit} rows that are due: queued ones whose time has come, and rows left in
   * {@code SENDING} by a sender whose lease ran out (it died or hung: MAIL-1's restart case). Call
   * inside a transaction.
   */
  List<Claimed> claim(int limit, Instant now, Duration lease) {
    List<Long> ids =
        jdbc.sql(
                """
                SELECT id FROM digest_outbox
                 WHERE (status = 'QUEUED' AND next_attempt_at <= :now)
                    OR (status = 'SENDING' AND lease_until < %s)
                 ORDER BY id
                 LIMIT :limit
                """
                        .formatted(leaseNow)
                    + skipLocked)
            .param("now", SqlValues.text(now))
            .param("limit", limit)
            .query(Long.class)
            .list();
    if (ids.isEmpty()) {
      return List.of();
    }
    jdbc.sql(
            """
            UPDATE digest_outbox SET status = 'SENDING', lease_until = %s,
                   attempts = attempts + 1
             WHERE id IN (:ids)
            """
                .formatted(leaseUntil))
        .param("lease", SqlValues.text(now.plus(lease)))
        .param("leaseSeconds", lease.toSeconds())
        .param("ids", ids)
        .update();
    return jdbc.sql(
            """
            SELECT id, edition_id, subscription_id, message_id, attempts FROM digest_outbox
             WHERE id IN (:ids) ORDER BY id
            """)
        .param("ids", ids)
        .query(
            (rs, n) ->
                new Claimed(
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5)))
        .list();
  }

  void markSent(long id, Instant now, Instant granted) {
    finish(id, "SENT", now, granted, null);
  }

  void markFailed(long id, Instant now, @Nullable Instant granted, String error) {
    finish(id, "FAILED", now, granted, error);
  }

  void markSkipped(long id, Instant now, String why) {
    finish(id, "SKIPPED", now, null, why);
  }

  private void finish(
      long id, String status, Instant now, @Nullable Instant granted, @Nullable String error) {
    jdbc.sql(
            """
            UPDATE digest_outbox SET status = :status, lease_until = NULL, last_error = :error,
                   sent_at = COALESCE(:sentAt, sent_at),
                   granted_at = COALESCE(:granted, granted_at)
             WHERE id = :id
            """)
        .param("status", status)
        .param("sentAt", status.equals("SENT") ? SqlValues.text(now) : null)
        .param("granted", SqlValues.textOrNull(granted))
        .param("error", error == null ? null : clip(error))
        .param("id", id)
        .update();
  }

  /** Back to the queue, to be tried again at {@code at}. */
  void retry(long id, Instant at, Instant granted, String error) {
    jdbc.sql(
            """
            UPDATE digest_outbox SET status = 'QUEUED', lease_until = NULL, next_attempt_at = :at,
                   granted_at = :granted, last_error = :error
             WHERE id = :id
            """)
        .param("at", SqlValues.text(at))
        .param("granted", SqlValues.text(granted))
        .param("error", clip(error))
        .param("id", id)
        .update();
  }

  /** Claimed rows this sender will not get to (a paused edition): queued again, uncounted. */
  void release(List<Long> ids, Instant at) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            UPDATE digest_outbox SET status = 'QUEUED', lease_until = NULL, next_attempt_at = :at,
                   attempts = attempts - 1
             WHERE id IN (:ids) AND status = 'SENDING'
            """)
        .param("at", SqlValues.text(at))
        .param("ids", ids)
        .update();
  }

  void recordPapers(long subscriptionId, long editionId, List<ArxivId> papers) {
    if (papers.isEmpty()) {
      return;
    }
    // One statement for the digest's papers: this runs once per message sent.
    StringBuilder values = new StringBuilder();
    Map<String, Object> params = new HashMap<>();
    params.put("subscription", subscriptionId);
    params.put("edition", editionId);
    for (int i = 0; i < papers.size(); i++) {
      values
          .append(i == 0 ? "" : ", ")
          .append("(:subscription, :paper")
          .append(i)
          .append(", :edition)");
      params.put("paper" + i, papers.get(i).base());
    }
    jdbc.sql(
            "INSERT INTO digest_papers (subscription_id, paper_id, edition_id) VALUES "
                + values
                + " ON CONFLICT (subscription_id, paper_id) DO NOTHING")
        .params(params)
        .update();
  }

  /**
   * Papers the subscriber was sent in earlier editions. This edition's are left out, so that a
   * message sent again after a crash holds the same papers, and so are later editions', so that
   * "view in browser" shows an old digest as it was.
   */
  Set<String> sentBefore(long subscriptionId, long editionId) {
    return new HashSet<>(
        jdbc.sql(
                """
                SELECT paper_id FROM digest_papers
                 WHERE subscription_id = :subscription AND edition_id < :edition
                """)
            .param("subscription", subscriptionId)
            .param("edition", editionId)
            .query(String.class)
            .list());
  }

  private static Edition edition(ResultSet rs, int row) throws SQLException {
    String papers = rs.getString("papers");
    return new Edition(
        rs.getLong("id"),
        Cadence.valueOf(rs.getString("cadence")),
        rs.getString("period"),
        SqlValues.requiredDate(rs, "first_day"),
        SqlValues.requiredDate(rs, "last_day"),
        papers.isEmpty()
            ? List.of()
            : Arrays.stream(papers.split(" ")).map(ArxivId::parse).toList(),
        SqlValues.requiredInstant(rs, "created_at"));
  }

  private static String clip(String error) {
    return error.length() > 1000 ? error.substring(0, 1000) : error;
  }
}
