package dev.paperboy.curation;

import static dev.paperboy.store.SqlValues.requiredDate;
import static dev.paperboy.store.SqlValues.requiredInstant;

import dev.paperboy.store.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
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
      int comments) {}

  private static final String COLUMNS =
      "arxiv_id, list_date, submitted_by, submitted_at, upvotes, comments";

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
                WHERE list_date = :date
                ORDER BY upvotes DESC, submitted_at, arxiv_id
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
    return jdbc.sql("SELECT " + COLUMNS + " FROM daily_entries WHERE arxiv_id IN (:ids)")
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
        rs.getInt("comments"));
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
                ORDER BY upvotes DESC, submitted_at, arxiv_id
                LIMIT :limit OFFSET :offset
                """)
        .param("from", SqlValues.text(from))
        .param("to", SqlValues.text(to))
        .param("submitter", submitter, java.sql.Types.BIGINT)
        .param("limit", limit)
        .param("offset", offset)
        .query(JdbcDailyEntries::row)
        .list();
  }

  Optional<LocalDate> latestOnOrBefore(LocalDate date) {
    return oneDate("SELECT max(list_date) FROM daily_entries WHERE list_date <= :date", date);
  }

  Optional<LocalDate> before(LocalDate date) {
    return oneDate("SELECT max(list_date) FROM daily_entries WHERE list_date < :date", date);
  }

  Optional<LocalDate> after(LocalDate date) {
    return oneDate("SELECT min(list_date) FROM daily_entries WHERE list_date > :date", date);
  }

  private Optional<LocalDate> oneDate(String sql, LocalDate date) {
    return jdbc.sql(sql)
        .param("date", SqlValues.text(date))
        .query((rs, n) -> Optional.ofNullable(SqlValues.date(rs, 1)))
        .single();
  }
}
