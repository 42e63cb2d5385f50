package dev.paperboy.search;

import dev.paperboy.paper.ArxivId;
import java.util.List;
import java.util.Set;

/**
 * What a member's recommendations start from.
 *
 * @param liked papers the member upvoted or submitted, most recent first
 * @param exclude base ids never to recommend (what the member already has)
 */
public record Interests(
    List<ArxivId> liked,
    List<String> categories,
    List<String> authors,
    List<String> keywords,
    Set<String> exclude) {
  public Interests {
    liked = List.copyOf(liked);
    categories = List.copyOf(categories);
    authors = List.copyOf(authors);
    keywords = List.copyOf(keywords);
    exclude = Set.copyOf(exclude);
  }

  public boolean isEmpty() {
    return liked.isEmpty() && categories.isEmpty() && authors.isEmpty() && keywords.isEmpty();
  }
}
