package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewsTest {
  private static final String WORDS = "word ".repeat(56); // 280 characters

  @Test
  void aShortAbstractIsShownWhole() {
    assertThat(Views.start("We bound $f(x)$.\nSecond line."))
        .isEqualTo("We bound $f(x)$. Second line.");
  }

  @Test
  void theCardsCutFallsBeforeAFormulaItWouldSplit() {
    String abstractText = WORDS + "at redshifts $2.5\\le z<9.5 using$ JWST galaxies and more words";

    String start = Views.start(abstractText);

    assertThat(start).isEqualTo(WORDS + "at redshifts …");
    assertThat(start.chars().filter(c -> c == '$').count()).isEven();
  }

  @Test
  void aClosedFormulaAndAnEscapedDollarDoNotMoveTheCut() {
    String abstractText = "It costs \\$5 and $x$ is " + WORDS + "tail words beyond the cut";

    assertThat(Views.start(abstractText))
        .startsWith("It costs \\$5 and $x$ is word")
        .endsWith("word …");
  }

  @Test
  void displayMathCountsAsOneMark() {
    String abstractText = WORDS + "so $$\\sum_i x_i = 1 over$$ all of it and then some more";

    assertThat(Views.start(abstractText)).isEqualTo(WORDS + "so …");
  }
}
