package dev.paperboy.digest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox (MAIL-1). Each sending thread claims a small batch of due rows, marks them
 * {@code SENDING} with a lease, and for each: checks the subscriber still wants mail (unsubscribe,
 * pause, suppression and inactivity are looked at here, at send time), composes the digest, waits
 * for the relay throttle, sends over its own kept-open SMTP connection, and marks the row sent in
 * the transaction that records the papers sent (a group commit shared with the other threads'
 * marks: {@link SentMarks}).
 *
 * <p>A kill between the relay's 250 and that mark leaves the row {@code SENDING}; after the lease
 * another sender takes it and sends it again. So delivery is at least once, and the duplicates a
 * kill can cause are at most one message per sending thread (the one in flight); the Message-ID is
 * the same in both, so receiving systems may drop the second.
 *
 * <p>On a graceful shutdown (SIGTERM) each thread finishes the message in flight, hands the rest of
 * its batch back to the queue for another node at once (not after the lease), and the shutdown
 * waits for that before the database pool closes.
 */
@Service
public class DigestSender implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(DigestSender.class);
  private static final Duration MAX_BACKOFF = Duration.ofHours(6);

  private final JdbcOutbox outbox;
  private final JdbcSubscriptions subscriptions;
  private final Suppressions suppressions;
  private final DigestComposer composer;
  private final DigestMessages messages;
  private final SmtpRelay relay;
  private final MailThrottle throttle;
  private final SentMarks marks;
  private final DigestSettings settings;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final MeterRegistry meters;

  /** Set when the application begins to stop: the rounds wind down. */
  private final AtomicBoolean stopping = new AtomicBoolean();

  /** Rounds running now; a stop waits until it is zero. */
  private final Phaser rounds = new Phaser(1);

  private volatile boolean running;

  DigestSender(
      JdbcOutbox outbox,
      JdbcSubscriptions subscriptions,
      Suppressions suppressions,
      DigestComposer composer,
      DigestMessages messages,
      SmtpRelay relay,
      MailThrottle throttle,
      SentMarks marks,
      DigestSettings settings,
      TransactionTemplate transactions,
      Clock clock,
      MeterRegistry meters) {
    this.outbox = outbox;
    this.subscriptions = subscriptions;
    this.suppressions = suppressions;
    this.composer = composer;
    this.messages = messages;
    this.relay = relay;
    this.throttle = throttle;
    this.marks = marks;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
    this.meters = meters;
    Gauge.builder("paperboy.digest.queue", this, DigestSender::due)
        .description("digest messages due now, over all editions")
        .register(meters);
  }

  /** What a sending round did. */
  public record Round(int sent, int retried, int failed, int bounced, int skipped, boolean paused) {
    public String describe() {
      return "sent %d, to retry %d, failed %d (of which hard bounces %d), skipped %d%s"
          .formatted(
              sent, retried, failed, bounced, skipped, paused ? "; paused after failures" : "");
    }
  }

  public boolean relayConfigured() {
    return relay.configured();
  }

  /** Rows due now, over all editions. */
  public int due() {
    return outbox.due(clock.instant());
  }

  /**
   * Sends every due row, with one thread per configured connection, and returns when none is left
   * or the round paused after too many failures in a row.
   *
   * @param progress told each time a row is done
   */
  public Round sendDue(IntConsumer progress) throws InterruptedException {
    rounds.register();
    try {
      return round(progress);
    } finally {
      rounds.arriveAndDeregister();
    }
  }

  private Round round(IntConsumer progress) throws InterruptedException {
    Counters counters = new Counters();
    int threads = Math.max(1, settings.connections());
    // Named, so that a thread dump or a log line says which relay connection is which.
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, new CustomizableThreadFactory("digest-sender-"));
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        workers.add(
            pool.submit(
                () -> {
                  work(counters, progress);
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        try {
          worker.get();
        } catch (ExecutionException e) {
          log.error("Digest: a sending thread stopped", e.getCause());
        }
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      throw e;
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    return new Round(
        counters.sent.get(),
        counters.retried.get(),
        counters.failed.get(),
        counters.bounced.get(),
        counters.skipped.get(),
        counters.paused.get());
  }

  @Override
  public void start() {
    stopping.set(false);
    running = true;
  }

  /**
   * Lets the rounds in progress finish their messages in flight and hand the rest back; waits for
   * them at most the lifecycle's shutdown timeout (Spring's default 30 s).
   */
  @Override
  public void stop() {
    stopping.set(true);
    int phase = rounds.arrive();
    try {
      rounds.awaitAdvanceInterruptibly(phase, 30, TimeUnit.SECONDS);
      log.info("Digest: sending stopped; unsent rows are back in the queue");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException e) {
      log.warn("Digest: a sending round did not stop within 30 s; its rows wait for their lease");
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the web server and the pools: a late phase stops first. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1;
  }

  private static final class Counters {
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger bounced = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final AtomicInteger failuresInARow = new AtomicInteger();
    final AtomicBoolean paused = new AtomicBoolean();
    final Map<Long, Edition> editions = new ConcurrentHashMap<>();
  }

  private void work(Counters counters, IntConsumer progress) throws InterruptedException {
    try (SmtpRelay.Connection connection = relay.connection()) {
      while (!counters.paused.get() && !stopping.get() && !Thread.currentThread().isInterrupted()) {
        Instant now = clock.instant();
        List<JdbcOutbox.Claimed> batch =
            transactions.execute(tx -> outbox.claim(settings.batch(), now, settings.lease()));
        if (batch == null || batch.isEmpty()) {
          return;
        }
        for (int i = 0; i < batch.size(); i++) {
          if (counters.paused.get() || stopping.get()) {
            outbox.release(
                batch.subList(i, batch.size()).stream().map(JdbcOutbox.Claimed::id).toList(),
                clock.instant());
            return;
          }
          deliver(batch.get(i), connection, counters);
          progress.accept(1);
        }
      }
    }
  }

  private void deliver(JdbcOutbox.Claimed row, SmtpRelay.Connection connection, Counters counters)
      throws InterruptedException {
    Instant now = clock.instant();
    Optional<Subscription> found = subscriptions.byId(row.subscriptionId());
    String skip = found.isEmpty() ? "erased" : reasonToSkip(found.get(), now);
    Edition edition =
        counters.editions.computeIfAbsent(row.editionId(), id -> outbox.edition(id).orElseThrow());
    @Nullable Digest digest = null;
    if (skip == null) {
      digest = composer.compose(edition, found.get());
      if (digest.isEmpty()) {
        skip = "nothing new for this subscriber";
      }
    }
    if (skip != null) {
      outbox.markSkipped(row.id(), now, skip);
      counters.skipped.incrementAndGet();
      count("skipped");
      return;
    }
    Subscription subscription = found.get();
    MimeMessage message;
    try {
      message =
          messages.message(connection.session(), digest, subscription.email(), row.messageId());
    } catch (MessagingException e) {
      outbox.markFailed(row.id(), now, null, "could not build the message: " + e.getMessage());
      counters.failed.incrementAndGet();
      count("failed");
      return;
    }
    Instant granted = throttle.take();
    SmtpRelay.Result result = connection.send(message);
    Instant done = clock.instant();
    Digest sent = digest;
    switch (result.outcome()) {
      case SENT -> {
        marks.mark(
            new SentMarks.Mark(
                row.id(), subscription.id(), edition.id(), done, granted, sent.papers()));
        counters.sent.incrementAndGet();
        counters.failuresInARow.set(0);
        count("sent");
      }
      case TRANSIENT -> {
        if (row.attempts() >= settings.maxAttempts()) {
          outbox.markFailed(
              row.id(), done, granted, "gave up after " + row.attempts() + ": " + result.detail());
          counters.failed.incrementAndGet();
          count("failed");
        } else {
          outbox.retry(row.id(), done.plus(backoff(row.attempts())), granted, result.detail());
          counters.retried.incrementAndGet();
          count("retried");
        }
        failure(counters, result);
      }
      case PERMANENT -> {
        outbox.markFailed(row.id(), done, granted, result.detail());
        counters.failed.incrementAndGet();
        count("failed");
        failure(counters, result);
      }
      case HARD_BOUNCE -> {
        transactions.executeWithoutResult(
            tx -> {
              outbox.markFailed(row.id(), done, granted, result.detail());
              suppressions.suppress(subscription.email(), Suppressions.Reason.HARD_BOUNCE);
            });
        counters.failed.incrementAndGet();
        counters.bounced.incrementAndGet();
        count("bounced");
      }
    }
  }

  /** Why a row is not sent after all, or null to send it. */
  private @Nullable String reasonToSkip(Subscription subscription, Instant now) {
    if (subscription.status() != Subscription.Status.ACTIVE) {
      return subscription.status().name().toLowerCase(Locale.ROOT);
    }
    if (subscription.lastActiveAt().isBefore(now.minus(settings.inactiveAfter()))) {
      return "inactive";
    }
    if (suppressions.suppressed(subscription.email())) {
      return "suppressed";
    }
    return null;
  }

  private void failure(Counters counters, SmtpRelay.Result result) {
    if (counters.failuresInARow.incrementAndGet() >= settings.pauseAfterFailures()
        && counters.paused.compareAndSet(false, true)) {
      log.error(
          "Digest: {} sends failed in a row; sending paused until the next round. Last answer: {}",
          counters.failuresInARow.get(),
          result.detail());
    }
  }

  /** The first retry after {@code retryAfter}, each next one twice as late, at most 6 hours. */
  Duration backoff(int attempts) {
    Duration delay = settings.retryAfter().multipliedBy(1L << Math.min(20, attempts - 1));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  private void count(String outcome) {
    meters.counter("paperboy.digest.messages", "outcome", outcome).increment();
  }
}
