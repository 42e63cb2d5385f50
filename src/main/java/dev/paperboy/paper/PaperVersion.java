package dev.paperboy.paper;

import java.time.Instant;

/** One version of a paper as arXiv announced it: {@code v1} is the first submission. */
public record PaperVersion(int number, Instant createdAt) implements Comparable<PaperVersion> {
  public PaperVersion {
    if (number < 1) {
      throw new IllegalArgumentException("version numbers start at 1, got " + number);
    }
  }

  public String label() {
    return "v" + number;
  }

  @Override
  public int compareTo(PaperVersion other) {
    return Integer.compare(number, other.number);
  }
}
