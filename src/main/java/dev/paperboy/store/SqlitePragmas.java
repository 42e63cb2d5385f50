package dev.paperboy.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Reads back the pragmas a SQLite connection really has: a setting that did not take is fatal. */
final class SqlitePragmas {
  private SqlitePragmas() {}

  static void verify(DataSource dataSource, int busyTimeoutMillis) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      expect(statement, "journal_mode", "wal");
      expect(statement, "synchronous", "2"); // FULL
      expect(statement, "foreign_keys", "1");
      expect(statement, "busy_timeout", Integer.toString(busyTimeoutMillis));
    } catch (SQLException e) {
      throw new StoreRefused("Cannot open the SQLite store: " + e.getMessage());
    }
  }

  private static void expect(Statement statement, String pragma, String expected)
      throws SQLException {
    try (ResultSet rs = statement.executeQuery("PRAGMA " + pragma)) {
      String actual = rs.next() ? rs.getString(1) : null;
      if (!expected.equalsIgnoreCase(actual)) {
        throw new StoreRefused(
            "SQLite pragma "
                + pragma
                + " is '"
                + actual
                + "', expected '"
                + expected
                + "'. Is the data directory on a local disk?");
      }
    }
  }
}
