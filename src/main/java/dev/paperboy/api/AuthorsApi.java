package dev.paperboy.api;

import dev.paperboy.author.AuthorProfile;
import dev.paperboy.author.Authors;
import dev.paperboy.rules.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Authors by name, matched as the author pages match them (folded; initials when unambiguous). */
@RestController
@Tag(name = "Authors", description = "An author's papers, co-authors and categories")
class AuthorsApi {
  record Author(
      String name,
      int numPapers,
      boolean ambiguous,
      List<Named> namesakes,
      List<Named> coauthors,
      List<Named> categories,
      String url) {}

  /** A name (or a category) and on how many papers. */
  record Named(String name, int papers) {}

  private final Authors authors;

  AuthorsApi(Authors authors) {
    this.authors = authors;
  }

  @Operation(
      summary = "An author: how many papers, co-authors, categories",
      description =
          "The name as any paper writes it; case, accents and TeX accents do not matter. ambiguous"
              + " is true when initials fit several people, who are then the namesakes. 404 when no"
              + " paper has the name.")
  @GetMapping("/api/authors/{name}")
  Author author(
      @Parameter(description = "The author's name, e.g. Patrick Forré") @PathVariable String name) {
    AuthorProfile found = find(name);
    return new Author(
        found.name(),
        found.papers().size(),
        found.ambiguous(),
        found.namesakes().stream().map(n -> new Named(n.name(), n.papers())).toList(),
        found.coauthors().stream().map(c -> new Named(c.name(), c.papers())).toList(),
        found.categories().stream().map(c -> new Named(c.name(), c.papers())).toList(),
        "/authors/" + URLEncoder.encode(found.name(), StandardCharsets.UTF_8).replace("+", "%20"));
  }

  @Operation(summary = "An author's papers, newest first")
  @GetMapping("/api/authors/{name}/papers")
  List<SearchItem.Found> papers(
      @Parameter(description = "The author's name") @PathVariable String name,
      @Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int p,
      @Parameter(description = "papers per page, 1 to 100") @RequestParam(defaultValue = "50")
          int limit) {
    if (p < 0 || limit < 1 || limit > 100) {
      throw new BadApiRequest("p must be 0 or more and limit 1 to 100");
    }
    return find(name).papers().stream()
        .skip((long) p * limit)
        .limit(limit)
        .map(SearchItem.Found::of)
        .toList();
  }

  private AuthorProfile find(String name) {
    return authors
        .profile(name)
        .orElseThrow(
            () ->
                Refusal.of(Refusal.Kind.NOT_FOUND, "No paper has an author called " + name + "."));
  }
}
