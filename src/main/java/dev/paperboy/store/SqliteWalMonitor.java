package dev.paperboy.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps SQLite's write-ahead log bounded (docs/reliability.md DATA-1). SQLite checkpoints on its
 * own, but a reader that is always open can starve those checkpoints and let the WAL grow without
 * end; above the cap this forces a TRUNCATE checkpoint and warns when even that cannot shrink it.
 */
@Component
class SqliteWalMonitor {
  private static final Logger log = LoggerFactory.getLogger(SqliteWalMonitor.class);

  private final StoreSettings settings;
  private final JdbcClient jdbc;

  SqliteWalMonitor(StoreSettings settings, JdbcClient jdbc) {
    this.settings = settings;
    this.jdbc = jdbc;
  }

  @Scheduled(
      initialDelayString = "${paperboy.store.wal-check-interval:PT1M}",
      fixedDelayString = "${paperboy.store.wal-check-interval:PT1M}")
  void check() {
    if (settings.engine() != Engine.SQLITE) {
      return;
    }
    long size = walSize();
    if (size <= settings.walCheckpointBytes()) {
      return;
    }
    // Columns: busy (1 when a reader or writer blocked the checkpoint), log frames, checkpointed.
    int busy = jdbc.sql("PRAGMA wal_checkpoint(TRUNCATE)").query((rs, n) -> rs.getInt(1)).single();
    long after = walSize();
    if (busy != 0 || after > settings.walCheckpointBytes()) {
      log.warn(
          "SQLite WAL is {} bytes, above the {} byte cap, and a checkpoint could not shrink it"
              + " (a long-running reader?)",
          after,
          settings.walCheckpointBytes());
    } else {
      log.info("SQLite WAL checkpointed: {} bytes -> {} bytes", size, after);
    }
  }

  long walSize() {
    Path wal = settings.dataDir().resolve("paperboy.db-wal");
    try {
      return Files.exists(wal) ? Files.size(wal) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
