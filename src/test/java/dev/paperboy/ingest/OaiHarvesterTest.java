package dev.paperboy.ingest;

import static dev.paperboy.ingest.OaiPages.error;
import static dev.paperboy.ingest.OaiPages.page;
import static dev.paperboy.support.ArxivStub.Reply.html;
import static dev.paperboy.support.ArxivStub.Reply.status;
import static dev.paperboy.support.ArxivStub.Reply.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.ingest.arxiv.ArxivFormatException;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.store.SqlValues;
import dev.paperboy.support.ArxivStub;
import dev.paperboy.support.FakeTime;
import dev.paperboy.support.SqliteStore;
import dev.paperboy.support.Tables;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The harvester against a local server that replays recorded arXiv pages and scripted faults. Time
 * is fake: waits are recorded by the gate and the retry loop, never slept.
 */
@SqliteStore
@Import(OaiHarvesterTest.Time.class)
class OaiHarvesterTest {
  static final ArxivStub STUB = start();
  static final FakeTime TIME = new FakeTime(Instant.parse("2026-11-26T22:00:00Z"));
  static final HarvestRequest CS = new HarvestRequest("cs", null, null, "arXivRaw");

  @TestConfiguration(proxyBeanMethods = false)
  static class Time {
    @Bean
    @Primary
    Clock fakeClock() {
      return TIME;
    }

    @Bean
    @Primary
    Sleeper fakeSleeper() {
      return TIME.sleeper();
    }
  }

  @DynamicPropertySource
  static void arxiv(DynamicPropertyRegistry registry) {
    registry.add("paperboy.arxiv.oai-base-url", STUB::baseUrl);
    registry.add("paperboy.arxiv.max-attempts", () -> "3");
    registry.add("paperboy.arxiv.read-timeout", () -> "PT1S");
  }

  @Autowired OaiHarvester harvester;
  @Autowired Papers papers;
  @Autowired JdbcClient jdbc;

  List<String> records;

  @BeforeEach
  void reset() throws IOException {
    // A connection the client abandoned (read timeout) may still be winding down in the stub.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> STUB.inFlight() == 0);
    STUB.reset();
    TIME.clearSleeps();
    Tables.clean(jdbc);
    jdbc.sql("DELETE FROM harvests").update();
    jdbc.sql("DELETE FROM arxiv_requests").update();
    records = OaiPages.records();
  }

  @AfterAll
  static void stop() {
    STUB.close();
  }

  @Test
  void harvestsThreePagesByResumptionTokenPolitely() throws Exception {
    STUB.then(
        xml(page(records.subList(0, 2), "t1", 6)),
        xml(page(records.subList(2, 4), "t2", 6)),
        xml(page(records.subList(4, 6), "", 6)));

    HarvestSummary summary = harvester.harvest(CS, HarvestProgress.NONE);

    assertThat(summary.pages()).isEqualTo(3);
    assertThat(summary.added()).isEqualTo(6);
    assertThat(papers.count()).isEqualTo(6);
    assertThat(STUB.requests())
        .containsExactly(
            "verb=ListRecords&metadataPrefix=arXivRaw&set=cs",
            "verb=ListRecords&resumptionToken=t1",
            "verb=ListRecords&resumptionToken=t2");
    assertThat(STUB.maxInFlight()).isEqualTo(1);
    assertPoliteLedger(3);
    assertThat(checkpoint("state")).isEqualTo("DONE");
  }

  @Test
  void theNextHarvestStartsFromTheLastResponseDate() throws Exception {
    STUB.then(xml(page(records, "", 6)), xml(error("noRecordsMatch")));
    harvester.harvest(CS, HarvestProgress.NONE);

    HarvestSummary second = harvester.harvest(CS, HarvestProgress.NONE);

    assertThat(second.records()).isZero();
    assertThat(STUB.requests().get(1))
        .isEqualTo("verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2026-11-26");
  }

  @Test
  void aHarvestStoppedAfterPageTwoResumesAtItsTokenAndStoresEachRecordOnce() throws Exception {
    STUB.then(
        xml(page(records.subList(0, 2), "t1", 6)),
        xml(page(records.subList(2, 4), "t2", 6)),
        status(500, null),
        status(500, null),
        status(500, null));
    assertThatThrownBy(() -> harvester.harvest(CS, HarvestProgress.NONE))
        .isInstanceOf(ArxivUnavailable.class);
    assertThat(papers.count()).isEqualTo(4);
    assertThat(checkpoint("token")).isEqualTo("t2");

    STUB.reset();
    STUB.then(xml(page(records.subList(4, 6), "", 6)));
    HarvestSummary resumed = harvester.harvest(CS, HarvestProgress.NONE);

    assertThat(resumed.resumed()).isTrue();
    assertThat(STUB.requests()).containsExactly("verb=ListRecords&resumptionToken=t2");
    assertThat(papers.count()).isEqualTo(6);
    assertThat(Tables.count(jdbc, "papers")).isEqualTo(6);
  }

  @Test
  void aBadResumptionTokenRestartsTheListFromItsFrom() throws Exception {
    HarvestRequest dated =
        new HarvestRequest("cs", java.time.LocalDate.of(2014, 10, 1), null, "arXivRaw");
    STUB.then(
        xml(page(records.subList(0, 3), "t1", 6)),
        status(500, null),
        status(500, null),
        status(500, null));
    assertThatThrownBy(() -> harvester.harvest(dated, HarvestProgress.NONE))
        .isInstanceOf(ArxivUnavailable.class);

    STUB.reset();
    STUB.then(xml(error("badResumptionToken")), xml(page(records, "", 6)));
    HarvestSummary summary = harvester.harvest(dated, HarvestProgress.NONE);

    assertThat(summary.restarts()).isEqualTo(1);
    assertThat(STUB.requests())
        .containsExactly(
            "verb=ListRecords&resumptionToken=t1",
            "verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2014-10-01");
    assertThat(papers.count()).isEqualTo(6);
  }

