package dev.paperboy.paper;

import java.util.List;

/**
 * A paper's authors in one line, as the cards, the search results and the digest show them: up to
 * five names; a longer list shows four and how many more, so that "and 1 more" never stands where a
 * name would fit.
 */
public final class AuthorLine {
  /** The most names a line shows. */
  public static final int NAMES = 5;

  private AuthorLine() {}

  /** The names the line shows; {@link #more} tells how many it leaves out. */
  public static List<String> shown(List<String> authors) {
    return authors.size() <= NAMES ? authors : authors.subList(0, NAMES - 1);
  }

  public static int more(List<String> authors) {
    return authors.size() - shown(authors).size();
  }

  public static String of(List<String> authors) {
    if (authors.size() <= NAMES) {
      return String.join(", ", authors);
    }
    return String.join(", ", authors.subList(0, NAMES - 1))
        + " and "
        + (authors.size() - (NAMES - 1))
        + " more";
  }
}
