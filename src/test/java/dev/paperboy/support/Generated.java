package dev.paperboy.support;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generated test cases from a fixed seed: the same cases on every run, so a failure names a case
 * that reproduces. Set {@code -Dpaperboy.test.seed=N} to explore other cases.
 */
public final class Generated {
  public static final long SEED = Long.getLong("paperboy.test.seed", 20_250_312L);

  private Generated() {}

  /** {@code count} cases, each made by {@code make} from its own random stream. */
  public static <T> Stream<T> cases(int count, Function<SplittableRandom, T> make) {
    SplittableRandom root = new SplittableRandom(SEED);
    return IntStream.range(0, count).mapToObj(i -> make.apply(root.split()));
  }

  public static String digits(SplittableRandom random, int length) {
    StringBuilder digits = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }

  public static String pick(SplittableRandom random, String... options) {
    return options[random.nextInt(options.length)];
  }

  /** Arbitrary text: any UTF-16 code units, including control characters and lone surrogates. */
  public static String anyText(SplittableRandom random, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(random.nextBoolean() ? 128 : 0x10000));
    }
    return text.toString();
  }

  /** Text over a small alphabet, likely to come close to what a parser accepts. */
  public static String textOver(SplittableRandom random, String alphabet, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
