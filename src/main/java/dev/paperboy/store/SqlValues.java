package dev.paperboy.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The one place where SQL values differ between the engines. SQLite has no date type, so instants
 * are stored there as fixed-width ISO-8601 text (which sorts like time) and dates as {@code
 * YYYY-MM-DD}; PostgreSQL has {@code timestamptz} and {@code date}. Both take the same text as a
 * bind parameter (the PostgreSQL connection uses {@code stringtype=unspecified}), so stores bind
 * {@link #text(Instant)} and read with {@link #instant(ResultSet, String)}.
 */
public final class SqlValues {
  private static final DateTimeFormatter FIXED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private SqlValues() {}

  /** An instant as bind text, truncated to milliseconds, always the same width. */
  public static String text(Instant instant) {
    return FIXED.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  public static @Nullable String textOrNull(@Nullable Instant instant) {
    return instant == null ? null : text(instant);
  }

  /** A date as bind text. */
  public static String text(LocalDate date) {
    return date.toString();
  }

  public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offsetDateTime) {
      return offsetDateTime.toInstant();
    }
    return Instant.parse(value.toString());
  }

  public static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
    Instant instant = instant(rs, column);
    if (instant == null) {
      throw new SQLException("column " + column + " is null");
    }
    return instant;
  }

  public static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
    return toDate(rs.getObject(column));
  }

  public static @Nullable LocalDate date(ResultSet rs, int column) throws SQLException {
    return toDate(rs.getObject(column));
  }

  private static @Nullable LocalDate toDate(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toLocalDate();
    }
    return LocalDate.parse(value.toString());
  }

  public static LocalDate requiredDate(ResultSet rs, String column) throws SQLException {
    LocalDate date = date(rs, column);
    if (date == null) {
      throw new SQLException("column " + column + " is null");
    }
    return date;
  }
}
