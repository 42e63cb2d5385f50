package dev.paperboy.digest;

import static dev.paperboy.support.Community.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.CommunitySettings;
import dev.paperboy.support.FixedClock;
import dev.paperboy.support.Mailbox;
import dev.paperboy.support.TestPapers;
import dev.paperboy.support.WebClient;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Digests end to end through the real pages, the real outbox and a real SMTP server (GreenMail), on
 * both engines (docs/reliability.md MAIL-1, MAIL-4, MAIL-5, MAIL-7, MAIL-8, NODE-2). Each test uses
 * addresses, papers and list days of its own, so the order of tests does not matter; a sending
 * round also sends other tests' rows, so tests only look at their own addresses.
 */
abstract class DigestContract {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private static final Pattern CONFIRM =
      Pattern.compile("https?://[^/\\s]+(/subscribe/confirm/[A-Za-z0-9_-]+)");

  @LocalServerPort int port;

  @Autowired JdbcClient jdbc;
  @Autowired Papers papers;
  @Autowired Accounts accounts;
  @Autowired DailyLists lists;
  @Autowired Editions editions;
  @Autowired DigestSender sender;
  @Autowired Subscriptions subscriptions;
  @Autowired Bounces bounces;
  @Autowired dev.paperboy.search.PaperSearch search;
  @Autowired dev.paperboy.account.AccountSettings site;

  static String address(String name) {
    return name + SEQUENCE.incrementAndGet() + "@example.org";
  }