  @Test
  void a503RetryAfterIsObeyedBeforeTheNextTry() throws Exception {
    STUB.then(status(503, "7"), xml(page(records, "", 6)));

    harvester.harvest(CS, HarvestProgress.NONE);

    List<Instant> grants = grants();
    assertThat(grants).hasSize(2);
    assertThat(Duration.between(grants.get(0), grants.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    assertThat(TIME.sleeps()).contains(Duration.ofSeconds(7));
    assertThat(papers.count()).isEqualTo(6);
  }

  @Test
  void aRetryAfterAsHttpDateAndZeroAreBothHonouredAtLeastTheInterval() throws Exception {
    Instant retryAt =
        TIME.instant().plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String inTenSeconds =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            retryAt.atZone(java.time.ZoneOffset.UTC));
    STUB.then(status(503, inTenSeconds), status(429, "0"), xml(page(records, "", 6)));

    harvester.harvest(CS, HarvestProgress.NONE);

    List<Instant> grants = grants();
    assertThat(grants.get(1)).isAfterOrEqualTo(retryAt);
    assertThat(Duration.between(grants.get(1), grants.get(2)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aServerThatHangsPastTheReadTimeoutIsCutOffAndRetried() throws Exception {
    STUB.then(xml(page(records, "", 6)).delayed(3_000), xml(page(records, "", 6)));

    HarvestSummary summary = harvester.harvest(CS, HarvestProgress.NONE);

    assertThat(summary.added()).isEqualTo(6);
    assertThat(STUB.requests()).hasSize(2);
    assertThat(statuses()).containsExactly(null, 200);
  }

  @Test
  void anHtmlAccessDeniedPageStopsTheHarvestAndIsNeverReadAsEmpty() throws Exception {
    papers.upsertAll(List.of(dev.paperboy.support.TestPapers.aPaper("2401.00001").build()));
    STUB.then(html(403, "<html><body>Access Denied</body></html>"));

    assertThatThrownBy(() -> harvester.harvest(CS, HarvestProgress.NONE))
        .isInstanceOf(ArxivRefused.class)
        .hasMessageContaining("403");
    STUB.then(html(200, "<html><body>Access Denied</body></html>"));
    assertThatThrownBy(() -> harvester.harvest(CS, HarvestProgress.NONE))
        .isInstanceOf(ArxivRefused.class)
        .hasMessageContaining("HTML");

    assertThat(STUB.requests()).hasSize(2);
    assertThat(papers.count()).isEqualTo(1);
    assertThat(Tables.count(jdbc, "harvests")).isZero();
  }

  @Test
  void hostileXmlStoresNothingAndLeavesTheCheckpointWhereItWas() throws Exception {
    STUB.then(
        xml(page(records.subList(0, 2), "t1", 6)),
        xml(
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><OAI-PMH><responseDate>&x;</responseDate></OAI-PMH>"));

    assertThatThrownBy(() -> harvester.harvest(CS, HarvestProgress.NONE))
        .isInstanceOf(ArxivFormatException.class);

    assertThat(papers.count()).isEqualTo(2);
    assertThat(checkpoint("token")).isEqualTo("t1");
    assertThat(
            jdbc.sql("SELECT count(*) FROM papers WHERE abstract LIKE '%root:%'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anEmptyPageHidesNothingAndDeletedRecordsAreOnlyMarked() throws Exception {
    STUB.then(xml(page(records, "", 6)));
    harvester.harvest(new HarvestRequest("physics", null, null, "arXivRaw"), HarvestProgress.NONE);
    String gone = OaiPages.idOf(records.get(0));
    STUB.then(xml(page(List.of(), "t1", 1)), xml(page(List.of(OaiPages.deleted(gone)), "", 1)));

    HarvestSummary summary =
        harvester.harvest(
            new HarvestRequest("physics", null, null, "arXivRaw"), HarvestProgress.NONE);

    assertThat(summary.deleted()).isEqualTo(1);
    assertThat(papers.count()).isEqualTo(6);
    assertThat(papers.find(ArxivId.parse(gone))).isPresent();
    assertThat(
            jdbc.sql("SELECT count(*) FROM papers WHERE deleted_at IS NOT NULL")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private void assertPoliteLedger(int expected) {
    List<Instant> grants = grants();
    assertThat(grants).hasSize(expected);
    for (int i = 1; i < grants.size(); i++) {
      assertThat(Duration.between(grants.get(i - 1), grants.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
  }

  private List<Instant> grants() {
    return jdbc.sql("SELECT granted_at FROM arxiv_requests ORDER BY id")
        .query((rs, n) -> SqlValues.requiredInstant(rs, "granted_at"))
        .list();
  }

  private List<Integer> statuses() {
    return jdbc.sql("SELECT status FROM arxiv_requests ORDER BY id")
        .query((rs, n) -> (Integer) rs.getObject("status"))
        .list();
  }

  private String checkpoint(String column) {
    return jdbc.sql("SELECT " + column + " FROM harvests WHERE name = 'arXivRaw/cs'")
        .query((rs, n) -> rs.getString(1))
        .single();
  }

  private static ArxivStub start() {
    try {
      return new ArxivStub();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
