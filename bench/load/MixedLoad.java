import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Mixed load over HTTP against one or more nodes (bench/load.sh): each of C connections is a
 * signed-in member of the load store (LoadStore) on one node (connections spread round-robin over
 * the nodes, as a load balancer would), sending back to back, for a warm-up and then a measured
 * time, a mix of reads (mostly anonymous, as on such a site: daily lists, the front page, trending,
 * search, paper pages, the JSON API) and writes (upvotes taken and taken back, comments). Prints
 * requests/s, latency percentiles, errors (anything but the expected status, or no answer) per kind
 * and overall, and each node's peak heap (sampled from /actuator/prometheus).
 *
 * <pre>java bench/load/MixedLoad.java URL[,URL...] CONNECTIONS SECONDS WARMUP_SECONDS</pre>
 */
public class MixedLoad {
  static final String PASSWORD = "load test password 1";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern PAPER_ID = Pattern.compile("\"id\":\"(\\d{4}\\.\\d{4,5})\"");
  private static final List<String> TERMS =
      List.of("neural networks", "dark matter", "graph", "quantum entanglement", "reinforcement learning",
          "black hole", "convex optimization", "language model", "galaxy", "superconductivity",
          "bayesian inference", "image segmentation", "topological", "neutrino", "adversarial");

  /** The kinds of request and their share of the mix, in percent. */
  enum Kind {
    DAILY(20), HOME(8), TRENDING(10), SEARCH(15), PAPER(22), API(10), VOTE(12), COMMENT(3);

    final int percent;

    Kind(int percent) {
      this.percent = percent;
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> nodes = List.of(args[0].split(","));
    int connections = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);

    // The lists' papers, as the API gives them.
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<LocalDate> days = new ArrayList<>();
    List<String> papers = new ArrayList<>();
    HttpClient plain = HttpClient.newHttpClient();
    for (int d = 0; d < 60; d++) {
      LocalDate day = today.minusDays(d);
      days.add(day);
      String json =
          plain
              .send(HttpRequest.newBuilder(URI.create(nodes.get(0) + "/api/daily_papers?date=" + day + "&limit=100"))
                  .build(), HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = PAPER_ID.matcher(json);
      while (m.find()) {
        papers.add(m.group(1));
      }
    }
    if (papers.isEmpty()) {
      throw new IllegalStateException("no listed papers: is this the load store (LoadStore)?");
    }

    List<Worker> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      workers.add(new Worker(nodes.get(c % nodes.size()), "load" + (c * 97 % 10_000), c, days, papers));
    }
    for (Worker worker : workers) {
      worker.signIn();
    }
    HeapSampler heap = new HeapSampler(nodes);
    heap.start();
    run(workers, warmup, false);
    heap.reset();
    long started = System.nanoTime();
    run(workers, seconds, true);
    double elapsed = (System.nanoTime() - started) / 1e9;
    heap.stopSampling();

