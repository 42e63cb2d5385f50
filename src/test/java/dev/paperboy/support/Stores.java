package dev.paperboy.support;

import dev.paperboy.PaperboyApplication;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stores handed around as command-line options: to other JVMs (crash and multi-node tests), to the
 * commands run in process, and to short-lived contexts in this JVM that seed or read them.
 */
public final class Stores {
  private Stores() {}

  /** The options of a store: SQLite in {@code dataDir}, or a fresh PostgreSQL database. */
  public static List<String> options(String engine, Path dataDir) {
    List<String> store = new ArrayList<>();
    store.add("--paperboy.store.data-dir=" + dataDir);
    if (engine.equals("postgresql")) {
      Postgres.require();
      store.add("--paperboy.store.url=" + Postgres.freshDatabase());
      store.add("--paperboy.store.user=" + Postgres.USER);
      store.add("--paperboy.store.password=" + Postgres.PASSWORD);
    }
    return store;
  }

  /** The application on the store, without web server, schedules or index follower. */
  public static ConfigurableApplicationContext context(List<String> store) {
    List<String> args = new ArrayList<>(store);
    args.add("--paperboy.demo.enabled=false");
    args.add("--paperboy.arxiv.scheduled=false");
    args.add("--paperboy.digest.scheduled=false");
    args.add("--paperboy.backup.scheduled=false");
    args.add("--paperboy.search.follow=false");
    args.add("--logging.level.root=WARN");
    return new SpringApplicationBuilder(PaperboyApplication.class)
        .web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }

  /**
   * A plain JDBC connection to the store, without Paperboy in between: for tests that read what a
   * killed process left on disk.
   */
  public static Connection connect(List<String> store) throws SQLException {
    String url = option(store, "paperboy.store.url");
    if (url != null) {
      return DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD);
    }
    return DriverManager.getConnection(
        "jdbc:sqlite:" + Path.of(option(store, "paperboy.store.data-dir"), "paperboy.db"));
  }

  /** The first column of the first row of a query, read directly; null when there is no row. */
  public static String firstValue(List<String> store, String sql) throws SQLException {
    try (Connection db = connect(store);
        Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static String option(List<String> store, String key) {
    return store.stream()
        .filter(option -> option.startsWith("--" + key + "="))
        .map(option -> option.substring(key.length() + 3))
        .findFirst()
        .orElse(null);
  }
}
