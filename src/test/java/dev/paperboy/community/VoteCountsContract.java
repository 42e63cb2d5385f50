package dev.paperboy.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.account.Members;
import dev.paperboy.account.Role;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.curation.Votes;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.rules.Refusal;
import dev.paperboy.support.Generated;
import dev.paperboy.support.TestPapers;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * docs/reliability.md VOTE-2: after any sequence of upvotes, removals, bans and unbans by up to 20
 * members, some of them concurrent, every stored count equals the count recomputed from the votes;
 * and karma never moves on self-votes. Also the counted votes per day of the paper page's chart.
 */
abstract class VoteCountsContract {
  private static final int MEMBERS = 20;
  private static final int OPERATIONS = 200;

  @Autowired Accounts accounts;
  @Autowired Members members;
  @Autowired Votes votes;
  @Autowired DailyLists lists;
  @Autowired Papers papers;
  @Autowired JdbcClient jdbc;

  @Test
  void storedCountsEqualRecomputedCountsAfterEveryStep() throws Exception {
    String run = String.format("%04d", System.nanoTime() % 10_000);
    List<Account> people = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      people.add(
          accounts.add(
              "voter" + run + "x" + i + "@example.org",
              "voter" + run + "x" + i,
              Role.MEMBER,
              "correct horse battery staple"));
    }
    List<ArxivId> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ArxivId id = ArxivId.parse("2611." + run + i);
      papers.upsertAll(List.of(TestPapers.aPaper(id.base()).build()));
      lists.feature(id, LocalDate.of(2026, 11, 27), people.get(i).member());
      ids.add(id);
    }
    int karmaBefore = votes.karma(people.get(0).id());
    votes.upvote(fresh(people.get(0)), ids.get(0));
    assertThat(votes.karma(people.get(0).id()))
        .as("a self-vote earns no karma")
        .isEqualTo(karmaBefore);

    SplittableRandom random = new SplittableRandom(Generated.SEED);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int step = 0; step < OPERATIONS; ) {
        int batch = random.nextInt(4) == 0 ? 4 : 1;
        List<Future<?>> running = new ArrayList<>();
        for (int b = 0; b < batch && step < OPERATIONS; b++, step++) {
          Account who = people.get(random.nextInt(MEMBERS));
          ArxivId what = ids.get(random.nextInt(ids.size()));
          int op = random.nextInt(10);
          running.add(pool.submit(() -> apply(op, who, what)));
        }
        for (Future<?> done : running) {
          done.get();
        }
        for (ArxivId id : ids) {
          assertThat(stored(id)).as("step %d, %s", step, id.base()).isEqualTo(recomputed(id));
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The paper page's upvote history: each counted vote on its day in the curation zone, to the
   * quarter hour (Kathmandu is UTC+05:45, so 18:14 UTC is 23:59 there and 18:16 the next day); a
   * weightless vote and a banned member's vote are not counted.
   */
  @Test
  void countedVotesFallOnTheirDayInTheZone() {
    String run = String.format("%04d", System.nanoTime() % 10_000);
    ArxivId paper = ArxivId.parse("2612." + run + "9");
    papers.upsertAll(List.of(TestPapers.aPaper(paper.base()).build()));
    List<Account> voters = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Account voter =
          accounts.add(
              "day" + run + "x" + i + "@example.org",
              "day" + run + "x" + i,
              Role.MEMBER,
              "correct horse battery staple");
      voters.add(voter);
      if (i == 0) {
        lists.feature(paper, LocalDate.of(2026, 11, 27), voter.member());
      }
      votes.upvote(fresh(voter), paper);
    }
    List<String> at =
        List.of(
            "2026-11-27T18:14:00.000Z",
            "2026-11-27T18:16:00.000Z",
            "2026-11-28T09:00:00.000Z",
            "2026-11-28T09:01:00.000Z",
            "2026-11-28T09:02:00.000Z");
    for (int i = 0; i < voters.size(); i++) {
      jdbc.sql(
              "UPDATE votes SET created_at = :at, weight = :weight, counted = :weight"
                  + " WHERE member_id = :member")
          .param("at", at.get(i))
          .param("weight", i == 3 ? 0 : 1)
          .param("member", voters.get(i).id())
          .update();
    }
    accounts.ban(voters.get(4).id(), "moderator", "test");

    assertThat(votes.countedVotesPerDay(paper, ZoneId.of("Asia/Kathmandu")))
        .containsExactly(
            Map.entry(LocalDate.of(2026, 11, 27), 1L), Map.entry(LocalDate.of(2026, 11, 28), 2L));
    // The standing check counts no further than it needs, and agrees with the whole count.
    long submitter = voters.get(0).id();
    assertThat(votes.karma(submitter)).isEqualTo(2);
    assertThat(votes.hasKarma(submitter, 2)).isTrue();
    assertThat(votes.hasKarma(submitter, 3)).isFalse();
    assertThat(votes.countedVotesPerDay(paper, ZoneOffset.UTC))
        .containsExactly(
            Map.entry(LocalDate.of(2026, 11, 27), 2L), Map.entry(LocalDate.of(2026, 11, 28), 1L));
  }

  private void apply(int op, Account who, ArxivId what) {
    try {
      if (op < 6) {
        votes.upvote(fresh(who), what);
      } else if (op < 8) {
        votes.remove(fresh(who), what);
      } else if (op == 8) {
        accounts.ban(who.id(), "moderator", "test");
      } else {
        accounts.unban(who.id());
      }
    } catch (Refusal refused) {
      // a banned member's vote: refused, and nothing changes
    }
  }

  private Account fresh(Account who) {
    return accounts.byId(who.id()).orElseThrow();
  }

  private int stored(ArxivId id) {
    return jdbc.sql("SELECT upvotes FROM daily_entries WHERE arxiv_id = :id")
        .param("id", id.base())
        .query(Integer.class)
        .single();
  }

  private int recomputed(ArxivId id) {
    return jdbc.sql(
            """
            SELECT count(*) FROM votes JOIN members ON members.id = votes.member_id
            WHERE votes.arxiv_id = :id AND votes.weight = 1 AND members.banned_at IS NULL
            """)
        .param("id", id.base())
        .query(Integer.class)
        .single();
  }
}
