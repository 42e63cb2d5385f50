package dev.paperboy.digest;

import dev.paperboy.paper.ArxivId;
import java.util.List;
import java.util.stream.Stream;

/**
 * One subscriber's digest of one edition, before it becomes a message.
 *
 * @param heading the edition in words: "Trending papers of March 12, 2025"
 * @param manageUrl the subscriber's preferences page
 * @param unsubscribeUrl the one-click unsubscribe address (RFC 8058)
 * @param browserUrl the digest as a web page
 */
public record Digest(
    Edition edition,
    String heading,
    List<Section> sections,
    String manageUrl,
    String unsubscribeUrl,
    String browserUrl) {
  public Digest {
    sections = List.copyOf(sections);
  }

  /** A part of the digest: the period's top papers, matches of the follows, recommendations. */
  public record Section(String title, List<Item> items) {
    public Section {
      items = List.copyOf(items);
    }
  }

  /**
   * A paper as the digest shows it.
   *
   * @param summary the abstract's first paragraph, shortened to a few sentences
   * @param reason why it is here, for matches and recommendations; empty for the top papers
   */
  public record Item(
      ArxivId id,
      String title,
      String authors,
      String summary,
      int upvotes,
      String url,
      String reason) {}

  public boolean isEmpty() {
    return sections.stream().allMatch(s -> s.items().isEmpty());
  }

  public List<ArxivId> papers() {
    return sections.stream().flatMap(s -> s.items().stream()).map(Item::id).toList();
  }

  public Stream<Item> items() {
    return sections.stream().flatMap(s -> s.items().stream());
  }
}
