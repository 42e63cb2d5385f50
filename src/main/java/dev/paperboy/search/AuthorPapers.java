package dev.paperboy.search;

import dev.paperboy.paper.ArxivId;
import java.util.List;

/**
 * One author's papers as the index finds them by name. Names are compared folded (case, accents,
 * TeX accents, punctuation): "Patrick Forré", "patrick forre" and "Forr\'e, Patrick"-style
 * spellings meet. A first name and its initial meet only when that is unambiguous: "P. Forré" joins
 * "Patrick Forré" when no other first name with a P goes with Forré on any paper.
 *
 * @param name the name as the author's papers most often write it
 * @param papers their papers, newest first
 * @param ambiguous the name was given with initials that several people's names share; {@code
 *     papers} then holds only the papers that write it so, and {@code namesakes} the candidates
 * @param namesakes others whose names reduce to the same initial and last name, with their number
 *     of papers
 */
public record AuthorPapers(
    String name, List<ArxivId> papers, boolean ambiguous, List<Namesake> namesakes) {

  public record Namesake(String name, int papers) {}
}
