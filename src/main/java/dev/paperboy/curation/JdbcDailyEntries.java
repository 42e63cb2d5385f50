package dev.paperboy.curation;

import static dev.paperboy.store.SqlValues.requiredDate;
import static dev.paperboy.store.SqlValues.requiredInstant;

import dev.paperboy.store.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The daily_entries table; {@link DailyLists} joins its rows with papers and members. */
@Repository
class JdbcDailyEntries {
  record Row(
      String arxivId,
      LocalDate listDate,
      long submittedBy,
      Instant submittedAt,
      int upvotes,
      int comments,
      boolean pinned) {}

  private static final String COLUMNS =
      "arxiv_id, list_date, submitted_by, submitted_at, upvotes, comments, pinned";

  private final JdbcClient jdbc;

  JdbcDailyEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A day's entries, most upvoted first, ties by who was first. */
  List<Row> day(LocalDate date, int offset, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM daily_entries
                                WHERE list_date = :date AND hidden_at IS NULL
                ORDER BY pinned DESC, upvotes DESC, submitted_at, arxiv_id
                LIMIT :limit OFFSET :offset
                """)
        .param("date", SqlValues.text(date))
        .param("limit", limit)
        .param("offset", offset)
        .query(JdbcDailyEntries::row)
        .list();
  }

  List<Row> forPapers(List<String> arxivIds) {
    if (arxivIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM daily_entries WHERE arxiv_id IN (:ids) AND hidden_at IS NULL")
        .param("ids", arxivIds)
        .query(JdbcDailyEntries::row)
        .list();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getString("arxiv_id"),
        requiredDate(rs, "list_date"),
        rs.getLong("submitted_by"),
        requiredInstant(rs, "submitted_at"),
        rs.getInt("upvotes"),
        rs.getInt("comments"),
        rs.getInt("pinned") == 1);
  }

  boolean insert(String arxivId, LocalDate date, long memberId, Instant at) {
    return jdbc.sql(
                """
                INSERT INTO daily_entries (arxiv_id, list_date, submitted_by, submitted_at)
                VALUES (:id, :date, :member, :at)
                ON CONFLICT (arxiv_id) DO NOTHING
                """)
            .param("id", arxivId)
            .param("date", SqlValues.text(date))
            .param("member", memberId)
            .param("at", SqlValues.text(at))
            .update()
        == 1;
  }

  /**
   * Entries with a list day in [from, to], most upvoted first; only those submitted by {@code
   * submitter} when it is not null.
   */
  List<Row> range(LocalDate from, LocalDate to, @Nullable Long submitter, int offset, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM daily_entries
                WHERE list_date >= :from AND list_date <= :to
                                    AND (:submitter IS NULL OR submitted_by = :submitter)
                  AND hidden_at IS NULL
                ORDER BY upvotes DESC, submitted_at, arxiv_id
                LIMIT :limit OFFSET :offset
                """)
        .param("from", SqlValues.text(from))
        .param("to", SqlValues.text(to))
        .param("submitter", submitter, Types.BIGINT)
        .param("limit", limit)
        .param("offset", offset)
        .query(JdbcDailyEntries::row)
        .list();
  }

  Optional<LocalDate> latestOnOrBefore(LocalDate date) {
    return oneDate(
        "SELECT max(list_date) FROM daily_entries WHERE list_date <= :date AND hidden_at IS NULL",
        date);
  }

  Optional<LocalDate> before(LocalDate date) {
    return oneDate(
        "SELECT max(list_date) FROM daily_entries WHERE list_date < :date AND hidden_at IS NULL",
        date);
  }

  Optional<LocalDate> after(LocalDate date) {
    return oneDate(
        "SELECT min(list_date) FROM daily_entries WHERE list_date > :date AND hidden_at IS NULL",
        date);
  }

  private Optional<LocalDate> oneDate(String sql, LocalDate date) {
    return jdbc.sql(sql)
        .param("date", SqlValues.text(date))
        .query((rs, n) -> Optional.ofNullable(SqlValues.date(rs, 1)))
        .single();
  }

  /**
   * Takes the entry's row lock before its votes change, so concurrent votes on one paper count in
   * turn and none is lost (on PostgreSQL the recount then sees every committed vote; SQLite has one
   * writer anyway). False when the paper is on no list.
   */
  boolean lock(String arxivId) {
    return jdbc.sql("UPDATE daily_entries SET upvotes = upvotes WHERE arxiv_id = :id")
            .param("id", arxivId)
            .update()
        == 1;
  }

  /**
   * Sets the upvote counts of those papers' entries from the votes that count (weight 1, by members
   * who are not banned: {@code votes.counted}). The count is derived data, recomputed rather than
   * incremented, so it heals. The rows are locked first, one by one in id order (so two recounts
   * never deadlock), and counted by a statement that starts after: on PostgreSQL it then sees every
   * vote committed before.
   */
  void recountUpvotes(List<String> arxivIds) {
    if (arxivIds.isEmpty()) {
      return;
    }
    arxivIds.stream().distinct().sorted().forEach(this::lock);
    jdbc.sql(
            """
            UPDATE daily_entries SET upvotes = (
                SELECT count(*) FROM votes
                WHERE votes.arxiv_id = daily_entries.arxiv_id AND votes.counted = 1)
            WHERE arxiv_id IN (:ids)
            """)
        .param("ids", arxivIds)
        .update();
  }

  /** Moves the paper's count by a vote just added or taken back, under the entry's lock. */
  void addUpvotes(String arxivId, int delta) {
    if (delta != 0) {
      jdbc.sql("UPDATE daily_entries SET upvotes = upvotes + :delta WHERE arxiv_id = :id")
          .param("delta", delta)
          .param("id", arxivId)
          .update();
    }
  }

  void setComments(String arxivId, int comments) {
    jdbc.sql("UPDATE daily_entries SET comments = :comments WHERE arxiv_id = :id")
        .param("comments", comments)
        .param("id", arxivId)
        .update();
  }

  int upvotes(String arxivId) {
    return jdbc.sql("SELECT upvotes FROM daily_entries WHERE arxiv_id = :id")
        .param("id", arxivId)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  boolean setPinned(String arxivId, boolean pinned) {
    return jdbc.sql("UPDATE daily_entries SET pinned = :pinned WHERE arxiv_id = :id")
            .param("pinned", pinned ? 1 : 0)
            .param("id", arxivId)
            .update()
        == 1;
  }

  boolean setHidden(String arxivId, @Nullable Instant at) {
    return jdbc.sql("UPDATE daily_entries SET hidden_at = :at WHERE arxiv_id = :id")
            .param("at", SqlValues.textOrNull(at))
            .param("id", arxivId)
            .update()
        == 1;
  }

  boolean delete(String arxivId) {
    return jdbc.sql("DELETE FROM daily_entries WHERE arxiv_id = :id").param("id", arxivId).update()
        == 1;
  }

  /** Hands a leaving member's entries to the placeholder member. */
  void reassign(long fromMember, long toMember) {
    jdbc.sql("UPDATE daily_entries SET submitted_by = :to WHERE submitted_by = :from")
        .param("to", toMember)
        .param("from", fromMember)
        .update();
  }

  /** How many entries the member submitted since then. */
  int submittedSince(long memberId, Instant since) {
    return jdbc.sql(
            "SELECT count(*) FROM daily_entries WHERE submitted_by = :member AND submitted_at >= :since")
        .param("member", memberId)
        .param("since", SqlValues.text(since))
        .query(Integer.class)
        .single();
  }
}
