package dev.paperboy.bench;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.ingest.ImportProgress;
import dev.paperboy.ingest.SnapshotImporter;
import dev.paperboy.paper.Papers;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.store.SqlValues;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store of the load test (bench/load.sh): the 100k corpus, 10,000 members who can sign in
 * ({@code load0@example.org} … with the password {@value #PASSWORD}), the last 60 days' lists of 30
 * papers each, one million upvotes (each member upvotes 100 papers, popular ones more often, as a
 * Zipf law over the lists' papers) and 20,000 comments; then the search index. Seeded with a fixed
 * seed, so every engine gets the same community. Skips what is there already.
 *
 * <pre>
 * mvn -q -Pbench test-compile exec:exec -Dbench.main=dev.paperboy.bench.LoadStore \
 *   -Dbench="DATA_DIR CORPUS [JDBC_URL]"
 * </pre>
 */
public final class LoadStore {
  static final String PASSWORD = "load test password 1";
  private static final int MEMBERS = 10_000;
  private static final int DAYS = 60;
  private static final int PER_DAY = 30;
  private static final int VOTES_PER_MEMBER = 100;
  private static final int COMMENTS = 20_000;

  public static void main(String[] args) throws Exception {
    String[] parts = args[0].trim().split("\\s+");
    Path dataDir = Path.of(parts[0]);
    Path corpus = Path.of(parts[1]);
    List<String> options = new ArrayList<>();
    options.add("--paperboy.store.data-dir=" + dataDir);
    if (parts.length > 2) {
      options.add("--paperboy.store.url=" + parts[2]);
      options.add("--paperboy.store.user=postgres");
    }
    options.addAll(
        List.of(
            "--paperboy.demo.enabled=false",
            "--paperboy.arxiv.scheduled=false",
            "--paperboy.digest.scheduled=false",
            "--paperboy.backup.scheduled=false",
            "--paperboy.search.follow=false",
            "--logging.level.root=WARN"));
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PaperboyApplication.class)
            .web(WebApplicationType.NONE)
            .run(options.toArray(String[]::new))) {
      long started = System.nanoTime();
      Papers papers = context.getBean(Papers.class);
      if (papers.count() < 100_000) {
        System.out.println("load store: importing " + corpus);
        System.out.println(
            context
                .getBean(SnapshotImporter.class)
                .importFile(corpus, false, ImportProgress.NONE)
                .describe());
      }
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      long members =
          jdbc.sql("SELECT count(*) FROM members WHERE username LIKE 'load%'")
              .query(Long.class)
              .single();
      if (members < MEMBERS) {
        // One transaction: SQLite's FULL sync would otherwise flush a million times.
        context
            .getBean(TransactionTemplate.class)
            .executeWithoutResult(
                tx ->
                    community(
                        jdbc,
                        context.getBean(JdbcTemplate.class),
                        context.getBean(PasswordEncoder.class)));
      }
      if (parts.length > 2) {
        // Fresh statistics, as autovacuum would gather them a minute later: the first plans made
        // on tables that were empty a moment ago are poor.
        jdbc.sql("ANALYZE").update();
      }
      System.out.printf("load store: community ready after %.0f s%n", seconds(started));
      PaperSearch search = context.getBean(PaperSearch.class);
      if (search.state().documents() < papers.count()) {
        System.out.printf("load store: %,d papers indexed%n", search.rebuild(n -> {}));
      }
      System.out.printf("load store: ready in %.0f s%n", seconds(started));
    }
  }

  private static void community(JdbcClient jdbc, JdbcTemplate batch, PasswordEncoder encoder) {
    Random random = new Random(42);
    Instant now = Instant.now();
    String created = SqlValues.text(now.minus(Duration.ofDays(365)));
    // One hash for all: hashing 10,000 passwords would take longer than the whole test.
    String hash = encoder.encode(PASSWORD);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      rows.add(
          new Object[] {
            "load" + i, "Load member " + i, created, "load" + i + "@example.org", hash, created
          });
    }
    batch.batchUpdate(
        """
        INSERT INTO members (username, display_name, role, created_at, email, password_hash,
                             email_verified_at)
        VALUES (?, ?, 'MEMBER', ?, ?, ?, ?)
        """,
        rows);
    long curator =
        jdbc.sql("SELECT id FROM members WHERE username = 'load0'").query(Long.class).single();
    long firstMember = curator;

    // The lists: 30 papers a day for the last 60 days, drawn from the corpus.
    List<String> ids =
        jdbc.sql("SELECT arxiv_id FROM papers ORDER BY arxiv_id").query(String.class).list();
    Set<String> picked = new HashSet<>();
    List<String> entries = new ArrayList<>();
    List<LocalDate> days = new ArrayList<>();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    rows.clear();
    for (int d = 0; d < DAYS; d++) {
      LocalDate day = today.minusDays(d);
      for (int p = 0; p < PER_DAY; p++) {
        String id;
        do {
          id = ids.get(random.nextInt(ids.size()));
        } while (!picked.add(id));
        entries.add(id);
        days.add(day);
        rows.add(new Object[] {id, SqlValues.text(day), curator, at(day, 1, now)});
      }
    }
    batch.batchUpdate(
        """
        INSERT INTO daily_entries (arxiv_id, list_date, submitted_by, submitted_at)
        VALUES (?, ?, ?, ?)
        """,
        rows);

    // One million upvotes: 100 distinct papers a member, popular papers (a Zipf law over a
    // random order of the entries) far more often.
    double[] cumulative = new double[entries.size()];
    double total = 0;
    for (int r = 0; r < entries.size(); r++) {
      total += 1.0 / Math.pow(r + 1, 0.9);
      cumulative[r] = total;
    }
    rows.clear();
    for (int m = 0; m < MEMBERS; m++) {
      Set<Integer> voted = new HashSet<>();
      while (voted.size() < VOTES_PER_MEMBER) {
        double u = random.nextDouble() * total;
        int r = java.util.Arrays.binarySearch(cumulative, u);
        voted.add(r < 0 ? -r - 1 : r);
      }
      for (int e : voted) {
        rows.add(
            new Object[] {
              firstMember + m, entries.get(e), at(days.get(e), 1 + random.nextInt(20), now)
            });
      }
      if (rows.size() >= 20_000) {
        insertVotes(batch, rows);
      }
    }
    insertVotes(batch, rows);

    for (int c = 0; c < COMMENTS; c++) {
      int e = random.nextInt(entries.size());
      String body = "Load comment " + c + " on this paper: the method section is clear.";
      rows.add(
          new Object[] {
            entries.get(e),
            firstMember + random.nextInt(MEMBERS),
            body,
            "<p>" + body + "</p>",
            at(days.get(e), 2 + random.nextInt(20), now)
          });
    }
    batch.batchUpdate(
        """
        INSERT INTO comments (arxiv_id, member_id, body_markdown, body_html, created_at)
        VALUES (?, ?, ?, ?, ?)
        """,
        rows);
    jdbc.sql(
            """
            UPDATE daily_entries
            SET upvotes = (SELECT count(*) FROM votes v
                           WHERE v.arxiv_id = daily_entries.arxiv_id AND v.counted = 1),
                comments = (SELECT count(*) FROM comments c
                            WHERE c.arxiv_id = daily_entries.arxiv_id)
            """)
        .update();
  }

  private static void insertVotes(JdbcTemplate batch, List<Object[]> rows) {
    batch.batchUpdate(
        "INSERT INTO votes (member_id, arxiv_id, weight, counted, created_at)"
            + " VALUES (?, ?, 1, 1, ?)",
        rows);
    rows.clear();
  }

  /** A time on the list's day, never in the future. */
  private static String at(LocalDate day, int hour, Instant now) {
    Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(hour));
    return SqlValues.text(at.isAfter(now) ? now.minusSeconds(60) : at);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
