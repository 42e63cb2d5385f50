package dev.paperboy.author;

import dev.paperboy.paper.Paper;
import dev.paperboy.search.AuthorPapers;
import java.util.List;

/**
 * An author as their page shows them.
 *
 * @param papers every paper of theirs the index found, newest first
 * @param coauthors who they wrote with, most papers together first
 * @param categories the arXiv categories of their papers, most papers first
 */
public record AuthorProfile(
    String name,
    List<Paper> papers,
    boolean ambiguous,
    List<AuthorPapers.Namesake> namesakes,
    List<Count> coauthors,
    List<Count> categories) {

  /** A name or a category and on how many of the author's papers it is. */
  public record Count(String name, int papers) {}
}
