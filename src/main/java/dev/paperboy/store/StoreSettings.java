package dev.paperboy.store;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the data lives. Without {@code url} Paperboy keeps everything in one SQLite file under
 * {@code dataDir}; with a {@code jdbc:postgresql:} url it uses that database instead.
 *
 * @param dataDir the data directory (SQLite file, search index, backups)
 * @param url a JDBC url ({@code PAPERBOY_DB_URL}); empty means SQLite under {@code dataDir}
 * @param user database user ({@code PAPERBOY_DB_USER})
 * @param password database password ({@code PAPERBOY_DB_PASSWORD}); masked by {@code config}
 * @param nodes how many nodes share this database; more than one requires PostgreSQL
 * @param poolSize connections in the pool
 * @param busyTimeoutMillis how long a SQLite writer waits for the write lock before failing
 * @param walCheckpointBytes above this size the SQLite write-ahead log is checkpointed by force
 */
@Validated
@ConfigurationProperties("paperboy.store")
public record StoreSettings(
    @NotNull @DefaultValue("./data") Path dataDir,
    @Nullable String url,
    @Nullable String user,
    @Nullable String password,
    @Min(1) @DefaultValue("1") int nodes,
    @Min(1) @DefaultValue("8") int poolSize,
    @Min(5000) @DefaultValue("10000") int busyTimeoutMillis,
    @Min(1) @DefaultValue("67108864") long walCheckpointBytes) {

  /** The engine the settings select. */
  public Engine engine() {
    return Engine.of(url);
  }

  /** The JDBC url to open: the configured one, or the SQLite file under the data directory. */
  public String jdbcUrl() {
    return url == null || url.isBlank()
        ? "jdbc:sqlite:" + dataDir.resolve("paperboy.db").toAbsolutePath().normalize()
        : url;
  }
}
