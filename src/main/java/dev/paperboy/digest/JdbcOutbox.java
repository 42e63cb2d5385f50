package dev.paperboy.digest;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.store.Engine;
import dev.paperboy.store.SqlValues;
import dev.paperboy.store.StoreSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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

  JdbcOutbox(JdbcClient jdbc, StoreSettings store) {
    this.jdbc = jdbc;
    // PostgreSQL: senders on several nodes skip each other's rows. SQLite: the claim's write
    // transaction holds the whole database, so one sender claims at a time.
    this.skipLocked = store.engine() == Engine.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
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
                OR (status = 'SENDING' AND lease_until < :now)
            """)
        .param("now", SqlValues.text(now))
        .query(Integer.class)
        .single();
  }

  /**
   * Claims up to {@code limit} rows that are due: queued ones whose time has come, and rows left in
   * {@code SENDING} by a sender whose lease ran out (it died or hung: MAIL-1's restart case). Call
   * inside a transaction.
   */
  List<Claimed> claim(int limit, Instant now, Instant leaseUntil) {
    List<Long> ids =
        jdbc.sql(
                """
                SELECT id FROM digest_outbox
                 WHERE (status = 'QUEUED' AND next_attempt_at <= :now)
                    OR (status = 'SENDING' AND lease_until < :now)
                 ORDER BY id
                 LIMIT :limit
                """
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
            UPDATE digest_outbox SET status = 'SENDING', lease_until = :lease,
                   attempts = attempts + 1
             WHERE id IN (:ids)
            """)
        .param("lease", SqlValues.text(leaseUntil))
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

  void markSent(long id, Instant now) {
    finish(id, "SENT", now, null);
  }

  void markFailed(long id, Instant now, String error) {
    finish(id, "FAILED", now, error);
  }

  void markSkipped(long id, Instant now, String why) {
    finish(id, "SKIPPED", now, why);
  }

  private void finish(long id, String status, Instant now, @Nullable String error) {
    jdbc.sql(
            """
            UPDATE digest_outbox SET status = :status, lease_until = NULL, last_error = :error,
                   sent_at = COALESCE(:sentAt, sent_at)
             WHERE id = :id
            """)
        .param("status", status)
        .param("sentAt", status.equals("SENT") ? SqlValues.text(now) : null)
        .param("error", error == null ? null : clip(error))
        .param("id", id)
        .update();
  }

  /** Back to the queue, to be tried again at {@code at}. */
  void retry(long id, Instant at, String error) {
    jdbc.sql(
            """
            UPDATE digest_outbox SET status = 'QUEUED', lease_until = NULL, next_attempt_at = :at,
                   last_error = :error
             WHERE id = :id
            """)
        .param("at", SqlValues.text(at))
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
    for (ArxivId paper : papers) {
      jdbc.sql(
              """
              INSERT INTO digest_papers (subscription_id, paper_id, edition_id)
              VALUES (:subscription, :paper, :edition)
              ON CONFLICT (subscription_id, paper_id) DO NOTHING
              """)
          .param("subscription", subscriptionId)
          .param("paper", paper.base())
          .param("edition", editionId)
          .update();
    }
  }

  /**
   * Papers the subscriber was sent in other editions. This edition's are left out, so that a
   * message sent again after a crash holds the same papers.
   */
  Set<String> sentBefore(long subscriptionId, long editionId) {
    return new HashSet<>(
        jdbc.sql(
                """
                SELECT paper_id FROM digest_papers
                 WHERE subscription_id = :subscription AND edition_id <> :edition
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
