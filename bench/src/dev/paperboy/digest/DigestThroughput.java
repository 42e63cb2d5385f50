package dev.paperboy.digest;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.store.SqlValues;
import dev.paperboy.support.ScriptedSmtp;
import jakarta.mail.Session;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Digest throughput on the store bench/search.sh builds (100k papers): a weekly edition for
 * 100,000 subscribers, each with categories and keywords of their own (the personal section), then
 * (1) digests composed and rendered as MIME messages per second, with two threads, and (2)
 * messages per second delivered over pooled SMTP connections to a local server that accepts
 * everything, for a part of the outbox. Reports the peak heap used.
 *
 * <pre>
 * mvn -q -Pbench test-compile exec:exec -Dbench.main=dev.paperboy.digest.DigestThroughput \
 *   -Dbench=target/bench-data
 * </pre>
 */
public final class DigestThroughput {
  private static final int SUBSCRIBERS = 100_000;
  private static final int SENT = 20_000;
  private static final LocalDate WEEK = LocalDate.of(2017, 3, 6);
  private static final List<String> CATEGORIES =
      List.of("cs.LG", "cs.CV", "cs.CL", "stat.ML", "cs.AI", "quant-ph", "math.OC", "hep-th");
  private static final List<String> KEYWORDS =
      List.of("neural", "graph", "quantum", "optimization", "reinforcement", "language", "bayesian",
          "convex", "entanglement", "segmentation");

