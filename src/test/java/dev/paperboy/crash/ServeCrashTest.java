package dev.paperboy.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.curation.Submissions;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.Community;
import dev.paperboy.support.Node;
import dev.paperboy.support.Stores;
import dev.paperboy.support.TestPapers;
import dev.paperboy.support.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * docs/reliability.md DATA-2 with real crashes: a {@code serve} JVM takes upvotes, comments and
 * digest sign-ups from four members while a reader browses and searches, and is killed with SIGKILL
 * at a random moment, 20 times ({@code -Dpaperboy.crash.kills=N} for another count). After each
 * kill, read straight from the database before anything restarts: it opens, {@code integrity_check}
 * and the foreign-key check are clean on SQLite, every write that was answered with success is
 * there, and every paper's stored upvote count equals the count of its votes (VOTE-2). On SQLite
 * and on PostgreSQL. Slow: {@code -Pslow}.
 */
@Tag("slow")
class ServeCrashTest {
  private static final int KILLS = Integer.getInteger("paperboy.crash.kills", 20);
  private static final int MEMBERS = 4;
  private static final int PAPERS = 400;
  private static final String NODE = "serve";

  private static final String[] SETTINGS = {
    "paperboy.demo.enabled=false",
    "paperboy.arxiv.scheduled=false",
    "paperboy.digest.scheduled=false",
    // Nothing leaves for arXiv: the papers are in the database already.
    "paperboy.arxiv.api-base-url=http://127.0.0.1:9/api/query",
    // The load is the point, not the abuse limits.
    "paperboy.limits.vote=1000000/PT1S",
    "paperboy.limits.vote-new=1000000/PT1S",
    "paperboy.limits.comment=1000000/PT1S",
    "paperboy.limits.comment-new=1000000/PT1S",
    "paperboy.limits.subscribe-per-ip=1000000/PT1S",
    "paperboy.limits.sign-in-per-ip=1000000/PT1S"
  };

  @TempDir Path dir;

  /** What the site answered with success: a vote (member, paper), a comment, a sign-up. */
  private final Queue<List<String>> votes = new ConcurrentLinkedQueue<>();

  private final Queue<String> comments = new ConcurrentLinkedQueue<>();
  private final Queue<String> signUps = new ConcurrentLinkedQueue<>();

  /** What went wrong on the way (refusals, requests cut by a kill), for failure messages. */
  private final Queue<String> refusals = new ConcurrentLinkedQueue<>();

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void everyAcknowledgedWriteSurvivesAKill(String engine) throws Exception {
    // The node's data directory is the store's: on SQLite the database lives there.
    List<String> store = Stores.options(engine, dir.resolve(NODE));
    List<String> papers = seed(store);
    Random random = new Random(7);
    Node node = Node.start(NODE, store, dir, SETTINGS).awaitReady(Duration.ofSeconds(120));
    List<WebClient> members = new ArrayList<>();
    for (int m = 0; m < MEMBERS; m++) {
      WebClient member = node.browser();
      Community.signIn(member, "member" + m + "@example.org", Community.PASSWORD);
      members.add(member);
    }
    int[] nextPaper = new int[MEMBERS];
    for (int kill = 1; kill <= KILLS; kill++) {
      int port = node.port();
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService load = Executors.newFixedThreadPool(MEMBERS + 1);
      for (int m = 0; m < MEMBERS; m++) {
        int member = m;
        load.submit(
            () -> write(members.get(member), port, member, papers, nextPaper, running, engine));
      }
      load.submit(() -> read(port, running));
      Thread.sleep(2_000 + random.nextInt(4_000));
      node.kill();
      running.set(false);
      load.shutdown();
      assertThat(load.awaitTermination(90, TimeUnit.SECONDS)).isTrue();

      assertEverythingAcknowledgedIsStored(store, engine, kill);

      node = Node.start(NODE, store, dir, SETTINGS).awaitReady(Duration.ofSeconds(120));
      // The members' sessions are in the database: the same cookies work on the new process.
      for (int m = 0; m < MEMBERS; m++) {
        WebClient again = node.browser();
        members.get(m).cookies().forEach(again::setCookie);
        members.set(m, again);
      }
    }
    node.close();
    System.out.printf(
        "DATA-2 on %s: %d kills, %d votes, %d comments, %d sign-ups acknowledged and found%n",
        engine, KILLS, votes.size(), comments.size(), signUps.size());
    assertThat(votes)
        .as("the load reached the site; refused: %s", refusals.stream().limit(3).toList())
        .hasSizeGreaterThan(KILLS * 5);
    assertThat(comments).as("refused: %s", refusals.stream().limit(3).toList()).isNotEmpty();
    assertThat(signUps).as("refused: %s", refusals.stream().limit(3).toList()).isNotEmpty();
  }

