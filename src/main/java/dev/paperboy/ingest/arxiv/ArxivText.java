package dev.paperboy.ingest.arxiv;

import dev.paperboy.paper.TexAccents;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** arXiv's text fields come hard-wrapped at about 80 columns; these fold them back. */
public final class ArxivText {
  private ArxivText() {}

  /** One line: every run of white space becomes one space; none at either end. */
  public static String fold(@Nullable String text) {
    if (text == null) {
      return "";
    }
    // A hand loop rather than a regex: this runs on every field of millions of records, and most
    // fields need no change, so the original string is returned when nothing changed.
    StringBuilder folded = new StringBuilder(text.length());
    boolean pendingSpace = false;
    boolean changed = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        changed |= c != ' ' || pendingSpace || folded.length() == 0;
        pendingSpace = folded.length() > 0;
      } else {
        if (pendingSpace) {
          folded.append(' ');
          pendingSpace = false;
        }
        folded.append(c);
      }
    }
    changed |= pendingSpace;
    return changed ? folded.toString() : text;
  }

  /** An author's name: folded to one line, TeX accents decoded ({@code Forr\'e} is Forré). */
  public static String name(@Nullable String text) {
    return TexAccents.decode(fold(text));
  }

  public static @Nullable String foldOrNull(@Nullable String text) {
    String folded = fold(text);
    return folded.isEmpty() ? null : folded;
  }

  /**
   * An abstract: wrapped lines are joined, and a line that starts indented begins a new paragraph,
   * as in arXiv's own rendering. Paragraphs are separated by a newline.
   */
  public static String abstractParagraphs(@Nullable String text) {
    if (text == null) {
      return "";
    }
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.strip().split("\n")) {
      boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      if ((indented || line.isBlank()) && current.length() > 0) {
        paragraphs.add(fold(current.toString()));
        current.setLength(0);
      }
      current.append(line).append(' ');
    }
    if (!current.toString().isBlank()) {
      paragraphs.add(fold(current.toString()));
    }
    return String.join("\n", paragraphs);
  }
}
