package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.paper.Papers;
import dev.paperboy.store.SqlValues;
import dev.paperboy.support.ArxivStub;
import dev.paperboy.support.FakeTime;
import dev.paperboy.support.SqliteStore;
import dev.paperboy.support.Tables;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
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

/** The daily run: harvest then listing, once per lease, only with a contact configured. */
@SqliteStore
@Import(ArxivScheduleTest.Time.class)
class ArxivScheduleTest {
  static final ArxivStub ARXIV = start();
  static final FakeTime TIME = new FakeTime(Instant.parse("2026-09-24T04:30:00Z"));

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
    String base = ARXIV.baseUrl().replace("/oai", "");
    registry.add("paperboy.arxiv.oai-base-url", () -> base + "/oai");
    registry.add("paperboy.arxiv.api-base-url", () -> base + "/api/query");
    registry.add("paperboy.arxiv.rss-base-url", () -> base);
    registry.add("paperboy.arxiv.categories", () -> "cs.LG,cs.AI");
    registry.add("paperboy.arxiv.contact", () -> "ops@paperboy.example");
  }

  @Autowired ArxivSchedule schedule;
  @Autowired Papers papers;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void reset() {
    ARXIV.reset();
    Tables.clean(jdbc);
    jdbc.sql("DELETE FROM job_leases").update();
  }

  @AfterAll
  static void stop() {
    ARXIV.close();
  }

  @Test
  void harvestsTheFollowedArchiveThenReadsTheListing() throws Exception {
    ARXIV.then(
        ArxivStub.Reply.xml(OaiPages.page(OaiPages.records(), "", 6)),
        ArxivStub.Reply.xml(dev.paperboy.ingest.arxiv.ArxivRssParserTestFeed.feed()),
        ArxivStub.Reply.xml("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"));

    assertThat(schedule.sets()).containsExactly("cs");
    assertThat(schedule.run()).isTrue();

    assertThat(ARXIV.requests())
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
        .param("until", SqlValues.text(TIME.instant().plusSeconds(3600)))
        .update();

    assertThat(schedule.run()).isFalse();
    assertThat(ARXIV.requests()).isEmpty();
  }

  private static ArxivStub start() {
    try {
      return new ArxivStub();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
