package dev.paperboy.web;

import dev.paperboy.artifact.Artifact;
import java.util.List;

/**
 * Which papers a list shows: all of them, or only those that link to code ({@code ?code=true}). The
 * choice is in the address, so it works without JavaScript and survives the day and period links.
 */
public record ListFilter(boolean codeOnly) {
  public static final ListFilter ALL = new ListFilter(false);

  /**
   * How many entries to read for a page of {@code limit}: with code only, the ten times as many
   * ranked below it too, so that a page of papers with code is not cut to the few among the top.
   */
  int scan(int limit) {
    return codeOnly ? limit * 10 : limit;
  }

  /** The first {@code limit} cards the filter keeps, in order. */
  List<Card> apply(List<Card> cards, int limit) {
    return cards.stream()
        .filter(
            card ->
                !codeOnly
                    || card.artifacts().stream().anyMatch(a -> a.kind() == Artifact.Kind.CODE))
        .limit(limit)
        .toList();
  }

  /** A link to another list with the same filter. */
  public String keep(String href) {
    return codeOnly ? href + "?code=true" : href;
  }
}
