package dev.paperboy.web;

import dev.paperboy.artifact.Artifact;
import java.util.Comparator;
import java.util.List;

/**
 * Which papers a list shows and in what order: all of them, or only those that link to code ({@code
 * ?code=true}); the list's own order, or most GitHub stars first ({@code ?sort=stars}). The choice
 * is in the address, so it works without JavaScript and survives the day and period links.
 */
public record ListFilter(boolean codeOnly, boolean byStars, boolean offersStars) {
  public static final ListFilter ALL = new ListFilter(false, false, false);

  /**
   * How many entries to read for a page of {@code limit}: filtered or by stars, the ten times as
   * many ranked below it too, so that such a page is not cut to the few among the top.
   */
  int scan(int limit) {
    return codeOnly || byStars ? limit * 10 : limit;
  }

  /** The first {@code limit} cards the filter keeps, in its order (ties keep the list's). */
  List<Card> apply(List<Card> cards, int limit) {
    var kept =
        cards.stream()
            .filter(
                card ->
                    !codeOnly
                        || card.artifacts().stream().anyMatch(a -> a.kind() == Artifact.Kind.CODE));
    if (byStars) {
      kept =
          kept.sorted(
              Comparator.comparingInt((Card card) -> card.stars() == null ? -1 : card.stars())
                  .reversed());
    }
    return kept.limit(limit).toList();
  }

  /** A link to another list with the same filter and order. */
  public String keep(String href) {
    return href + query(codeOnly, byStars);
  }

  /** This list with code only, or not, in the same order. */
  public String withCode(boolean code) {
    return "?" + query(code, byStars).replaceFirst("^\\?", "");
  }

  /** This list in its own order, or by stars, with the same filter. */
  public String sortedByStars(boolean stars) {
    return "?" + query(codeOnly, stars).replaceFirst("^\\?", "");
  }

  private static String query(boolean code, boolean stars) {
    if (code && stars) {
      return "?code=true&sort=stars";
    }
    return code ? "?code=true" : stars ? "?sort=stars" : "";
  }
}
