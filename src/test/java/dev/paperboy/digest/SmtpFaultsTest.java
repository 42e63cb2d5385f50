package dev.paperboy.digest;

import static dev.paperboy.support.Community.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.store.SqlValues;
import dev.paperboy.support.CommunityArxiv;
import dev.paperboy.support.CommunitySettings;
import dev.paperboy.support.FixedClock;
import dev.paperboy.support.ScriptedSmtp;
import dev.paperboy.support.SqliteStore;
import dev.paperboy.support.TestPapers;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * SMTP faults and what the outbox makes of them (docs/reliability.md MAIL-2), against a relay that
 * answers as each test scripts it: a 421 is retried and then delivered, a 550 5.1.1 fails the
 * message and suppresses the address, a dropped connection resumes with the next message (never
 * from the top), a hang ends in a timeout and a retry, and a relay refusing everything pauses the
 * round.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(
    initializers = {
      SqliteStore.Initializer.class,
      ScriptedSmtp.Initializer.class,
      CommunityArxiv.Initializer.class,
      CommunitySettings.class
    })
@Import(FixedClock.class)
@TestPropertySource(
    properties = {"paperboy.digest.connections=2", "paperboy.digest.pause-after-failures=20"})
class SmtpFaultsTest {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired JdbcClient jdbc;
  @Autowired Papers papers;
  @Autowired Accounts accounts;
  @Autowired DailyLists lists;
  @Autowired Editions editions;
  @Autowired DigestSender sender;
  @Autowired JdbcSubscriptions store;
  @Autowired Bounces bounces;
  @Autowired Clock clock;

  private final ScriptedSmtp smtp = ScriptedSmtp.server();

  @BeforeEach
  void onlyThisTestsSubscribers() {
    for (String table :
        List.of("digest_papers", "digest_outbox", "subscription_tokens", "subscriptions")) {
      jdbc.sql("DELETE FROM " + table).update();
    }
  }

