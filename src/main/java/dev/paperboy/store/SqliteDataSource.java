package dev.paperboy.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * SQLite's connections, as docs/reliability.md DATA-1 asks: one writer connection for every
 * read-write transaction, which therefore run one after another in the pool's queue (never two of
 * them in SQLite's busy handler, polling for the lock), and a pool of readers for everything else.
 * In WAL mode readers never wait for the writer nor it for them. Which one a transaction gets is
 * decided as it begins ({@link SqliteTransactionManager}); statements outside a transaction go to a
 * reader in autocommit, where an occasional write still works (SQLite's busy timeout covers it).
 */
final class SqliteDataSource implements DataSource, Closeable {
  private static final ThreadLocal<Boolean> WRITE = new ThreadLocal<>();

  private final HikariDataSource writer;
  private final HikariDataSource readers;

  SqliteDataSource(HikariDataSource writer, HikariDataSource readers) {
    this.writer = writer;
    this.readers = readers;
  }

  /**
   * Runs {@code begin} with connections taken from the writer: the start of a write transaction.
   */
  static void beginningWrite(Runnable begin) {
    WRITE.set(Boolean.TRUE);
    try {
      begin.run();
    } finally {
      WRITE.remove();
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return WRITE.get() != null ? writer.getConnection() : readers.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("SQLite has no users");
  }

  HikariDataSource writer() {
    return writer;
  }

  HikariDataSource readers() {
    return readers;
  }

  @Override
  public void close() {
    readers.close();
    writer.close();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return readers.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    readers.setLogWriter(out);
    writer.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    readers.setLoginTimeout(seconds);
    writer.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return readers.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