  /** A weekday of its own, in the past of the fixed clock, with {@code count} papers listed. */
  LocalDate listedDay(int count, String title) {
    LocalDate day = LocalDate.of(2026, 1, 5).plusDays(SEQUENCE.incrementAndGet() * 3L % 280);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY
        || day.getDayOfWeek() == DayOfWeek.SUNDAY
        || editions.today().equals(day)
        || !lists.day(day, 0, 1).isEmpty()) {
      day = day.plusDays(1);
    }
    String curator = "digestcurator" + SEQUENCE.incrementAndGet();
    var account = accounts.add(curator + "@example.org", curator, Role.CURATOR, PASSWORD);
    for (int i = 0; i < count; i++) {
      String id = String.format("2601.%05d", 20_000 + SEQUENCE.incrementAndGet());
      papers.upsertAll(
          List.of(
              TestPapers.recent(
                  id,
                  title + " " + id,
                  "We study " + title + ".",
                  day.atStartOfDay(ZoneOffset.UTC).toInstant())));
      lists.feature(ArxivId.parse(id), day, account.member());
    }
    return day;
  }

  /** Subscribes through the page and confirms through the mailed link; answers the manage key. */
  String subscribeAndConfirm(String email, String cadence) {
    WebClient browser = new WebClient(port);
    HttpResponse<String> answer =
        browser.submit("/subscribe", "/subscribe", Map.of("email", email, "cadence", cadence));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("Check your inbox");
    String link = confirmLink(email);
    assertThat(browser.submit(link, link, Map.of()).statusCode()).isEqualTo(200);
    return key(email);
  }

  String key(String email) {
    return jdbc.sql("SELECT manage_key FROM subscriptions WHERE email = :email")
        .param("email", email)
        .query(String.class)
        .single();
  }

  String status(String email) {
    return jdbc.sql("SELECT status FROM subscriptions WHERE email = :email")
        .param("email", email)
        .query(String.class)
        .single();
  }

  static String confirmLink(String email) {
    List<MimeMessage> mails = Mailbox.to(email);
    assertThat(mails).isNotEmpty();
    Matcher link = CONFIRM.matcher(Mailbox.body(mails.get(mails.size() - 1)));
    assertThat(link.find()).as("a confirmation link").isTrue();
    return link.group(1);
  }

  DigestSender.Round send() throws InterruptedException {
    return sender.sendDue(done -> {});
  }

  static String part(MimeMessage message, String type) throws Exception {
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  @Test
  void subscribeConfirmReceiveUnsubscribeAndTheNextEditionSkipsTheAddress() throws Exception {
    String email = address("reader");
    String key = subscribeAndConfirm(email, "daily");
    assertThat(status(email)).isEqualTo("ACTIVE");
    LocalDate day = listedDay(3, "Sparse attention for graph transformers");

    Editions.Decision decision = editions.decide(Cadence.DAILY, day);
    assertThat(decision.created()).isTrue();
    send();

    List<MimeMessage> digests =
        Mailbox.to(email).stream().filter(m -> subject(m).contains("Trending papers")).toList();
    assertThat(digests).hasSize(1);
    MimeMessage digest = digests.get(0);
    assertThat(digest.getHeader("List-Unsubscribe")[0])
        .isEqualTo("<" + site.site() + "/u/" + key + ">");
    assertThat(digest.getHeader("List-Unsubscribe-Post")[0])
        .isEqualTo("List-Unsubscribe=One-Click");
    assertThat(digest.getMessageID())
        .isEqualTo(
            jdbc.sql(
                    "SELECT o.message_id FROM digest_outbox o JOIN subscriptions s"
                        + " ON s.id = o.subscription_id WHERE s.email = :email")
                .param("email", email)
                .query(String.class)
                .single());
    String text = part(digest, "text/plain");
    String html = part(digest, "text/html");
    assertThat(text).contains("Sparse attention for graph transformers").contains("/u/" + key);
    assertThat(html).contains("Sparse attention for graph transformers").doesNotContain("<script");

    // One-click, as a mail client does it: no cookies, no token, no redirect.
    HttpResponse<String> unsubscribed =
        new WebClient(port)
            .sendAlone(
                HttpRequest.newBuilder(URI.create(site() + "/u/" + key))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
    assertThat(unsubscribed.statusCode()).isEqualTo(200);
    assertThat(unsubscribed.headers().firstValue("Location")).isEmpty();
    assertThat(status(email)).isEqualTo("UNSUBSCRIBED");

    assertThat(
            dev.paperboy.support.Http.get(
                    port, "/actuator/prometheus", "Authorization", "Bearer test-scrape-token")
                .body())
        .containsPattern("paperboy_digest_messages_total\\{outcome=\"sent\"[^}]*\\} [1-9]");

    LocalDate next = listedDay(2, "Another day");
    editions.decide(Cadence.DAILY, next);
    send();
    assertThat(Mailbox.to(email).stream().filter(m -> subject(m).contains("Trending"))).hasSize(1);
  }

  @Test
  void aGetOfTheConfirmationLinkChangesNothingAndTwentySignUpsMailOnce() {
    String email = address("victim");
    WebClient browser = new WebClient(port);
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> answer =
          browser.submit(
              "/subscribe",
              "/subscribe",
              Map.of("email", email, "cadence", "daily", "keywords", "Buy pills at spam.example"));
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("Check your inbox");
    }
    HttpResponse<String> api =
        new WebClient(port)
            .sendAlone(
                HttpRequest.newBuilder(URI.create(site() + "/api/subscriptions"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"" + email + "\",\"cadence\":\"weekly\"}")));
    assertThat(api.statusCode()).isEqualTo(202);
    List<MimeMessage> mails = Mailbox.to(email);
    assertThat(mails).hasSize(1);
    assertThat(Mailbox.body(mails.get(0))).doesNotContain("pills").doesNotContain("spam.example");

    String link = confirmLink(email);
    HttpResponse<String> scanned = new WebClient(port).get(link);
    assertThat(scanned.statusCode()).isEqualTo(200);
    assertThat(scanned.body()).contains("Confirm your subscription");
    assertThat(status(email)).isEqualTo("PENDING");
  }

  @Test
  void anExpiredLinkSaysSoAndOffersANewOne() {
    String email = address("late");
    new WebClient(port)
        .submit("/subscribe", "/subscribe", Map.of("email", email, "cadence", "weekly"));
    String link = confirmLink(email);
    jdbc.sql("UPDATE subscription_tokens SET expires_at = :past")
        .param("past", dev.paperboy.store.SqlValues.text(FixedClock.NOW.minus(Duration.ofDays(30))))
        .update();
    WebClient browser = new WebClient(port);
    HttpResponse<String> page = browser.get(link);
    assertThat(page.statusCode()).isEqualTo(410);
    assertThat(page.body()).contains("expired").contains("Send me a new link");
    HttpResponse<String> confirm = browser.submit(link, link, Map.of());
    assertThat(confirm.statusCode()).isEqualTo(410);
    assertThat(status(email)).isEqualTo("PENDING");
    // A new link only after the day is over (one sign-up mail a day per address).
    browser.submit(link, link + "/resend", Map.of());
    assertThat(Mailbox.to(email)).hasSize(1);
    jdbc.sql("UPDATE subscriptions SET confirmation_sent_at = :past WHERE email = :email")
        .param("past", dev.paperboy.store.SqlValues.text(FixedClock.NOW.minus(Duration.ofDays(2))))
        .param("email", email)
        .update();
    browser.submit(link, link + "/resend", Map.of());
    assertThat(Mailbox.to(email)).hasSize(2);
    String fresh = confirmLink(email);
    assertThat(fresh).isNotEqualTo(link);
    assertThat(new WebClient(port).submit(fresh, fresh, Map.of()).statusCode()).isEqualTo(200);
    assertThat(status(email)).isEqualTo("ACTIVE");
  }

  @Test
  void oneClickUnsubscribeIsIdempotentUniformOnBadKeysAndGetChangesNothing() {
    String email = address("clicker");
    String key = subscribeAndConfirm(email, "daily");
    WebClient scanner = new WebClient(port);
    HttpResponse<String> page = scanner.get("/u/" + key);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Unsubscribe");
    assertThat(status(email)).isEqualTo("ACTIVE");

    String boundary = "pb" + SEQUENCE.incrementAndGet();
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
            + "One-Click\r\n--"
            + boundary
            + "--\r\n";
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> answer =
          scanner.sendAlone(
              HttpRequest.newBuilder(URI.create(site() + "/u/" + key))
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(HttpRequest.BodyPublishers.ofString(multipart)));
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Location")).isEmpty();
      assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
    }
    assertThat(status(email)).isEqualTo("UNSUBSCRIBED");

    HttpResponse<String> bad =
        scanner.sendAlone(
            HttpRequest.newBuilder(URI.create(site() + "/u/not-a-key"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
    assertThat(bad.statusCode()).isEqualTo(404);
    assertThat(scanner.get("/u/not-a-key").statusCode()).isEqualTo(404);
  }

  @Test
  void anUnsubscribeBetweenTheEditionAndTheSendIsHonoured() throws Exception {
    String email = address("quick");
    String key = subscribeAndConfirm(email, "daily");
    LocalDate day = listedDay(2, "Scheduled");
    editions.decide(Cadence.DAILY, day);
    assertThat(subscriptions.unsubscribe(key)).isTrue();
    send();
    assertThat(Mailbox.to(email).stream().filter(m -> subject(m).contains("Trending"))).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT o.status FROM digest_outbox o JOIN subscriptions s"
                        + " ON s.id = o.subscription_id WHERE s.email = :email")
                .param("email", email)
                .query(String.class)
                .single())
        .isEqualTo("SKIPPED");
  }

  @Test
  void anEditionIsDecidedOnceAndNoPaperIsSentTwice() throws Exception {
    String email = address("twice");
    subscribeAndConfirm(email, "weekly");
    LocalDate day = listedDay(3, "Weekly paper");
    Editions.Decision first = editions.decide(Cadence.WEEKLY, day);
    Editions.Decision second = editions.decide(Cadence.WEEKLY, day);
    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.queued()).isZero();
    int rows =
        jdbc.sql(
                "SELECT count(*) FROM digest_outbox o JOIN subscriptions s ON s.id ="
                    + " o.subscription_id WHERE s.email = :email")
            .param("email", email)
            .query(Integer.class)
            .single();
    assertThat(rows).isEqualTo(1);
    send();
    send();
    List<MimeMessage> received =
        Mailbox.to(email).stream().filter(m -> subject(m).contains("Trending")).toList();
    assertThat(received).hasSize(1);
    int recorded =
        jdbc.sql(
                "SELECT count(*) FROM digest_papers p JOIN subscriptions s ON s.id ="
                    + " p.subscription_id WHERE s.email = :email")
            .param("email", email)
            .query(Integer.class)
            .single();
    assertThat(recorded).isEqualTo(3);
  }

  @Test
  void subscribersSilentForHalfAYearGetNoMoreDigests() {
    String silent = address("silent");
    String lively = address("lively");
    subscribeAndConfirm(silent, "daily");
    subscribeAndConfirm(lively, "daily");
    jdbc.sql("UPDATE subscriptions SET last_active_at = :then WHERE email = :email")
        .param(
            "then", dev.paperboy.store.SqlValues.text(FixedClock.NOW.minus(Duration.ofDays(181))))
        .param("email", silent)
        .update();
    editions.decide(Cadence.DAILY, listedDay(1, "Half a year"));
    String rows =
        "SELECT count(*) FROM digest_outbox o JOIN subscriptions s ON s.id = o.subscription_id"
            + " WHERE s.email = :email";
    assertThat(jdbc.sql(rows).param("email", silent).query(Integer.class).single()).isZero();
    assertThat(jdbc.sql(rows).param("email", lively).query(Integer.class).single()).isOne();
    // A visit to the preferences page is a sign of life.
    new WebClient(port).get("/subscription/" + key(silent));
    editions.decide(Cadence.DAILY, listedDay(1, "Back again"));
    assertThat(jdbc.sql(rows).param("email", silent).query(Integer.class).single()).isOne();
  }

  @Test
  void headersHoldNothingAPaperTitleOrAnAddressCouldInject() throws Exception {
    String email = address("headers");
    subscribeAndConfirm(email, "daily");
    String evil = "x\r\nBcc: victim@example.org\r\n" + "y".repeat(5_000);
    LocalDate day = listedDay(1, evil);
    editions.decide(Cadence.DAILY, day);
    assertThat(editions.previewDay(Cadence.DAILY))
        .as("a preview without a date shows the latest edition")
        .isEqualTo(new Editions.PreviewDay(day, "previewing the latest daily edition, " + day));
    send();
    MimeMessage digest =
        Mailbox.to(email).stream()
            .filter(m -> subject(m).contains("Trending"))
            .findFirst()
            .orElseThrow();
    List<String> names = new ArrayList<>();
    for (Enumeration<Header> all = digest.getAllHeaders(); all.hasMoreElements(); ) {
      names.add(all.nextElement().getName());
    }
    assertThat(names)
        .doesNotContain("Bcc")
        .contains(
            "From", "To", "Subject", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post");
    assertThat(Collections.frequency(names, "To")).isEqualTo(1);
    assertThat(digest.getSubject()).doesNotContain("\n").hasSizeLessThanOrEqualTo(200);
    assertThat(Mailbox.to("victim@example.org")).isEmpty();

    HttpResponse<String> injected =
        new WebClient(port)
            .submit(
                "/subscribe",
                "/subscribe",
                Map.of("email", "x@example.org\r\nBcc: victim@example.org", "cadence", "daily"));
    assertThat(injected.statusCode()).isEqualTo(400);
    assertThat(Mailbox.to("victim@example.org")).isEmpty();
  }

  @Test
  void theExportGoesToTheAddressOnFileAndErasureLeavesNoAddressBehind() throws Exception {
    String email = address("private");
    String key = subscribeAndConfirm(email, "daily");
    WebClient stranger = new WebClient(port);
    HttpResponse<String> export =
        stranger.submit("/subscription/" + key, "/subscription/" + key + "/export", Map.of());
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.body()).doesNotContain(email);
    List<MimeMessage> mails = Mailbox.to(email);
    assertThat(Mailbox.body(mails.get(mails.size() - 1))).contains("consent_form: subscribe-page");

    stranger.submit("/subscription/" + key, "/subscription/" + key + "/erase", Map.of());
    for (String table :
        List.of("subscriptions", "subscription_tokens", "suppressions", "digest_outbox")) {
      String dump =
          String.join(
              "\n",
              jdbc.sql("SELECT * FROM " + table)
                  .query(
                      (rs, n) -> {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                          row.append(rs.getString(c)).append('|');
                        }
                        return row.toString();
                      })
                  .list());
      assertThat(dump).as(table).doesNotContain(email);
    }
    // Re-added, then made active without a new opt-in, as a re-import of an old list would: the
    // salted hash on the suppression list is all that still knows the address, and it holds.
    new WebClient(port)
        .submit("/subscribe", "/subscribe", Map.of("email", email, "cadence", "daily"));
    assertThat(status(email)).isEqualTo("PENDING");
    jdbc.sql("UPDATE subscriptions SET status = 'ACTIVE' WHERE email = :email")
        .param("email", email)
        .update();
    assertThat(jdbc.sql("SELECT count(*) FROM suppressions").query(Long.class).single())
        .isPositive();
    LocalDate day = listedDay(1, "After erasure");
    editions.decide(Cadence.DAILY, day);
    send();
    assertThat(Mailbox.to(email).stream().filter(m -> subject(m).contains("Trending"))).isEmpty();
  }

  @Test
  void theHealthEndpointWarnsOfASenderDomainWithoutDkimAndStaysUp() {
    // The test's sender domain is "localhost": no SPF, DKIM or DMARC records anywhere.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> health().path("components").path("senderDomain").path("status").asString(""),
            "WARN"::equals);
    assertThat(health().path("status").asString()).isEqualTo("UP");
    assertThat(dev.paperboy.support.Http.get(port, "/actuator/health").statusCode()).isEqualTo(200);
  }

  HttpResponse<String> bounce(String secret, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(site() + "/api/mail/bounces"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header("Authorization", "Bearer " + secret);
    }
    return new WebClient(port).sendAlone(request);
  }

  @Test
  void bounceReportsNeedTheSecretAndSuppressHardAtOnceAndSoftAtTheFourth() {
    String victim = address("victim");
    subscribeAndConfirm(victim, "daily");
    String hard = "{\"email\":\"" + victim + "\",\"type\":\"hard\"}";
    int suppressions = jdbc.sql("SELECT count(*) FROM suppressions").query(Integer.class).single();
    assertThat(bounce(null, hard).statusCode()).isEqualTo(401);
    assertThat(bounce("wrong", hard).statusCode()).isEqualTo(401);
    assertThat(jdbc.sql("SELECT count(*) FROM suppressions").query(Integer.class).single())
        .as("a forged report changes nothing")
        .isEqualTo(suppressions);
    assertThat(bounces.suppressed(victim)).isFalse();

    HttpResponse<String> reported = bounce(CommunitySettings.BOUNCE_SECRET, hard);
    assertThat(reported.statusCode()).isEqualTo(200);
    assertThat(reported.body()).contains("\"suppressed\":true");
    assertThat(bounces.suppressed(victim)).isTrue();

    String soft = address("soft");
    String report = "{\"email\":\"" + soft + "\",\"type\":\"soft\"}";
    for (int i = 1; i <= 3; i++) {
      assertThat(bounce(CommunitySettings.BOUNCE_SECRET, report).body())
          .contains("\"suppressed\":false");
    }
    assertThat(bounces.suppressed(soft)).isFalse();
    assertThat(bounce(CommunitySettings.BOUNCE_SECRET, report).body())
        .contains("\"suppressed\":true");
    assertThat(bounces.suppressed(soft)).isTrue();

    for (String malformed :
        List.of("{\"email\": ", "not json", "{\"email\":\"x\",\"type\":\"weird\"}", "[]")) {
      HttpResponse<String> answer = bounce(CommunitySettings.BOUNCE_SECRET, malformed);
      assertThat(answer.statusCode()).as(malformed).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type").orElse(""))
          .contains("application/problem+json");
    }
  }

  @Test
  void aMemberSubscribesTheirOwnAddressAtOnceAndGetsRecommendations() throws Exception {
    String name = "digestmember" + SEQUENCE.incrementAndGet();
    WebClient member = dev.paperboy.support.Community.verifiedMember(port, name);
    String email = name + "@example.org";
    HttpResponse<String> answer =
        member.submit("/subscribe", "/subscribe", Map.of("email", email, "cadence", "daily"));
    assertThat(answer.body()).contains("You are subscribed");
    assertThat(status(email)).isEqualTo("ACTIVE");
    assertThat(
            jdbc.sql("SELECT member_id FROM subscriptions WHERE email = :email")
                .param("email", email)
                .query(Long.class)
                .single())
        .isEqualTo(accounts.byEmail(email).orElseThrow().id());
    assertThat(Mailbox.to(email).stream().filter(m -> subject(m).contains("digest"))).isEmpty();

    LocalDate day = listedDay(3, "Wombat routing in sparse networks");
    String liked = lists.day(day, 0, 1).get(0).paper().id().base();
    member.submit("/papers/" + liked, "/upvote", Map.of("paper", liked, "undo", "false"));
    // The recommendations come from the search index, which follows the database.
    search.catchUp();
    editions.decide(Cadence.DAILY, day);
    send();
    MimeMessage digest =
        Mailbox.to(email).stream()
            .filter(m -> subject(m).contains("Trending"))
            .findFirst()
            .orElseThrow();
    assertThat(part(digest, "text/plain"))
        .contains("Top papers of the day")
        .contains("Recommended for you")
        .contains("which you upvoted")
        .as("one upvote is said in the singular")
        .containsPattern(" · 1 upvote\\r?\\n");

    String key = key(email);
    long edition = editions.recent(1).get(0).edition().id();
    HttpResponse<String> inBrowser = new WebClient(port).get("/digest/" + edition + "/" + key);
    assertThat(inBrowser.statusCode()).isEqualTo(200);
    assertThat(inBrowser.body()).contains("Wombat routing in sparse networks");
    assertThat(inBrowser.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'");
    assertThat(new WebClient(port).get("/digest/" + edition + "/nope").statusCode()).isEqualTo(404);
  }

  tools.jackson.databind.JsonNode health() {
    return tools.jackson.databind.json.JsonMapper.builder()
        .build()
        .readTree(dev.paperboy.support.Http.get(port, "/actuator/health").body());
  }

  /** Where requests go: this test's server. */
  String site() {
    return "http://localhost:" + port;
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