  /** {@code count} active daily subscribers, and an edition of a fresh day for them. */
  List<String> editionFor(int count) {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String email = "fault" + SEQUENCE.incrementAndGet() + "@example.org";
      long id =
          store.insert(
              email,
              null,
              Cadence.DAILY,
              new Subscriptions.Origin("test", "127.0.0.1", null),
              clock.instant());
      store.confirm(id, clock.instant());
      addresses.add(email);
    }
    LocalDate day = LocalDate.of(2025, 6, 2).plusWeeks(SEQUENCE.incrementAndGet());
    String curator = "smtpcurator" + SEQUENCE.incrementAndGet();
    var account = accounts.add(curator + "@example.org", curator, Role.CURATOR, PASSWORD);
    String paper = String.format("2506.%05d", 30_000 + SEQUENCE.incrementAndGet());
    papers.upsertAll(
        List.of(
            TestPapers.recent(
                paper, "Faults " + paper, day.atStartOfDay(ZoneOffset.UTC).toInstant())));
    lists.feature(ArxivId.parse(paper), day, account.member());
    assertThat(editions.decide(Cadence.DAILY, day).queued()).isEqualTo(count);
    return addresses;
  }

  String rowStatus(String email) {
    return jdbc.sql(
            "SELECT o.status FROM digest_outbox o JOIN subscriptions s ON s.id = o.subscription_id"
                + " WHERE s.email = :email")
        .param("email", email)
        .query(String.class)
        .single();
  }

  /** Makes the rows waiting for a retry due now (the backoff is minutes). */
  void retriesAreDue() {
    jdbc.sql("UPDATE digest_outbox SET next_attempt_at = :now WHERE status = 'QUEUED'")
        .param("now", SqlValues.text(FixedClock.NOW.minus(Duration.ofDays(1))))
        .update();
  }

  @Test
  void a421IsRetriedAndThenDelivered() throws Exception {
    smtp.script((n, to) -> n == 1 ? "421 4.7.0 Try again later" : "250 2.0.0 OK");
    String email = editionFor(1).get(0);
    DigestSender.Round first = sender.sendDue(done -> {});
    assertThat(first.retried()).isEqualTo(1);
    assertThat(rowStatus(email)).isEqualTo("QUEUED");
    assertThat(sender.due()).as("the retry waits for its backoff").isZero();
    retriesAreDue();
    DigestSender.Round second = sender.sendDue(done -> {});
    assertThat(second.sent()).isEqualTo(1);
    assertThat(smtp.delivered()).containsExactly(email);
    assertThat(rowStatus(email)).isEqualTo("SENT");
  }

  @Test
  void a550NoSuchMailboxFailsTheMessageAndSuppressesTheAddress() throws Exception {
    String[] bad = new String[1];
    smtp.script(
        new ScriptedSmtp.Script() {
          @Override
          public String rcpt(String recipient) {
            return recipient.equals(bad[0]) ? "550 5.1.1 No such user here" : null;
          }

          @Override
          public String afterData(int n, String recipient) {
            return "250 2.0.0 OK";
          }
        });
    List<String> addresses = editionFor(2);
    bad[0] = addresses.get(0);
    DigestSender.Round round = sender.sendDue(done -> {});
    assertThat(round.bounced()).isEqualTo(1);
    assertThat(round.sent()).isEqualTo(1);
    assertThat(rowStatus(bad[0])).isEqualTo("FAILED");
    assertThat(bounces.suppressed(bad[0])).isTrue();
    assertThat(bounces.suppressed(addresses.get(1))).isFalse();
    retriesAreDue();
    assertThat(sender.due()).as("a permanent failure is not retried").isZero();
  }

  @Test
  void aDroppedConnectionResumesWithTheNextMessageNotFromTheTop() throws Exception {
    smtp.script((n, to) -> n == 101 ? ScriptedSmtp.DROP : "250 2.0.0 OK");
    List<String> addresses = editionFor(120);
    DigestSender.Round first = sender.sendDue(done -> {});
    assertThat(first.sent()).isEqualTo(119);
    assertThat(first.retried()).isEqualTo(1);
    assertThat(new HashSet<>(smtp.delivered())).hasSize(119);
    assertThat(smtp.delivered()).doesNotHaveDuplicates();
    retriesAreDue();
    sender.sendDue(done -> {});
    assertThat(smtp.delivered()).hasSize(120).doesNotHaveDuplicates();
    assertThat(new HashSet<>(smtp.delivered())).containsExactlyInAnyOrderElementsOf(addresses);
  }

  @Test
  void aRelayThatHangsOnDataTimesOutAndTheMessageIsRetried() throws Exception {
    smtp.script((n, to) -> n == 1 ? ScriptedSmtp.HANG : "250 2.0.0 OK");
    String email = editionFor(1).get(0);
    DigestSender.Round first = sender.sendDue(done -> {});
    assertThat(first.retried()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT last_error FROM digest_outbox").query(String.class).single())
        .containsIgnoringCase("timed out");
    retriesAreDue();
    sender.sendDue(done -> {});
    assertThat(smtp.delivered()).containsExactly(email);
  }

  @Test
  void aRelayRefusingEverythingPausesTheRoundAndLosesNothing() throws Exception {
    smtp.script((n, to) -> "421 4.3.2 System not accepting network messages");
    List<String> addresses = editionFor(60);
    DigestSender.Round round = sender.sendDue(done -> {});
    assertThat(round.paused()).isTrue();
    assertThat(round.retried()).isBetween(20, 22);
    int untouched =
        jdbc.sql("SELECT count(*) FROM digest_outbox WHERE status = 'QUEUED' AND attempts = 0")
            .query(Integer.class)
            .single();
    assertThat(untouched + round.retried()).isEqualTo(addresses.size());
    assertThat(smtp.delivered()).isEmpty();
  }
}
