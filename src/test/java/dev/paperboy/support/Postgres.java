package dev.paperboy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A throw-away database on the PostgreSQL server named by {@code PAPERBOY_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}, trust auth): each suite
 * gets a fresh database of its own.
 */
public final class Postgres {
  public static final String ADMIN_URL =
      System.getenv()
          .getOrDefault("PAPERBOY_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  public static final String USER =
      System.getenv().getOrDefault("PAPERBOY_TEST_PG_USER", "postgres");
  public static final String PASSWORD =
      System.getenv().getOrDefault("PAPERBOY_TEST_PG_PASSWORD", "");

  private Postgres() {}

  public static boolean available() {
    try (Connection ignored = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Skips (or, when required, fails) unless the server answers. */
  public static void require() {
    Requirements.need(
        "postgres",
        available(),
        "start PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) or set PAPERBOY_TEST_PG_URL");
  }

  /** Creates an empty database and answers its JDBC url. */
  public static String freshDatabase() {
    String name =
        "paperboy_test_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 12)
                .toLowerCase(Locale.ROOT);
    try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
  }

  /** A data directory (the search index) for a context: its own, as its database is. */
  public static Path freshDataDir() {
    try {
      return Files.createTempDirectory("paperboy-postgres-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