  public static void main(String[] args) throws Exception {
    String dataDir = args.length > 0 ? args[0] : "target/bench-data";
    ScriptedSmtp smtp = ScriptedSmtp.server();
    HeapPeak heap = new HeapPeak();
    heap.start();
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PaperboyApplication.class)
            .web(WebApplicationType.NONE)
            .run(
                "--paperboy.store.data-dir=" + dataDir,
                "--paperboy.demo.enabled=false",
                "--paperboy.arxiv.scheduled=false",
                "--paperboy.digest.scheduled=false",
                "--paperboy.search.follow=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.port(),
                "--spring.mail.properties.mail.smtp.starttls.enable=false",
                "--paperboy.digest.rate=1000000/PT1S",
                "--paperboy.digest.connections=10",
                "--logging.level.root=WARN")) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      for (String table :
          List.of("digest_papers", "digest_outbox", "digest_editions", "subscription_tokens",
              "subscriptions")) {
        jdbc.sql("DELETE FROM " + table).update();
      }
      listTheWeek(context);
      long start = System.nanoTime();
      subscribe(context);
      System.out.printf("subscribers: %,d stored in %.1f s%n", SUBSCRIBERS, seconds(start));

      Editions editions = context.getBean(Editions.class);
      start = System.nanoTime();
      Editions.Decision decision = editions.decide(Cadence.WEEKLY, WEEK);
      System.out.printf("edition: %s, decided in %.1f s%n", decision.why(), seconds(start));
      Edition edition = decision.edition().orElseThrow();

      if (!Boolean.getBoolean("sendOnly")) {
        compose(context, edition);
      }

      // Only the first SENT rows are due; the rest wait.
      long firstId =
          jdbc.sql("SELECT min(id) FROM digest_outbox").query(Long.class).single();
      jdbc.sql("UPDATE digest_outbox SET next_attempt_at = :later WHERE id >= :cut")
          .param("later", SqlValues.text(Instant.parse("2100-01-01T00:00:00Z")))
          .param("cut", firstId + SENT)
          .update();
      DigestSender sender = context.getBean(DigestSender.class);
      start = System.nanoTime();
      DigestSender.Round round = sender.sendDue(done -> {});
      double took = seconds(start);
      System.out.printf(
          "send: %s in %.1f s: %,.0f messages/s over 10 connections; the server accepted %,d%n",
          round.describe(), took, round.sent() / took, smtp.delivered().size());
    }
    heap.finish();
    System.out.printf("heap: peak %,d MB used (max %,d MB)%n", heap.peak() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /** 70 cs.LG papers of early March 2017 on the lists of the week of March 6. */
  private static void listTheWeek(ConfigurableApplicationContext context) {
    DailyLists lists = context.getBean(DailyLists.class);
    if (!lists.between(WEEK, WEEK.plusDays(6), null, 0, 1).isEmpty()) {
      return;
    }
    Accounts accounts = context.getBean(Accounts.class);
    Account curator =
        accounts
            .byEmail("bench-curator@example.org")
            .orElseGet(
                () ->
                    accounts.add(
                        "bench-curator@example.org", "benchcurator", Role.CURATOR,
                        "correct horse battery staple"));
    List<SearchHit> hits =
        context
            .getBean(PaperSearch.class)
            .search(
                new SearchQuery(
                    "cat:cs.LG", WEEK.minusDays(7), WEEK.plusDays(6), SearchQuery.Sort.NEWEST, 0,
                    70))
            .hits();
    for (int i = 0; i < hits.size(); i++) {
      lists.feature(hits.get(i).id(), WEEK.plusDays(i % 7), curator.member());
    }
    System.out.printf("listed %d papers in the week of %s%n", hits.size(), WEEK);
  }

  private static void subscribe(ConfigurableApplicationContext context) {
    Random random = new Random(7);
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    String now = SqlValues.text(Instant.now());
    context
        .getBean(TransactionTemplate.class)
        .executeWithoutResult(
            tx -> {
              for (int i = 0; i < SUBSCRIBERS; i++) {
                jdbc.sql(
                        """
                        INSERT INTO subscriptions (email, cadence, categories, keywords, status,
                            manage_key, created_at, consent_form, confirmed_at, last_active_at)
                        VALUES (:email, 'WEEKLY', :categories, :keywords, 'ACTIVE', :key, :now,
                            'bench', :now, :now)
                        """)
                    .param("email", "reader" + i + "@bench.example.org")
                    .param(
                        "categories",
                        CATEGORIES.get(random.nextInt(CATEGORIES.size()))
                            + " "
                            + CATEGORIES.get(random.nextInt(CATEGORIES.size())))
                    .param("keywords", KEYWORDS.get(random.nextInt(KEYWORDS.size())))
                    .param("key", "bench-" + i)
                    .param("now", now)
                    .update();
              }
            });
  }

  /** Every subscriber's digest composed and rendered as a MIME message, on two threads. */
  private static void compose(ConfigurableApplicationContext context, Edition edition)
      throws Exception {
    JdbcSubscriptions subscriptions = context.getBean(JdbcSubscriptions.class);
    DigestComposer composer = context.getBean(DigestComposer.class);
    DigestMessages messages = context.getBean(DigestMessages.class);
    List<Long> ids =
        context
            .getBean(JdbcClient.class)
            .sql("SELECT id FROM subscriptions ORDER BY id")
            .query(Long.class)
            .list();
    Session session = Session.getInstance(new Properties());
    AtomicLong items = new AtomicLong();
    AtomicLong personal = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    long start = System.nanoTime();
    List<Future<?>> parts = new ArrayList<>();
    for (int part = 0; part < 2; part++) {
      int from = part;
      parts.add(
          pool.submit(
              () -> {
                for (int i = from; i < ids.size(); i += 2) {
                  Subscription s = subscriptions.byId(ids.get(i)).orElseThrow();
                  Digest digest = composer.compose(edition, s);
                  items.addAndGet(digest.papers().size());
                  if (digest.sections().size() > 1) {
                    personal.incrementAndGet();
                  }
                  messages.message(session, digest, s.email(), "<bench." + s.id() + "@bench>");
                }
                return null;
              }));
    }
    for (Future<?> part : parts) {
      part.get();
    }
    pool.shutdown();
    double took = seconds(start);
    System.out.printf(
        "compose: %,d digests (%,d with a personal section, %.1f papers each) composed and"
            + " rendered in %.1f s: %,.0f digests/s%n",
        ids.size(), personal.get(), items.get() / (double) ids.size(), took, ids.size() / took);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** The most heap used, sampled every 100 ms. */
  private static final class HeapPeak extends Thread {
    private volatile boolean running = true;
    private volatile long peak;

    HeapPeak() {
      setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        peak =
            Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void finish() {
      running = false;
    }

    long peak() {
      return peak;
    }
  }
}
