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
import dev.paperboy.support.ArxivState;
import dev.paperboy.support.ArxivStub;
import dev.paperboy.support.StubbedArxiv;
import dev.paperboy.support.Tables;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The harvester against a local server that replays recorded arXiv pages and scripted faults. Time
 * is fake: waits are recorded by the gate and the retry loop, never slept.
 */
@StubbedArxiv
class OaiHarvesterTest {
  static final HarvestRequest CS = new HarvestRequest("cs", null, null, "arXivRaw");

  @Autowired OaiHarvester harvester;
  @Autowired Papers papers;
  @Autowired JdbcClient jdbc;

  List<String> records;

  @BeforeEach
  void reset() throws IOException {
    ArxivState.reset(jdbc, Instant.parse("2026-11-26T22:00:00Z"));
    records = OaiPages.records();
  }

  @Test
  void harvestsThreePagesByResumptionTokenPolitely() throws Exception {
    StubbedArxiv.STUB.then(
        xml(page(records.subList(0, 2), "t1", 6)),
        xml(page(records.subList(2, 4), "t2", 6)),
        xml(page(records.subList(4, 6), "", 6)));

    HarvestSummary summary = harvester.harvest(CS, HarvestProgress.NONE);

    assertThat(summary.pages()).isEqualTo(3);
    assertThat(summary.added()).isEqualTo(6);
    assertThat(papers.count()).isEqualTo(6);
    assertThat(StubbedArxiv.STUB.requests())
        .containsExactly(
            "verb=ListRecords&metadataPrefix=arXivRaw&set=cs",
            "verb=ListRecords&resumptionToken=t1",
            "verb=ListRecords&resumptionToken=t2");
    assertThat(StubbedArxiv.STUB.maxInFlight()).isEqualTo(1);
    assertPoliteLedger(3);
    assertThat(checkpoint("state")).isEqualTo("DONE");
  }

  @Test
  void theNextHarvestStartsFromTheLastResponseDate() throws Exception {
    StubbedArxiv.STUB.then(xml(page(records, "", 6)), xml(error("noRecordsMatch")));
    harvester.harvest(CS, HarvestProgress.NONE);

    HarvestSummary second = harvester.harvest(CS, HarvestProgress.NONE);

    assertThat(second.records()).isZero();
    assertThat(StubbedArxiv.STUB.requests().get(1))
        .isEqualTo("verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2026-11-26");
  }

  @Test
  void aHarvestStoppedAfterPageTwoResumesAtItsTokenAndStoresEachRecordOnce() throws Exception {
    StubbedArxiv.STUB.then(
        xml(page(records.subList(0, 2), "t1", 6)),
        xml(page(records.subList(2, 4), "t2", 6)),
        status(500, null),
        status(500, null),
        status(500, null));
    assertThatThrownBy(() -> harvester.harvest(CS, HarvestProgress.NONE))
        .isInstanceOf(ArxivUnavailable.class);
    assertThat(papers.count()).isEqualTo(4);
    assertThat(checkpoint("token")).isEqualTo("t2");

    StubbedArxiv.STUB.reset();
    StubbedArxiv.STUB.then(xml(page(records.subList(4, 6), "", 6)));
    HarvestSummary resumed = harvester.harvest(CS, HarvestProgress.NONE);

    assertThat(resumed.resumed()).isTrue();
    assertThat(StubbedArxiv.STUB.requests()).containsExactly("verb=ListRecords&resumptionToken=t2");
    assertThat(papers.count()).isEqualTo(6);
    assertThat(Tables.count(jdbc, "papers")).isEqualTo(6);
  }

  @Test
  void aBadResumptionTokenRestartsTheListFromItsFrom() throws Exception {
    HarvestRequest dated = new HarvestRequest("cs", LocalDate.of(2014, 10, 1), null, "arXivRaw");
    StubbedArxiv.STUB.then(
        xml(page(records.subList(0, 3), "t1", 6)),
        status(500, null),
        status(500, null),
        status(500, null));
    assertThatThrownBy(() -> harvester.harvest(dated, HarvestProgress.NONE))
        .isInstanceOf(ArxivUnavailable.class);

    StubbedArxiv.STUB.reset();
    StubbedArxiv.STUB.then(xml(error("badResumptionToken")), xml(page(records, "", 6)));
    HarvestSummary summary = harvester.harvest(dated, HarvestProgress.NONE);

    assertThat(summary.restarts()).isEqualTo(1);
    assertThat(StubbedArxiv.STUB.requests())
        .containsExactly(
            "verb=ListRecords&resumptionToken=t1",
            "verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2014-10-01");
    assertThat(papers.count()).isEqualTo(6);
  }

