package dev.paperboy.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.BoundClient;
import dev.paperboy.support.Community;
import dev.paperboy.support.Http;
import dev.paperboy.support.Node;
import dev.paperboy.support.Stores;
import dev.paperboy.support.TestPapers;
import dev.paperboy.support.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two {@code serve} JVMs on one PostgreSQL database behave as one site: they start together on an
 * empty database and migrate it once (DATA-4); what a member does on node A shows on node B's
 * pages, API and search (DATA-5); a session made on A works on B and a sign-out on A ends it on B
 * (NODE-4); the sign-in limits count across nodes, and X-Forwarded-For is believed only from the
 * configured proxy (NODE-1). The abuse limits keep their defaults here. Profile {@code -Pnodes}.
 */
@Tag("nodes")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTest {
  /** A Flyway migration in a log line; the JSON logs escape its quotes. */
  private static final Pattern MIGRATING =
      Pattern.compile("Migrating schema \\\\?\"public\\\\?\" to version \\\\?\"(\\d+)");

  /** The one address the nodes take as their reverse proxy. */
  private static final String PROXY = "127.0.0.2";

  private List<String> store;
  private Node a;
  private Node b;

  @BeforeAll
  void startTwoNodesTogetherOnAnEmptyDatabase(@TempDir Path dir) {
    store = Stores.options("postgresql", dir.resolve("seed"));
    String[] settings = {
      "paperboy.store.nodes=2",
      "paperboy.demo.enabled=false",
      "paperboy.web.trusted-proxies=" + PROXY,
      // Nothing leaves for arXiv: the papers are in the database already.
      "paperboy.arxiv.api-base-url=http://127.0.0.1:9/api/query"
    };
    a = Node.start("a", store, dir, settings);
    // B logs as a collector wants it: one JSON object a line.
    String[] structured = Arrays.copyOf(settings, settings.length + 1);
    structured[settings.length] = "logging.structured.format.console=ecs";
    b = Node.start("b", store, dir, structured);
    CompletableFuture.allOf(
            CompletableFuture.runAsync(() -> a.awaitReady(Duration.ofSeconds(120))),
            CompletableFuture.runAsync(() -> b.awaitReady(Duration.ofSeconds(120))))
        .join();
  }

  @AfterAll
  void stopNodes() {
    for (Node node : new Node[] {a, b}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void theNodesMigratedTheEmptyDatabaseOnceBetweenThem() {
    int migrations;
    try (ConfigurableApplicationContext context = Stores.context(store)) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      List<Map<String, Object>> versions =
          jdbc.sql(
                  """
                  SELECT version, count(*) AS runs, bool_and(success) AS ok
                  FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version
                  """)
              .query()
              .listOfRows();
      assertThat(versions).hasSizeGreaterThanOrEqualTo(12);
      assertThat(versions).allSatisfy(v -> assertThat(v.get("runs")).isEqualTo(1L));
      assertThat(versions).allSatisfy(v -> assertThat(v.get("ok")).isEqualTo(true));
      migrations = versions.size();
    }
    // Each migration ran on one node only. Flyway locks each migration on PostgreSQL (a
    // transaction's advisory lock), so two nodes starting together may share the versions between
    // them, one taking up where the other's last migration ended, and never run one twice.
    List<String> migrated =
        List.of(a.log(), b.log()).stream()
            .flatMap(log -> MIGRATING.matcher(log).results().map(m -> m.group(1)))
            .toList();
    assertThat(migrated).doesNotHaveDuplicates().hasSize(migrations);
  }

  @Test
  void structuredLogsAreOneJsonObjectALine() {
    JsonMapper json = JsonMapper.builder().build();
    List<String> lines = b.log().lines().filter(line -> !line.isBlank()).toList();
    assertThat(lines).hasSizeGreaterThan(5);
    for (String line : lines) {
      JsonNode event = json.readTree(line);
      assertThat(event.get("service").get("name").asString()).isEqualTo("paperboy");
      assertThat(event.get("log").get("level").asString()).isNotBlank();
      assertThat(event.get("message").asString()).isNotNull();
    }
  }

  @Test
  void aSubmissionAndUpvotesOnAShowOnBsPagesApiAndSearch() {
    String id = "2611.07001";
    String word = "zymurgical";
    seed(id, "A " + word + " study of distributed ranking", "alice", "bob");

    WebClient alice = new WebClient(a.port());
    Community.signIn(alice, "alice@example.org", Community.PASSWORD);
    HttpResponse<String> submitted =
        alice.submit("/papers/submit", "/papers/submit", Map.of("paper_id", id));
    assertThat(submitted.statusCode()).isEqualTo(302);
    assertThat(upvote(alice, id)).contains("\"upvotes\":1");

    WebClient bob = new WebClient(b.port());
    Community.signIn(bob, "bob@example.org", Community.PASSWORD);
    assertThat(upvote(bob, id)).contains("\"upvotes\":2");

    WebClient visitorOnB = new WebClient(b.port());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(visitorOnB.get("/papers/" + id).body()).contains(word);
              assertThat(Http.get(b.port(), "/api/papers/" + id).body()).contains("\"upvotes\":2");
              assertThat(visitorOnB.get("/").body()).contains(id);
            });
    // B's follower indexes the paper A's member brought in, within seconds.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(visitorOnB.get("/search?q=" + word).body()).contains(id));
    assertThat(Http.get(a.port(), "/api/papers/" + id).body()).contains("\"upvotes\":2");
  }

  @Test
  void aSessionMadeOnAWorksOnBUntilTheSignOutOnA() {
    seed("2611.07002", "A paper for the session test", "carol");
    WebClient onA = new WebClient(a.port());
    Community.signIn(onA, "carol@example.org", Community.PASSWORD);
    assertThat(onA.get("/papers/submit").statusCode()).isEqualTo(200);

    WebClient onB = new WebClient(b.port());
    onA.cookies().forEach(onB::setCookie);
    assertThat(onB.get("/papers/submit").statusCode()).isEqualTo(200);
    assertThat(onB.get("/papers/submit").body()).contains("carol");

    assertThat(onA.submit("/papers/submit", "/logout", Map.of()).statusCode()).isEqualTo(302);

    HttpResponse<String> replayed = onB.get("/papers/submit");
    assertThat(replayed.statusCode()).isEqualTo(302);
    assertThat(replayed.headers().firstValue("Location").orElse("")).contains("/login");
  }

  @Test
  void signInAttemptsCountAcrossNodesForAClientBehindTheProxy() {
    BoundClient proxy = new BoundClient(PROXY);
    // The default: five attempts a minute from one address; the sixth is refused, on either node.
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(wrongPassword(proxy, attempt, "X-Forwarded-For", "203.0.113.7").status())
          .as("attempt %d", attempt)
          .isEqualTo(302);
    }
    assertThat(wrongPassword(proxy, 6, "X-Forwarded-For", "203.0.113.7").status()).isEqualTo(429);
    assertThat(wrongPassword(proxy, 7, "X-Forwarded-For", "203.0.113.7").status()).isEqualTo(429);
    // Another client behind the same proxy is its own address.
    assertThat(wrongPassword(proxy, 8, "X-Forwarded-For", "203.0.113.8").status()).isEqualTo(302);
  }

  @Test
  void aForgedForwardedForFromAnythingButTheProxyChangesNothing() {
    BoundClient direct = new BoundClient("127.0.0.3");
    for (int attempt = 1; attempt <= 5; attempt++) {
      String forged = "198.51.100." + attempt;
      assertThat(wrongPassword(direct, attempt, "X-Forwarded-For", forged).status()).isEqualTo(302);
    }
    assertThat(wrongPassword(direct, 6, "X-Forwarded-For", "198.51.100.99").status())
        .isEqualTo(429);
  }

  /** A failed sign-in for a new address each time (the per-account limit stays out of it). */
  private BoundClient.Response wrongPassword(BoundClient client, int attempt, String... headers) {
    Node node = attempt % 2 == 0 ? b : a;
    return client.submit(
        node.port(),
        "/login",
        "/login",
        Map.of(
            "email",
            "nobody" + attempt + "-" + System.nanoTime() + "@example.org",
            "password",
            "wrong password " + attempt),
        headers);
  }

  private static String upvote(WebClient member, String id) {
    HttpResponse<String> response =
        member.submit(
            "/papers/" + id, "/upvote", Map.of("paper", id), "Accept", "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** A paper published today, and members who may sign in with the test password. */
  private void seed(String id, String title, String... usernames) {
    try (ConfigurableApplicationContext context = Stores.context(store)) {
      context
          .getBean(Papers.class)
          .upsertAll(
              List.of(
                  TestPapers.recent(
                      id, title, "An abstract about " + title.toLowerCase(), Instant.now())));
      for (String username : usernames) {
        context
            .getBean(Accounts.class)
            .add(username + "@example.org", username, Role.MEMBER, Community.PASSWORD);
      }
    }
  }
}
