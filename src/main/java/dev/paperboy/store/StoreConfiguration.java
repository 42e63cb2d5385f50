package dev.paperboy.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.sqlite.SQLiteConfig;

/**
 * Opens the configured store and refuses to start on one that is unsafe (docs/reliability.md
 * DATA-1, DATA-4): SQLite with several nodes, SQLite whose pragmas did not take, or a schema newer
 * than this build.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

  @Bean
  DataSource dataSource(StoreSettings settings, ObjectProvider<MeterRegistry> meters) {
    if (settings.engine() == Engine.SQLITE) {
      return sqlite(settings, meters.getIfAvailable());
    }
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("paperboy");
    hikari.setJdbcUrl(settings.jdbcUrl());
    hikari.setMaximumPoolSize(settings.poolSize());
    if (settings.user() != null && !settings.user().isBlank()) {
      hikari.setUsername(settings.user());
    }
    if (settings.password() != null && !settings.password().isBlank()) {
      hikari.setPassword(settings.password());
    }
    // Lets PostgreSQL infer date and timestamptz from the text that SqlValues binds.
    hikari.addDataSourceProperty("stringtype", "unspecified");
    hikari.addDataSourceProperty("ApplicationName", "paperboy");
    return new HikariDataSource(hikari);
  }

  /** Read-write transactions on SQLite's one writer connection; see {@link SqliteDataSource}. */
  @Bean
  JdbcTransactionManager transactionManager(DataSource dataSource, StoreSettings settings) {
    return settings.engine() == Engine.SQLITE
        ? new SqliteTransactionManager(dataSource)
        : new JdbcTransactionManager(dataSource);
  }

  private static SqliteDataSource sqlite(StoreSettings settings, @Nullable MeterRegistry meters) {
    if (settings.nodes() > 1) {
      throw new StoreRefused(
          "multi-node requires PostgreSQL: paperboy.store.nodes is "
              + settings.nodes()
              + " but the store is SQLite. Set PAPERBOY_DB_URL to a jdbc:postgresql: url.");
    }
    createDataDir(settings);
    HikariDataSource writer =
        sqlitePool(settings, "paperboy-writer", 1, SQLiteConfig.TransactionMode.IMMEDIATE, meters);
    HikariDataSource readers =
        sqlitePool(
            settings,
            "paperboy-readers",
            settings.poolSize(),
            SQLiteConfig.TransactionMode.DEFERRED,
            meters);
    SqliteDataSource dataSource = new SqliteDataSource(writer, readers);
    try {
      SqlitePragmas.verify(writer, settings.busyTimeoutMillis());
      SqlitePragmas.verify(readers, settings.busyTimeoutMillis());
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return dataSource;
  }

  private static HikariDataSource sqlitePool(
      StoreSettings settings,
      String name,
      int size,
      SQLiteConfig.TransactionMode mode,
      @Nullable MeterRegistry meters) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setJdbcUrl(settings.jdbcUrl());
    hikari.setMaximumPoolSize(size);
    SQLiteConfig config = sqliteConfig(settings);
    config.setTransactionMode(mode);
    hikari.setDataSourceProperties(config.toProperties());
    // Checkpoint every ~40 MiB of WAL rather than SQLite's 4 MiB: bulk imports commit large
    // batches, and each checkpoint is a copy plus an fsync. The WAL monitor caps the file.
    hikari.setConnectionInitSql("PRAGMA wal_autocheckpoint = 10000");
    if (meters != null) {
      hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
    }
    return new HikariDataSource(hikari);
  }

  /**
   * WAL so that readers never block the writer; FULL so that an acknowledged write survives a power
   * cut (an email sent on the strength of a row must not lose that row); IMMEDIATE so that a write
   * transaction takes the write lock up front and waits for it (busy_timeout) instead of failing
   * half way with SQLITE_BUSY when another connection upgrades first (the readers' pool begins its
   * read-only transactions DEFERRED instead).
   */
  static SQLiteConfig sqliteConfig(StoreSettings settings) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(settings.busyTimeoutMillis());
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setCacheSize(-16_384); // KiB: 16 MiB per connection instead of 2 MiB
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    return config;
  }

  private static void createDataDir(StoreSettings settings) {
    try {
      Files.createDirectories(settings.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create the data directory " + settings.dataDir().toAbsolutePath(), e);
    }
  }

  @Bean
  FlywayConfigurationCustomizer migrationLocations(StoreSettings settings) {
    String vendor = settings.engine() == Engine.SQLITE ? "sqlite" : "postgresql";
    return configuration -> configuration.locations("classpath:db/migration/" + vendor);
  }

  /** Migrates forward only, and never a database that a newer Paperboy has already migrated. */
  @Bean
  FlywayMigrationStrategy forwardOnlyMigration() {
    return flyway -> {
      for (MigrationInfo migration : flyway.info().all()) {
        if (migration.getState() == MigrationState.FUTURE_SUCCESS) {
          throw new StoreRefused(
              "The database schema is newer than this Paperboy: it has migration "
                  + migration.getVersion()
                  + " ("
                  + migration.getDescription()
                  + ") which this build does not know. Run the newer Paperboy, or restore a backup"
                  + " taken before the upgrade.");
        }
      }
      flyway.migrate();
    };
  }
}
