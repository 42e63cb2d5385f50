package dev.paperboy.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.account.Account;
import dev.paperboy.account.AccountSettings;
import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.curation.Votes;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.SqliteStore;
import dev.paperboy.support.TestPapers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * docs/reliability.md VOTE-3 with a voting age set: a young account's upvote is kept with weight 0
 * (it shows as the member's own) and the ranking does not move.
 */
@SqliteStore
@TestPropertySource(properties = "paperboy.community.vote-weight-age=P7D")
class VoteWeightTest {
  /** The tests' own configuration turns the wait off; a site without configuration has it. */
  @Test
  void aPublicSiteWaitsAWeekByDefault() {
    AccountSettings defaults =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("paperboy.community", AccountSettings.class);
    assertThat(defaults.voteWeightAge()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void aNewCuratorsVoteCountsAtOnce() {
    Account curator =
        accounts.add("cur@example.org", "newcurator", Role.CURATOR, "a fine passphrase");
    ArxivId paper = ArxivId.parse("2611.00043");
    papers.upsertAll(List.of(TestPapers.aPaper(paper.base()).build()));
    lists.feature(paper, LocalDate.of(2026, 11, 27), curator.member());
    assertThat(votes.upvote(accounts.byId(curator.id()).orElseThrow(), paper).upvotes()).isOne();
  }

  @Autowired Accounts accounts;
  @Autowired Votes votes;
  @Autowired DailyLists lists;
  @Autowired Papers papers;
  @Autowired JdbcClient jdbc;

  @Test
  void aYoungAccountsVoteIsKeptWithWeightZeroAndAnOlderOnesCounts() {
    Account young = accounts.add("young@example.org", "young", Role.MEMBER, "a fine passphrase");
    Account old = accounts.add("old@example.org", "old", Role.MEMBER, "a fine passphrase");
    jdbc.sql("UPDATE members SET created_at = '2026-10-01T00:00:00.000Z' WHERE id = :id")
        .param("id", old.id())
        .update();
    ArxivId paper = ArxivId.parse("2611.00042");
    papers.upsertAll(List.of(TestPapers.aPaper(paper.base()).build()));
    lists.feature(paper, LocalDate.of(2026, 11, 27), young.member());

    Votes.Tally mine = votes.upvote(accounts.byId(young.id()).orElseThrow(), paper);

    assertThat(mine.upvoted()).isTrue();
    assertThat(mine.upvotes()).isZero();
    assertThat(votes.upvotedBy(young.id(), List.of(paper))).containsExactly(paper.base());
    assertThat(votes.upvote(accounts.byId(old.id()).orElseThrow(), paper).upvotes()).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT weight FROM votes WHERE arxiv_id = :id ORDER BY member_id")
                .param("id", paper.base())
                .query(Integer.class)
                .list())
        .containsExactly(0, 1);
  }
}
