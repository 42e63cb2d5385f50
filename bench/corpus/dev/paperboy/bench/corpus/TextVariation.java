package dev.paperboy.bench.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Makes a new paper's text out of two source papers, so that a generated corpus is not the source
 * repeated: the title of one with some of its longer words taken from the other's title, the
 * abstract of one with about a third of its sentences taken from the other's, and the authors of
 * one with about half of their last names taken from anywhere in the corpus. Every change draws
 * on the corpus's own words, so the vocabulary stays the source's: see the bias this gives in
 * docs/benchmarks.md, "The whole of arXiv on one machine".
 */
final class TextVariation {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+(?=[A-Z])");

  private TextVariation() {}

  /** {@code base} with at least one of its words of four letters or more taken from {@code donor}. */
  static String title(String base, String donor, SplittableRandom random) {
    String[] words = SPACES.split(base.strip());
    List<String> donated = longWords(SPACES.split(donor.strip()));
    List<Integer> replaceable = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (words[i].length() >= 4) {
        replaceable.add(i);
      }
    }
    if (donated.isEmpty() || replaceable.isEmpty()) {
      return base.strip() + " " + String.join(" ", SPACES.split(donor.strip()));
    }
    int forced = replaceable.get(random.nextInt(replaceable.size()));
    for (int i : replaceable) {
      if (i == forced || random.nextInt(10) < 3) {
        words[i] = donated.get(random.nextInt(donated.size()));
      }
    }
    return String.join(" ", words);
  }

  /** {@code base}'s sentences, at least one and about a third of them replaced by {@code donor}'s. */
  static String abstractText(String base, String donor, SplittableRandom random) {
    String[] sentences = SENTENCE_END.split(SPACES.matcher(base.strip()).replaceAll(" "));
    String[] donated = SENTENCE_END.split(SPACES.matcher(donor.strip()).replaceAll(" "));
    int forced = random.nextInt(sentences.length);
    for (int i = 0; i < sentences.length; i++) {
      if (i == forced || random.nextInt(3) == 0) {
        sentences[i] = donated[random.nextInt(donated.length)];
      }
    }
    return String.join(" ", sentences);
  }

  /** Each author [last, first, suffix] of {@code base}, half of them under another last name. */
  static List<List<String>> authors(
      List<List<String>> base, List<String> lastNames, SplittableRandom random) {
    List<List<String>> authors = new ArrayList<>(base.size());
    for (List<String> author : base) {
      List<String> parts = new ArrayList<>(author);
      if (!parts.isEmpty() && random.nextBoolean()) {
        parts.set(0, lastNames.get(random.nextInt(lastNames.size())));
      }
      authors.add(parts);
    }
    return authors;
  }

  private static List<String> longWords(String[] words) {
    List<String> result = new ArrayList<>();
    for (String word : words) {
      if (word.length() >= 4) {
        result.add(word);
      }
    }
    return result;
  }
}
