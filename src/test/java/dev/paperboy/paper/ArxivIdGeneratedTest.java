package dev.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Generated;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Properties of {@link ArxivId} over generated ids and garbage (seeded, see {@link Generated}). */
class ArxivIdGeneratedTest {

  record Id(String base, int version) {
    String text() {
      return version == 0 ? base : base + "v" + version;
    }
  }

  @Test
  void everyNewStyleIdRoundTripsThroughEveryForm() {
    newStyleIds().forEach(ArxivIdGeneratedTest::roundTrips);
  }

  private static void roundTrips(Id id) {
    ArxivId expected = new ArxivId(id.base(), id.version());

    for (String form :
        new String[] {
          id.text(),
          "arXiv:" + id.text(),
          "https://arxiv.org/abs/" + id.text(),
          "http://arxiv.org/pdf/" + id.text() + ".pdf",
          "https://www.arxiv.org/abs/" + id.text() + "/",
          " " + id.text() + "\t"
        }) {
      assertThat(ArxivId.parse(form)).as(form).isEqualTo(expected);
    }
    assertThat(ArxivId.parse(expected.toString())).isEqualTo(expected);
  }

  @Test
  void everyOldStyleIdDropsItsSubjectClassAndKeepsTheRest() {
    oldStyleIds().forEach(ArxivIdGeneratedTest::dropsSubjectClass);
  }

  private static void dropsSubjectClass(Id id) {
    int slash = id.base().indexOf('/');
    String withClass = id.base().substring(0, slash) + ".GT" + id.base().substring(slash);
    String suffix = id.version() == 0 ? "" : "v" + id.version();

    assertThat(ArxivId.parse(withClass + suffix))
        .as(withClass + suffix)
        .isEqualTo(new ArxivId(id.base(), id.version()));
    assertThat(ArxivId.parse("https://arxiv.org/abs/" + id.text()))
        .isEqualTo(new ArxivId(id.base(), id.version()));
  }

  /** Whatever the input, parse answers a valid id that re-parses to itself, or refuses it. */
  @Test
  void garbageIsRefusedWithTheDeclaredExceptionOnly() {
    garbage().forEach(ArxivIdGeneratedTest::parsesOrRefuses);
  }

  private static void parsesOrRefuses(String input) {
    try {
      ArxivId id = ArxivId.parse(input);
      assertThat(ArxivId.parse(id.toString())).as(input).isEqualTo(id);
      assertThat(id.base()).as(input).matches("\\d{4}\\.\\d{4,5}|[a-z]+(-[a-z]+)?/\\d{7}");
    } catch (InvalidArxivId e) {
      assertThat(e.getMessage()).as(input).startsWith("Not an arXiv id");
    }
  }

  static Stream<Id> newStyleIds() {
    return Generated.cases(
        300,
        random -> {
          int yymm;
          do {
            yymm = (7 + random.nextInt(93)) * 100 + 1 + random.nextInt(12);
          } while (yymm < 704);
          String number = Generated.digits(random, yymm < 1501 ? 4 : 5);
          return new Id(String.format("%04d.%s", yymm, number), version(random));
        });
  }

  static Stream<Id> oldStyleIds() {
    return Generated.cases(
        200,
        random -> {
          String archive =
              Generated.pick(
                  random, "hep-th", "math", "cond-mat", "astro-ph", "quant-ph", "cs", "q-bio");
          int yy = Integer.parseInt(Generated.pick(random, "91", "95", "99", "00", "03", "06"));
          int number = 1 + random.nextInt(999);
          return new Id(
              String.format("%s/%02d%02d%03d", archive, yy, 1 + random.nextInt(12), number),
              version(random));
        });
  }

  static Stream<String> garbage() {
    return Generated.cases(
        2_000,
        random ->
            switch (random.nextInt(4)) {
              case 0 -> Generated.anyText(random, 40);
              case 1 -> Generated.textOver(random, "0123456789.v/:-abcdehmtpsxAGT ", 30);
              case 2 ->
                  newStyleIds().skip(random.nextInt(300)).findFirst().orElseThrow().text()
                      + Generated.anyText(random, 3);
              default ->
                  "https://arxiv.org/" + Generated.textOver(random, "abspdf/0123456789.v", 25);
            });
  }

  private static int version(SplittableRandom random) {
    return random.nextInt(5) < 3 ? 0 : 1 + random.nextInt(30);
  }
}
