import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Upvote load over HTTP: N members (signed up, confirmed through the link the server logs when no
 * SMTP relay is set, signed in), each on its own connection, upvote and take back upvotes on the
 * papers of a list for a fixed time. Prints throughput and latency percentiles.
 *
 * <pre>java bench/load/UpvoteLoad.java BASE_URL SERVER_LOG CLIENTS SECONDS PAPER...</pre>
 */
public class UpvoteLoad {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path log = Path.of(args[1]);
    int clients = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    List<String> papers = Arrays.asList(args).subList(4, args.length);
    String run = Long.toString(System.currentTimeMillis() % 100_000);

    List<Member> members = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      members.add(Member.join(base, log, "load" + run + "x" + i));
    }
    long[][] latencies = new long[clients][];
    AtomicLong errors = new AtomicLong();
    CountDownLatch done = new CountDownLatch(clients);
    long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    for (int c = 0; c < clients; c++) {
      int index = c;
      new Thread(
              () -> {
                List<Long> mine = new ArrayList<>();
                Member member = members.get(index);
                boolean undo = false;
                while (System.nanoTime() < until) {
                  String paper = papers.get(ThreadLocalRandom.current().nextInt(papers.size()));
                  long start = System.nanoTime();
                  int status = member.vote(paper, undo);
                  mine.add(System.nanoTime() - start);
                  if (status != 200) {
                    errors.incrementAndGet();
                  }
                  undo = !undo;
                }
                latencies[index] = mine.stream().mapToLong(Long::longValue).toArray();
                done.countDown();
              })
          .start();
    }
    done.await();
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(
        "%d clients, %d s: %d votes, %.0f votes/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, non-200: %d%n",
        clients,
        seconds,
        all.length,
        all.length / (double) seconds,
        all[all.length / 2] / 1e6,
        all[(int) (all.length * 0.95)] / 1e6,
        all[(int) (all.length * 0.99)] / 1e6,
        all[all.length - 1] / 1e6,
        errors.get());
  }

  /** One signed-in member with its own cookies and client. */
  static final class Member {
    private final HttpClient client =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final String base;
    private String token;

    private Member(String base) {
      this.base = base;
    }

    static Member join(String base, Path log, String name) throws Exception {
      Member member = new Member(base);
      String email = name + "@example.org";
      String password = "load test passphrase " + name;
      member.post("/signup", Map.of("_csrf", member.csrf("/signup"), "email", email, "username", name, "password", password));
      String token = null;
      for (int i = 0; i < 100 && token == null; i++) {
        Matcher m =
            Pattern.compile("To: " + Pattern.quote(email) + "[\\s\\S]*?/verify\\?token=([A-Za-z0-9_-]+)")
                .matcher(Files.readString(log));
        if (m.find()) {
          token = m.group(1);
        } else {
          Thread.sleep(50);
        }
      }
      if (token == null) {
        throw new IllegalStateException("no verification link for " + email + " in " + log);
      }
      member.post("/verify", Map.of("_csrf", member.csrf("/verify?token=" + token), "token", token));
      member.post("/login", Map.of("_csrf", member.csrf("/login"), "email", email, "password", password));
      member.token = member.csrf("/papers/submit");
      return member;
    }

    int vote(String paper, boolean undo) {
      try {
        return post(
                "/upvote",
                Map.of("_csrf", token, "paper", paper, "undo", Boolean.toString(undo)),
                "application/json")
            .statusCode();
      } catch (Exception e) {
        return -1;
      }
    }

    String csrf(String path) throws Exception {
      HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html"));
      Matcher m = CSRF.matcher(page.body());
      if (!m.find()) {
        throw new IllegalStateException("no form token on " + path + " (" + page.statusCode() + ")");
      }
      return m.group(1);
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
      return post(path, form, "text/html");
    }

    HttpResponse<String> post(String path, Map<String, String> form, String accept) throws Exception {
      String body =
          form.entrySet().stream()
              .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", accept)
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      if (!cookies.isEmpty()) {
        request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String set : response.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      return response;
    }
  }
}