    Map<Kind, List<Long>> byKind = new LinkedHashMap<>();
    Map<Kind, Long> errorsByKind = new HashMap<>();
    for (Kind kind : Kind.values()) {
      byKind.put(kind, new ArrayList<>());
    }
    for (Worker worker : workers) {
      worker.latencies.forEach((kind, list) -> byKind.get(kind).addAll(list));
      worker.errors.forEach((kind, n) -> errorsByKind.merge(kind, n.get(), Long::sum));
    }
    long[] all = byKind.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
    long errors = errorsByKind.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        "%d node(s), %d connections, %.0f s: %d requests, %.0f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n",
        nodes.size(), connections, elapsed, all.length, all.length / elapsed,
        pct(all, 0.50), pct(all, 0.95), pct(all, 0.99), all[all.length - 1] / 1e6, errors);
    for (Map.Entry<Kind, List<Long>> entry : byKind.entrySet()) {
      long[] sorted = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      if (sorted.length > 0) {
        System.out.printf("  %-8s %7d  p50 %6.1f  p95 %6.1f  p99 %6.1f ms  errors %d%n",
            entry.getKey(), sorted.length, pct(sorted, 0.5), pct(sorted, 0.95), pct(sorted, 0.99),
            errorsByKind.getOrDefault(entry.getKey(), 0L));
      }
    }
    for (int n = 0; n < nodes.size(); n++) {
      System.out.printf("  heap of %s: peak %.0f MB used%n", nodes.get(n), heap.peak[n] / 1e6);
    }
    Worker.firstErrors.forEach(e -> System.out.println("  error: " + e));
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
  }

  private static void run(List<Worker> workers, int seconds, boolean record) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    CountDownLatch done = new CountDownLatch(workers.size());
    for (Worker worker : workers) {
      Thread thread = new Thread(() -> {
        try {
          while (System.nanoTime() < until) {
            worker.once(record);
          }
        } finally {
          done.countDown();
        }
      });
      thread.start();
    }
    done.await();
  }

  /** One connection: a member signed in on one node, with cookies kept by hand. */
  static final class Worker {
    static final List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());

    private final HttpClient client =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final String base;
    private final String member;
    private final Random random;
    private final List<LocalDate> days;
    private final List<String> papers;
    private final Map<Kind, List<Long>> latencies = new HashMap<>();
    private final Map<Kind, AtomicLong> errors = new HashMap<>();
    private String token;
    private final String week;

    Worker(String base, String member, int seed, List<LocalDate> days, List<String> papers) {
      this.base = base;
      this.member = member;
      this.random = new Random(seed);
      this.days = days;
      this.papers = papers;
      LocalDate today = days.get(0);
      this.week = String.format("%04d-W%02d", today.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
          today.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      for (Kind kind : Kind.values()) {
        latencies.put(kind, new ArrayList<>());
        errors.put(kind, new AtomicLong());
      }
    }

    void signIn() throws Exception {
      int status = send(post("/login", Map.of("_csrf", csrf("/login"), "email", member + "@example.org", "password", PASSWORD)), true).statusCode();
      if (status != 302) {
        throw new IllegalStateException("sign-in of " + member + " answered " + status);
      }
      token = csrf("/papers/submit");
    }

    void once(boolean record) {
      Kind kind = pick();
      String paper = papers.get(skewed(papers.size()));
      String day = days.get(skewed(days.size())).toString();
      HttpRequest request;
      boolean signedIn = false;
      int expected = 200;
      switch (kind) {
        case DAILY -> request = get("/papers/date/" + day);
        case HOME -> request = get("/");
        case TRENDING -> request = get(random.nextBoolean() ? "/papers/trending" : "/papers/week/" + week);
        case SEARCH -> request = get("/search?q=" + URLEncoder.encode(TERMS.get(random.nextInt(TERMS.size())), StandardCharsets.UTF_8));
        case PAPER -> {
          request = get("/papers/" + paper);
          signedIn = random.nextInt(3) == 0;
        }
        case API -> request = switch (random.nextInt(3)) {
          case 0 -> json("/api/daily_papers?date=" + day);
          case 1 -> json("/api/papers/" + paper);
          default -> json("/api/papers/search?q=" + URLEncoder.encode(TERMS.get(random.nextInt(TERMS.size())), StandardCharsets.UTF_8));
        };
        case VOTE -> {
          request = post("/upvote", Map.of("_csrf", token, "paper", paper, "undo", Boolean.toString(random.nextBoolean())), "application/json");
          signedIn = true;
        }
        default -> {
          request = post("/comments", Map.of("_csrf", token, "paper", paper, "body", "A load-test comment on " + paper + "."));
          signedIn = true;
          expected = 302;
        }
      }
      long start = System.nanoTime();
      int status;
      try {
        status = send(request, signedIn).statusCode();
      } catch (Exception e) {
        status = -1;
        if (firstErrors.size() < 5) {
          firstErrors.add(kind + " " + request.uri() + ": " + e);
        }
      }
      long took = System.nanoTime() - start;
      if (record) {
        latencies.get(kind).add(took);
        if (status != expected) {
          errors.get(kind).incrementAndGet();
          if (status != -1 && firstErrors.size() < 5) {
            firstErrors.add(kind + " " + request.uri() + ": " + status);
          }
        }
      }
    }

    private Kind pick() {
      int roll = random.nextInt(100);
      for (Kind kind : Kind.values()) {
        roll -= kind.percent;
        if (roll < 0) {
          return kind;
        }
      }
      return Kind.DAILY;
    }

    /** An index with the first ones far more likely: recent days and popular papers. */
    private int skewed(int size) {
      return (int) Math.min(size - 1, Math.floor(size * Math.pow(random.nextDouble(), 2.5)));
    }

    private HttpRequest get(String path) {
      return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").timeout(Duration.ofSeconds(30)).build();
    }

    private HttpRequest json(String path) {
      return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build();
    }

    private HttpRequest post(String path, Map<String, String> form) {
      return post(path, form, "text/html");
    }

    private HttpRequest post(String path, Map<String, String> form, String accept) {
      String body =
          form.entrySet().stream()
              .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", accept)
          .timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }

    private String csrf(String path) throws Exception {
      HttpResponse<String> page = send(get(path), true);
      Matcher m = CSRF.matcher(page.body());
      if (!m.find()) {
        throw new IllegalStateException("no form token on " + path + " (" + page.statusCode() + ")");
      }
      return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request, boolean signedIn) throws Exception {
      HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
      if (signedIn && !cookies.isEmpty()) {
        copy.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
      }
      HttpResponse<String> response = client.send(copy.build(), HttpResponse.BodyHandlers.ofString());
      if (signedIn) {
        for (String set : response.headers().allValues("Set-Cookie")) {
          String pair = set.split(";", 2)[0];
          int eq = pair.indexOf('=');
          cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
      return response;
    }
  }

  /** Each node's heap in use, from its Prometheus metrics every two seconds; keeps the peak. */
  static final class HeapSampler extends Thread {
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.eE+]+)");
    private final List<String> nodes;
    final double[] peak;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final HttpClient client = HttpClient.newHttpClient();

    HeapSampler(List<String> nodes) {
      this.nodes = nodes;
      this.peak = new double[nodes.size()];
      setDaemon(true);
    }

    void reset() {
      Arrays.fill(peak, 0);
    }

    @Override
    public void run() {
      while (running.get()) {
        for (int n = 0; n < nodes.size(); n++) {
          try {
            String metrics = client.send(HttpRequest.newBuilder(URI.create(nodes.get(n) + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + System.getenv().getOrDefault("PAPERBOY_WEB_METRICSTOKEN", ""))
                    .build(),
                HttpResponse.BodyHandlers.ofString()).body();
            double used = 0;
            Matcher m = HEAP.matcher(metrics);
            while (m.find()) {
              used += Double.parseDouble(m.group(1));
            }
            peak[n] = Math.max(peak[n], used);
          } catch (Exception e) {
            // A missed sample; the next one counts.
          }
        }
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopSampling() {
      running.set(false);
    }
  }
}
