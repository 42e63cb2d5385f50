package dev.paperboy.recommend;

import dev.paperboy.account.Account;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.recommend.LibraryText.Reference;
import dev.paperboy.rules.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Seeds a member's "For you" from a library they paste: every entry this site holds goes into their
 * {@link Library}; every other one is said, with why. Nothing else changes: no upvote, no follow,
 * no ranking.
 */
@Service
public class LibraryImport {
  private final Papers papers;
  private final Library library;

  LibraryImport(Papers papers, Library library) {
    this.papers = papers;
    this.library = library;
  }

  /**
   * What an import did.
   *
   * @param found the papers of the library this site holds, in the library's order
   * @param added how many of them were not in the member's library before
   * @param notFound the entries this site does not hold, each with why
   */
  public record Outcome(List<Paper> found, int added, List<Missing> notFound) {}

  /** An entry not found: what the reader knows it by, and why. */
  public record Missing(String label, String why) {}

  /**
   * @throws Refusal for text that is not a library, too large, or a library that would outgrow
   *     {@link Library#MAX_PER_MEMBER}; nothing is stored then
   */
  public Outcome add(Account member, String text) {
    List<Reference> references = LibraryText.read(text);
    Map<String, ArxivId> byDoi =
        papers.findByDoi(
            references.stream().map(Reference::doi).filter(Objects::nonNull).distinct().toList());
    Map<String, Paper> held =
        papers.findAll(
            references.stream()
                .map(r -> r.arxiv() != null ? r.arxiv() : byDoi.get(r.doi()))
                .filter(Objects::nonNull)
                .toList());
    Map<String, Paper> found = new LinkedHashMap<>();
    List<Missing> notFound = new ArrayList<>();
    for (Reference reference : references) {
      ArxivId id = reference.arxiv() != null ? reference.arxiv() : byDoi.get(reference.doi());
      Paper paper = id == null ? null : held.get(id.base());
      if (paper != null) {
        found.putIfAbsent(paper.id().base(), paper);
      } else {
        notFound.add(new Missing(reference.label(), why(reference)));
      }
    }
    int added;
    try {
      added = library.add(member.id(), found.values().stream().map(Paper::id).toList());
    } catch (Library.LibraryFull e) {
      throw Refusal.of(
          Refusal.Kind.TOO_LARGE,
          "A library holds at most " + Library.MAX_PER_MEMBER + " papers; empty it first.");
    }
    return new Outcome(List.copyOf(found.values()), added, notFound);
  }

  private static String why(Reference reference) {
    if (reference.arxiv() != null) {
      return "arXiv " + reference.arxiv().base() + " is not on this site";
    }
    if (reference.doi() != null) {
      return "no paper here has the DOI " + reference.doi();
    }
    return "no arXiv id, arXiv URL or DOI in it";
  }
}
