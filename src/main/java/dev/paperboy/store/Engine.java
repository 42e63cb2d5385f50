package dev.paperboy.store;

import org.jspecify.annotations.Nullable;

/** The two SQL engines Paperboy runs on. The few places where they differ switch on this. */
public enum Engine {
  SQLITE,
  POSTGRESQL;

  static Engine of(@Nullable String jdbcUrl) {
    if (jdbcUrl == null || jdbcUrl.isBlank() || jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "Unsupported database url '"
            + jdbcUrl
            + "': use a jdbc:postgresql: url, or leave PAPERBOY_DB_URL empty for SQLite");
  }
}
