package dev.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ArxivIdProperties {

  @Property
  void everyNewStyleIdRoundTripsThroughEveryForm(
      @ForAll("newStyle") String base, @ForAll("version") int version) {
    String versioned = version == 0 ? base : base + "v" + version;
    ArxivId expected = new ArxivId(base, version);

    for (String form :
        new String[] {
          versioned,
          "arXiv:" + versioned,
          "https://arxiv.org/abs/" + versioned,
          "http://arxiv.org/pdf/" + versioned + ".pdf",
          " " + versioned + "\t"
        }) {
      assertThat(ArxivId.parse(form)).as(form).isEqualTo(expected);
    }
    assertThat(ArxivId.parse(expected.toString())).isEqualTo(expected);
  }

  @Property
  void everyOldStyleIdLosesItsSubjectClassAndKeepsTheRest(
      @ForAll("oldStyle") String base, @ForAll("version") int version) {
    String archive = base.substring(0, base.indexOf('/'));
    String withClass = archive + ".XY" + base.substring(base.indexOf('/'));
    String suffix = version == 0 ? "" : "v" + version;

    assertThat(ArxivId.parse(withClass + suffix)).isEqualTo(new ArxivId(base, version));
    assertThat(ArxivId.parse("https://arxiv.org/abs/" + base + suffix).base()).isEqualTo(base);
  }

  /** Whatever the input, parse either answers a valid id that re-parses to itself, or refuses. */
  @Property(tries = 2_000)
  void garbageIsRefusedWithTheDeclaredExceptionOnly(@ForAll("garbage") String input) {
    try {
      ArxivId id = ArxivId.parse(input);
      assertThat(ArxivId.parse(id.toString())).isEqualTo(id);
    } catch (InvalidArxivId e) {
      assertThat(e.getMessage()).startsWith("Not an arXiv id");
    }
  }

  @Provide
  Arbitrary<String> newStyle() {
    Arbitrary<Integer> yymm =
        Arbitraries.integers()
            .between(7, 99)
            .flatMap(yy -> Arbitraries.integers().between(1, 12).map(mm -> yy * 100 + mm))
            .filter(v -> v >= 704);
    return yymm.flatMap(
        v -> {
          int digits = v < 1501 ? 4 : 5;
          return Arbitraries.strings()
              .numeric()
              .ofLength(digits)
              .map(num -> String.format("%04d.%s", v, num));
        });
  }

  @Provide
  Arbitrary<String> oldStyle() {
    Arbitrary<String> archive =
        Arbitraries.of("hep-th", "math", "cond-mat", "astro-ph", "quant-ph", "cs", "q-bio");
    Arbitrary<Integer> yymm =
        Arbitraries.of(91, 95, 99, 0, 3, 6)
            .flatMap(yy -> Arbitraries.integers().between(1, 12).map(mm -> yy * 100 + mm));
    Arbitrary<Integer> number = Arbitraries.integers().between(1, 999);
    return Combinators.combine(archive, yymm, number)
        .as((a, d, n) -> String.format("%s/%04d%03d", a, d, n));
  }

  @Provide
  Arbitrary<Integer> version() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 30)));
  }

  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("0123456789.v/:-abcdehmtpsx ").ofMaxLength(30),
        Combinators.combine(newStyle(), Arbitraries.strings().ofMaxLength(3))
            .as((id, tail) -> id + tail),
        newStyle().map(id -> "https://arxiv.org/" + id));
  }
}
