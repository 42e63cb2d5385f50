package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class UpvoteHistoryTest {
  private static final LocalDate LISTED = LocalDate.of(2025, 3, 12);

  @Test
  void theWholeHistoryIsDrawnWithTodaysVotesIncluded() {
    LocalDate today = LocalDate.of(2026, 12, 2);
    UpvoteHistory history =
        UpvoteHistory.of(
            LISTED, new TreeMap<>(Map.of(LISTED, 1L, LISTED.plusDays(40), 1L, today, 2L)), today);

    assertThat(history.caption()).isEqualTo("4 upvotes since Mar 12, 2025, 2 today");
    assertThat(history.from()).isEqualTo("Mar 12, 2025");
    assertThat(history.to()).isEqualTo("Dec 2, 2026");
    Element line = Jsoup.parse(history.svg()).selectFirst("svg path.line");
    // One step a day over 631 days: the last rise (today's two votes) reaches the top.
    assertThat(line.attr("d")).startsWith("M0.0,").endsWith("V4.0 H600");
  }

  @Test
  void aPaperListedTodayStillDrawsAWeekNotABlock() {
    UpvoteHistory history = UpvoteHistory.of(LISTED, new TreeMap<>(Map.of(LISTED, 1L)), LISTED);

    assertThat(history.caption()).isEqualTo("1 upvote since Mar 12, 2025, 1 today");
    assertThat(history.from()).isEqualTo("Mar 6, 2025");
    assertThat(history.to()).isEqualTo("Mar 12, 2025");
    Element svg = Jsoup.parse(history.svg()).selectFirst("svg");
    assertThat(svg.attr("height")).as("a fixed height, whatever the width").isEqualTo("100");
    assertThat(svg.attr("preserveAspectRatio")).isEqualTo("none");
  }

  @Test
  void votesBeforeTheListingWidenTheChartBackwards() {
    LocalDate early = LISTED.minusDays(20);
    UpvoteHistory history = UpvoteHistory.of(LISTED, new TreeMap<>(Map.of(early, 1L)), LISTED);

    assertThat(history.from()).isEqualTo("Feb 20, 2025");
    assertThat(history.caption()).isEqualTo("1 upvote since Mar 12, 2025");
  }
}