  @Test
  void a503RetryAfterIsObeyedBeforeTheNextTry() throws Exception {
    StubbedArxiv.STUB.then(status(503, "7"), xml(page(records, "", 6)));

    harvester.harvest(CS, HarvestProgress.NONE);

    List<Instant> grants = grants();
    assertThat(grants).hasSize(2);
    assertThat(Duration.between(grants.get(0), grants.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    assertThat(StubbedArxiv.TIME.sleeps()).contains(Duration.ofSeconds(7));
    assertThat(papers.count()).isEqualTo(6);
  }

  @Test
  void aRetryAfterAsHttpDateAndZeroAreBothHonouredAtLeastTheInterval() throws Exception {
    Instant retryAt = StubbedArxiv.TIME.instant().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
    String inTenSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt.atZone(ZoneOffset.UTC));
    StubbedArxiv.STUB.then(status(503, inTenSeconds), status(429, "0"), xml(page(records, "", 6)));

    harvester.harvest(CS, HarvestProgress.NONE);

    List<Instant> grants = grants();
    assertThat(grants.get(1)).isAfterOrEqualTo(retryAt);
    assertThat(Duration.between(grants.get(1), grants.get(2)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aServerThatHangsPastTheReadTimeoutIsCutOffAndRetried() throws Exception {
    StubbedArxiv.STUB.then(xml(page(records, "", 6)).delayed(3_000), xml(page(records, "", 6)));

    HarvestSummary summary = harvester.harvest(CS, HarvestProgress.NONE);

    assertThat(summary.added()).isEqualTo(6);
    assertThat(StubbedArxiv.STUB.requests()).hasSize(2);
    assertThat(statuses()).containsExactly(null, 200);
  }

  @Test
  void aDroppedConnectionIsRetriedAfterABackoffAndNeverResentBehindTheGate() throws Exception {
    StubbedArxiv.STUB.then(ArxivStub.Reply.hangUp(), xml(page(records, "", 6)));

    HarvestSummary summary = harvester.harvest(CS, HarvestProgress.NONE);

    assertThat(summary.added()).isEqualTo(6);
    // One request a permit: the HTTP client must not quietly send the GET again on its own.
    assertThat(StubbedArxiv.STUB.requests()).hasSize(2);
    assertThat(statuses()).containsExactly(null, 200);
    assertPoliteLedger(2);
    // The first backoff: between half of and all of twice the interval.
    assertThat(waits()).hasSize(1);
    assertThat(waits().get(0)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));
  }

  @Test
  void anAnswerCutOffMidBodyStoresNothingOfItAndIsAskedAgain() throws Exception {
    StubbedArxiv.STUB.then(xml(page(records, "", 6)).cut(), xml(page(records, "", 6)));

    HarvestSummary summary = harvester.harvest(CS, HarvestProgress.NONE);

    assertThat(summary.pages()).isEqualTo(1);
    assertThat(summary.added()).isEqualTo(6);
    assertThat(StubbedArxiv.STUB.requests()).hasSize(2);
    assertPoliteLedger(2);
  }

  @Test
  void failuresBackOffLongerEachTimeThenGiveUpLeavingTheCheckpointAlone() throws Exception {
    StubbedArxiv.STUB.then(status(500, null), status(502, null), status(500, null));

    assertThatThrownBy(() -> harvester.harvest(CS, HarvestProgress.NONE))
        .isInstanceOf(ArxivUnavailable.class)
        .hasMessageContaining("after 3 attempts");

    // Three attempts (the tests' max-attempts), two waits: the second within twice the first's
    // bounds, [6 s, 12 s] after [3 s, 6 s].
    List<Duration> waits = waits();
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));
    assertThat(waits.get(1)).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(12));
    assertThat(papers.count()).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM harvests").query(Long.class).single()).isZero();
  }

  @Test
  void anHtmlAccessDeniedPageStopsTheHarvestAndIsNeverReadAsEmpty() throws Exception {
    papers.upsertAll(List.of(dev.paperboy.support.TestPapers.aPaper("2401.00001").build()));
    StubbedArxiv.STUB.then(html(403, "<html><body>Access Denied</body></html>"));

    assertThatThrownBy(() -> harvester.harvest(CS, HarvestProgress.NONE))
        .isInstanceOf(ArxivRefused.class)
        .hasMessageContaining("403");
    StubbedArxiv.STUB.then(html(200, "<html><body>Access Denied</body></html>"));
    assertThatThrownBy(() -> harvester.harvest(CS, HarvestProgress.NONE))
        .isInstanceOf(ArxivRefused.class)
        .hasMessageContaining("HTML");

    assertThat(StubbedArxiv.STUB.requests()).hasSize(2);
    assertThat(papers.count()).isEqualTo(1);
    assertThat(Tables.count(jdbc, "harvests")).isZero();
  }

  @Test
  void hostileXmlStoresNothingAndLeavesTheCheckpointWhereItWas() throws Exception {
    StubbedArxiv.STUB.then(
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
    StubbedArxiv.STUB.then(xml(page(records, "", 6)));
    harvester.harvest(new HarvestRequest("physics", null, null, "arXivRaw"), HarvestProgress.NONE);
    String gone = OaiPages.idOf(records.get(0));
    StubbedArxiv.STUB.then(
        xml(page(List.of(), "t1", 1)), xml(page(List.of(OaiPages.deleted(gone)), "", 1)));

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

  /** The waits spent in time (the gate's zero waits left out). */
  private static List<Duration> waits() {
    return StubbedArxiv.TIME.sleeps().stream().filter(wait -> !wait.isZero()).toList();
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
}
