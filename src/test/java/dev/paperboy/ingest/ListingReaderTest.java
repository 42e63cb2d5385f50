package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.ArxivState;
import dev.paperboy.support.ArxivStub;
import dev.paperboy.support.StubbedArxiv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The listing read against a loopback stand-in for rss.arxiv.org and the StubbedArxiv.STUB. */
@StubbedArxiv
class ListingReaderTest {

  @Autowired ListingReader reader;
  @Autowired Announcements announcements;
  @Autowired Papers papers;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void reset() {
    ArxivState.reset(jdbc, Instant.parse("2026-09-24T22:00:00Z"));
  }

  @Test
  void recordsTheDaysAnnouncementsAndLooksUpPapersItDoesNotHave() throws Exception {
    papers.upsertAll(
        List.of(
            dev.paperboy.support.TestPapers.aPaper("2609.26811").build(),
            dev.paperboy.support.TestPapers.aPaper("2205.06398").versions(2).build()));
    // The recorded API answer holds none of the two missing papers: they stay unrecorded.
    StubbedArxiv.STUB.then(
        ArxivStub.Reply.xml(dev.paperboy.ingest.arxiv.ArxivRssParserTestFeed.feed()),
        ArxivStub.Reply.xml(apiAnswerFor()));

    ListingSummary summary = reader.read();

    assertThat(StubbedArxiv.STUB.requests())
        .containsExactly("/rss/cs.LG+cs.AI", "id_list=2609.26820,2009.13987&max_results=2");
    assertThat(summary.day()).isEqualTo(LocalDate.of(2026, 9, 24));
    assertThat(summary.newItems()).isEqualTo(2);
    assertThat(summary.crossItems()).isEqualTo(1);
    assertThat(summary.replaceItems()).isEqualTo(1);
    assertThat(summary.stale()).isFalse();
    assertThat(announcements.latestDay()).contains(LocalDate.of(2026, 9, 24));
    assertThat(announcements.day(LocalDate.of(2026, 9, 24), List.of("new")))
        .containsExactly(ArxivId.parse("2609.26811"));
    assertThat(announcements.day(LocalDate.of(2026, 9, 24), List.of("cross", "replace")))
        .containsExactly(ArxivId.parse("2205.06398"));
  }

  @Test
  void anUnknownCategoryIsReportedNotTakenAsAQuietDay() {
    StubbedArxiv.STUB.then(
        ArxivStub.Reply.xml(
            "<rss version=\"2.0\"><channel><title>Feed error for query: cs.XX</title></channel></rss>"));

    assertThatThrownBy(() -> reader.read())
        .isInstanceOf(ArxivRefused.class)
        .hasMessageContaining("Feed error for query");
  }

  @Test
  void aFeedThatHasNotAdvancedIsReported() throws Exception {
    String monday =
        dev.paperboy.ingest.arxiv.ArxivRssParserTestFeed.feed()
            .replace("Thu, 24 Sep 2026 00:00:00 -0400", "Mon, 21 Sep 2026 00:00:00 -0400");
    StubbedArxiv.STUB.then(ArxivStub.Reply.xml(monday), ArxivStub.Reply.xml(apiAnswerFor()));

    assertThat(reader.read().stale()).isTrue();
  }

  private static String apiAnswerFor() throws IOException {
    try (InputStream in =
        ListingReaderTest.class.getResourceAsStream(
            "/arxiv/arxiv-api/arxivpy-id_1707.08567_s0_m100_6a1afebfc6a3.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
