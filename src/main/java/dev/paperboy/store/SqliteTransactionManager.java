package dev.paperboy.store;

import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Begins read-write transactions on SQLite's one writer connection and read-only ones on a reader
 * ({@link SqliteDataSource}). The connection is taken inside {@code doBegin}, before Spring marks
 * the transaction active on the thread, hence the flag around it.
 */
final class SqliteTransactionManager extends JdbcTransactionManager {
  SqliteTransactionManager(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  protected void doBegin(Object transaction, TransactionDefinition definition) {
    if (definition.isReadOnly()) {
      super.doBegin(transaction, definition);
    } else {
      SqliteDataSource.beginningWrite(() -> super.doBegin(transaction, definition));
    }
  }
}