  /** One member's writes, round and round: upvote a paper, comment on every third, sign up. */
  private void write(
      WebClient member,
      int port,
      int m,
      List<String> papers,
      int[] nextPaper,
      AtomicBoolean running,
      String engine) {
    String csrf = null;
    while (running.get()) {
      try {
        if (csrf == null) {
          // The form token belongs to the session, which outlives the process: fetched once.
          csrf = member.csrf("/papers/" + papers.get(0));
        }
        // Each member votes on papers of its own share, each once, so no vote undoes another.
        String paper = papers.get((m * PAPERS / MEMBERS) + nextPaper[m]++ % (PAPERS / MEMBERS));
        HttpResponse<String> voted =
            member.submit(
                "/papers/" + paper,
                "/upvote",
                Map.of("paper", paper),
                "Accept",
                "application/json");
        if (voted.statusCode() == 200) {
          votes.add(List.of("member" + m, paper));
        } else {
          refusals.add(voted.statusCode() + " " + voted.body());
        }
        if (nextPaper[m] % 3 == 1) {
          String body = "comment " + engine + " " + m + " " + System.nanoTime();
          HttpResponse<String> commented =
              member.post("/comments", Map.of("paper", paper, "body", body, "_csrf", csrf));
          if (commented.statusCode() == 302
              && commented.headers().firstValue("Location").orElse("").contains("#comment-")) {
            comments.add(body);
          }
        }
        if (nextPaper[m] % 5 == 1) {
          String email = "reader-" + m + "-" + System.nanoTime() + "@example.org";
          HttpResponse<String> subscribed =
              member.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/api/subscriptions"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"email\":\"" + email + "\",\"categories\":[\"cs.LG\"]}")));
          if (subscribed.statusCode() == 202) {
            signUps.add(email);
          } else {
            refusals.add(subscribed.statusCode() + " " + subscribed.body());
          }
        }
      } catch (RuntimeException | AssertionError e) {
        // The node died under this request: it was never acknowledged.
        refusals.add(e.toString());
      }
    }
  }

  private static void read(int port, AtomicBoolean running) {
    WebClient visitor = new WebClient(port);
    while (running.get()) {
      try {
        visitor.get("/");
        visitor.get("/search?q=crash+consistency");
      } catch (RuntimeException e) {
        // The node died under this request.
      }
    }
  }

  private void assertEverythingAcknowledgedIsStored(List<String> store, String engine, int kill)
      throws Exception {
    try (Connection db = Stores.connect(store);
        Statement sql = db.createStatement()) {
      if (engine.equals("sqlite")) {
        assertThat(rows(sql, "PRAGMA integrity_check")).as("kill %d", kill).containsExactly("ok");
        assertThat(rows(sql, "PRAGMA foreign_key_check")).as("kill %d", kill).isEmpty();
      }
      Set<String> storedVotes =
          Set.copyOf(
              rows(
                  sql,
                  "SELECT members.username || ' ' || votes.arxiv_id FROM votes"
                      + " JOIN members ON members.id = votes.member_id"));
      assertThat(storedVotes)
          .as("kill %d: acknowledged votes", kill)
          .containsAll(votes.stream().map(v -> v.get(0) + " " + v.get(1)).toList());
      assertThat(Set.copyOf(rows(sql, "SELECT body_markdown FROM comments")))
          .as("kill %d: acknowledged comments", kill)
          .containsAll(comments);
      assertThat(Set.copyOf(rows(sql, "SELECT email FROM subscriptions")))
          .as("kill %d: acknowledged sign-ups", kill)
          .containsAll(signUps);
      assertThat(
              rows(
                  sql,
                  """
                  SELECT daily_entries.arxiv_id FROM daily_entries
                  WHERE upvotes <> (SELECT count(*) FROM votes
                                    WHERE votes.arxiv_id = daily_entries.arxiv_id
                                      AND votes.weight = 1)
                  """))
          .as("kill %d: papers whose stored count is not their votes' (VOTE-2)", kill)
          .isEmpty();
    }
  }

  /** Papers published today, each on today's list, and members who sign in with the password. */
  private static List<String> seed(List<String> store) {
    List<String> args = new ArrayList<>(store);
    args.add("--paperboy.limits.submit=1000000/PT1S");
    args.add("--paperboy.limits.submit-new=1000000/PT1S");
    args.add("--paperboy.limits.submit-curator=1000000/PT1S");
    try (ConfigurableApplicationContext context = Stores.context(args)) {
      Accounts accounts = context.getBean(Accounts.class);
      Account curator =
          accounts.add("curator@example.org", "curator", Role.CURATOR, Community.PASSWORD);
      for (int m = 0; m < MEMBERS; m++) {
        accounts.add("member" + m + "@example.org", "member" + m, Role.MEMBER, Community.PASSWORD);
      }
      List<String> ids =
          IntStream.range(0, PAPERS).mapToObj(i -> "2611.%05d".formatted(20_000 + i)).toList();
      context
          .getBean(Papers.class)
          .upsertAll(
              ids.stream()
                  .map(id -> TestPapers.recent(id, "Crash consistency " + id, Instant.now()))
                  .toList());
      Submissions submissions = context.getBean(Submissions.class);
      ids.forEach(id -> submissions.submit(curator, id));
      return ids;
    }
  }

  private static List<String> rows(Statement sql, String query) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = sql.executeQuery(query)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
