package dev.paperboy.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.account.Member;
import dev.paperboy.account.Role;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.support.Generated;
import dev.paperboy.support.TestPapers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the trending score and order, over generated inputs (seeded). */
class TrendingScoreTest {
  private static final Instant BASE = Instant.parse("2026-11-20T00:00:00Z");
  private static final Member CURATOR = new Member(1, "curator", "AK", Role.CURATOR, BASE);

  @Test
  void moreUpvotesOrCommentsNeverLowerAScore() {
    Generated.cases(
            2_000,
            r ->
                new int[] {
                  r.nextInt(10_000), r.nextInt(10_000), r.nextInt(1_000), r.nextInt(1_000_000)
                })
        .forEach(
            c -> {
              Instant at = BASE.plusSeconds(c[3]);
              double score = TrendingScore.of(c[0], c[1], at);
              assertThat(TrendingScore.of(c[0] + 1 + c[2], c[1], at)).isGreaterThan(score);
              assertThat(TrendingScore.of(c[0], c[1] + 1 + c[2], at)).isGreaterThan(score);
            });
  }

  @Test
  void anOlderSubmissionNeverScoresHigher() {
    Generated.cases(
            2_000,
            r ->
                new int[] {
                  r.nextInt(10_000),
                  r.nextInt(1_000),
                  r.nextInt(1_000_000),
                  1 + r.nextInt(1_000_000)
                })
        .forEach(
            c -> {
              Instant later = BASE.plusSeconds(c[2] + c[3]);
              Instant earlier = BASE.plusSeconds(c[2]);
              assertThat(TrendingScore.of(c[0], c[1], earlier))
                  .isLessThan(TrendingScore.of(c[0], c[1], later));
            });
  }

  @Test
  void tenTimesThePointsAreWorthOneWindowOfRecency() {
    double now = TrendingScore.of(9, 0, BASE); // 10 points
    double earlierButMoreVoted =
        TrendingScore.of(99, 0, BASE.minus(TrendingScore.WINDOW)); // 100 points

    assertThat(earlierButMoreVoted).isCloseTo(now, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void withoutVotesTheNewestComesFirst() {
    List<DailyEntry> entries =
        List.of(
            entry("2401.00001", 0, 0, 10),
            entry("2401.00002", 0, 0, 30),
            entry("2401.00003", 0, 0, 20));

    assertThat(Rankings.sortTrending(entries))
        .extracting(e -> e.paper().id().base())
        .containsExactly("2401.00002", "2401.00003", "2401.00001");
  }

  @Test
  void theOrderIsTheSameWhateverOrderTheEntriesCameIn() {
    List<DailyEntry> entries = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      // Many equal scores: the same votes at the same instant.
      entries.add(entry(String.format("2401.%05d", i), i % 3, i % 2, (i % 4) * 3600));
    }
    List<DailyEntry> expected = Rankings.sortTrending(entries);
    Random random = new Random(Generated.SEED);
    for (int run = 0; run < 50; run++) {
      List<DailyEntry> shuffled = new ArrayList<>(entries);
      Collections.shuffle(shuffled, random);
      assertThat(Rankings.sortTrending(shuffled)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void negativeCountsAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrendingScore.of(-1, 0, BASE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static DailyEntry entry(String id, int upvotes, int comments, long secondsAfterBase) {
    return new DailyEntry(
        TestPapers.aPaper(id).build(),
        LocalDate.of(2026, 11, 20),
        CURATOR,
        BASE.plusSeconds(secondsAfterBase),
        upvotes,
        comments,
        false);
  }
}
