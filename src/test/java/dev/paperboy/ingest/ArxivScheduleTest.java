package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.paper.Papers;
import dev.paperboy.store.SqlValues;
import dev.paperboy.support.ArxivState;
import dev.paperboy.support.ArxivStub;
import dev.paperboy.support.StubbedArxiv;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The daily run: harvest then listing, once per lease, only with a contact configured. */
@StubbedArxiv
class ArxivScheduleTest {

  @Autowired ArxivSchedule schedule;
  @Autowired Papers papers;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void reset() {
    ArxivState.reset(jdbc, Instant.parse("2026-09-24T04:30:00Z"));
  }

  @Test
  void harvestsTheFollowedArchiveThenReadsTheListing() throws Exception {
    StubbedArxiv.STUB.then(
        ArxivStub.Reply.xml(OaiPages.page(OaiPages.records(), "", 6)),
        ArxivStub.Reply.xml(dev.paperboy.ingest.arxiv.ArxivRssParserTestFeed.feed()),
        ArxivStub.Reply.xml("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"));

    assertThat(schedule.sets()).containsExactly("cs");
    assertThat(schedule.run()).isTrue();

    assertThat(StubbedArxiv.STUB.requests())
        .containsExactly(
            "verb=ListRecords&metadataPrefix=arXivRaw&set=cs",
            "/rss/cs.LG+cs.AI",
            "id_list=2609.26811,2609.26820,2205.06398,2009.13987&max_results=4");
    assertThat(papers.count()).isEqualTo(6);
  }

  @Test
  void aRunHeldByAnotherNodeIsSkipped() {
    jdbc.sql(
            "INSERT INTO job_leases (name, holder, until) VALUES ('arxiv-daily', 'other-node', :until)")
        .param("until", SqlValues.text(StubbedArxiv.TIME.instant().plusSeconds(3600)))
        .update();

    assertThat(schedule.run()).isFalse();
    assertThat(StubbedArxiv.STUB.requests()).isEmpty();
  }
}
