package dev.paperboy.ingest;

import dev.paperboy.store.SqlValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each snapshot file's import got to (docs/reliability.md ING-2, proved by {@code
 * ingest/SnapshotImporterContract} and {@code crash/ImportCrashTest}). The line is moved inside the
 * transaction that stores the batch ending there, so it is never ahead of the store.
 */
@Repository
class ImportCheckpoints {
  /** How much of a file its key reads: enough to tell snapshots apart, cheap on 5 GB. */
  private static final int KEYED_BYTES = 1 << 20;

  private final JdbcClient jdbc;
  private final Clock clock;

  ImportCheckpoints(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A file's identity: its size and a SHA-256 of its first MiB, whatever it is called. */
  static String key(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(in.readNBytes(KEYED_BYTES));
      return Files.size(file) + ":" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The last line stored by an unfinished import of this file; 0 when there is none. */
  long resumeAfter(String key) {
    return jdbc.sql(
            "SELECT last_line FROM snapshot_imports WHERE file_key = :key AND state = 'RUNNING'")
        .param("key", key)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  /** Records that the lines up to {@code line} are stored; call inside their transaction. */
  void advance(String key, String fileName, long line) {
    jdbc.sql(
            """
            INSERT INTO snapshot_imports (file_key, file_name, last_line, state, updated_at)
            VALUES (:key, :name, :line, 'RUNNING', :now)
            ON CONFLICT (file_key) DO UPDATE SET
                file_name = excluded.file_name, last_line = excluded.last_line,
                state = 'RUNNING', updated_at = excluded.updated_at
            """)
        .param("key", key)
        .param("name", fileName)
        .param("line", line)
        .param("now", SqlValues.text(clock.instant()))
        .update();
  }

  /** The file was read to its end: the next import of it starts from the first line again. */
  void finish(String key, String fileName, long lines) {
    jdbc.sql(
            """
            INSERT INTO snapshot_imports (file_key, file_name, last_line, state, updated_at)
            VALUES (:key, :name, :line, 'DONE', :now)
            ON CONFLICT (file_key) DO UPDATE SET
                last_line = excluded.last_line, state = 'DONE', updated_at = excluded.updated_at
            """)
        .param("key", key)
        .param("name", fileName)
        .param("line", lines)
        .param("now", SqlValues.text(clock.instant()))
        .update();
  }
}
