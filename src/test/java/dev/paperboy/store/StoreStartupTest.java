package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.support.Postgres;
import dev.paperboy.support.PostgresStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The start-up checks of docs/reliability.md DATA-1 and DATA-4, on real stores. */
class StoreStartupTest {
  @TempDir Path dataDir;

  @Test
  void sqliteRunsWithWalFullSyncForeignKeysAndABusyTimeout() throws Exception {
    try (ConfigurableApplicationContext context = start("--paperboy.store.data-dir=" + dataDir)) {
      try (Connection connection = context.getBean(DataSource.class).getConnection();
          Statement statement = connection.createStatement()) {
        assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
        assertThat(pragma(statement, "synchronous")).isEqualTo("2");
        assertThat(pragma(statement, "foreign_keys")).isEqualTo("1");
        assertThat(Integer.parseInt(pragma(statement, "busy_timeout")))
            .isGreaterThanOrEqualTo(5000);
      }
    }
    assertThat(dataDir.resolve("paperboy.db")).exists();
  }

  @Test
  void sqliteWithSeveralNodesIsRefused() {
    assertThatThrownBy(
            () -> start("--paperboy.store.data-dir=" + dataDir, "--paperboy.store.nodes=2"))
        .rootCause()
        .isInstanceOf(StoreRefused.class)
        .hasMessageStartingWith("multi-node requires PostgreSQL");
  }

  @Test
  void aSchemaNewerThanThisBuildIsRefusedAndLeftAsItWas() {
    try (ConfigurableApplicationContext context = start("--paperboy.store.data-dir=" + dataDir)) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      jdbc.sql(
              """
              INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,
                  checksum, installed_by, execution_time, success)
              VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 0, 1)
              """)
          .update();
    }
    long rowsBefore = historyRows();

    assertThatThrownBy(() -> start("--paperboy.store.data-dir=" + dataDir))
        .rootCause()
        .isInstanceOf(StoreRefused.class)
        .hasMessageContaining("newer than this Paperboy")
        .hasMessageContaining("99");
    // The refused start migrated nothing.
    assertThat(historyRows()).isEqualTo(rowsBefore);
  }

  /**
   * DATA-4: the store of the previous release (see src/test/resources/releases/README.md) opens
   * with this build, which migrates it forward and keeps every row.
   */
  @Test
  void aStoreOfThePreviousReleaseIsUpgradedWithNothingLost() throws Exception {
    try (InputStream in =
            new GZIPInputStream(
                getClass().getResourceAsStream("/releases/paperboy-d8ea204.db.gz"));
        OutputStream out = Files.newOutputStream(dataDir.resolve("paperboy.db"))) {
      in.transferTo(out);
    }
    try (ConfigurableApplicationContext context = start("--paperboy.store.data-dir=" + dataDir)) {
      assertTheReleasedRowsAreThere(context.getBean(JdbcClient.class));
    }
  }

  /** What the release's store holds (src/test/resources/releases/README.md), on this schema. */
  private static void assertTheReleasedRowsAreThere(JdbcClient jdbc) {
    assertThat(jdbc.sql("SELECT count(*) FROM papers").query(Long.class).single()).isEqualTo(250);
    assertThat(
            jdbc.sql("SELECT role FROM members WHERE username = 'released'")
                .query(String.class)
                .single())
        .isEqualTo("CURATOR");
    assertThat(
            jdbc.sql("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history")
                .query(Integer.class)
                .single())
        .as("migrated past the release's V14")
        .isGreaterThan(14);
  }

  /**
   * DATA-4 on PostgreSQL: the previous release's database, as {@code pg_dump} wrote it (see
   * src/test/resources/releases/README.md), restored into a fresh database, is migrated forward by
   * this build with every row kept.
   */
  @Test
  @ExtendWith(PostgresStore.Condition.class)
  void aPostgresDatabaseOfThePreviousReleaseIsUpgradedWithNothingLost() throws Exception {
    String url = Postgres.freshDatabase();
    String dump;
    try (InputStream in =
        new GZIPInputStream(
            getClass().getResourceAsStream("/releases/paperboy-d8ea204.postgresql.sql.gz"))) {
      dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection connection =
            DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD);
        Statement statement = connection.createStatement()) {
      // psql's own commands (\restrict) are not SQL; the rest runs as one script.
      statement.execute(
          dump.lines().filter(line -> !line.startsWith("\\")).collect(Collectors.joining("\n")));
    }
    try (ConfigurableApplicationContext context =
        start("--paperboy.store.url=" + url, "--paperboy.store.user=" + Postgres.USER)) {
      assertTheReleasedRowsAreThere(context.getBean(JdbcClient.class));
    }
  }

  @Test
  void anUnsupportedDatabaseUrlIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> start("--paperboy.store.url=jdbc:mysql://localhost/x"))
        .rootCause()
        .hasMessageContaining("Unsupported database url");
  }

  @Test
  @ExtendWith(PostgresStore.Condition.class)
  void postgresMigratesAFreshDatabase() {
    String url = Postgres.freshDatabase();
    try (ConfigurableApplicationContext context =
        start("--paperboy.store.url=" + url, "--paperboy.store.user=" + Postgres.USER)) {
      assertThat(
              context
                  .getBean(JdbcClient.class)
                  .sql("SELECT count(*) FROM papers")
                  .query(Long.class)
                  .single())
          .isZero();
    }
  }

  private long historyRows() {
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("paperboy.db"));
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pragma(Statement statement, String name) throws Exception {
    try (ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static ConfigurableApplicationContext start(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--paperboy.demo.enabled=false";
    all[args.length + 1] = "--logging.level.root=WARN";
    return new SpringApplicationBuilder(PaperboyApplication.class)
        .web(WebApplicationType.NONE)
        .run(all);
  }
}
