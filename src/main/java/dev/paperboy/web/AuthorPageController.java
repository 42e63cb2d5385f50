package dev.paperboy.web;

import dev.paperboy.account.CurrentMember;
import dev.paperboy.author.AuthorProfile;
import dev.paperboy.author.Authors;
import dev.paperboy.demo.DemoProgress;
import dev.paperboy.paper.Paper;
import dev.paperboy.recommend.Follow;
import dev.paperboy.recommend.Follows;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /authors/{name}}: an author's papers, co-authors and categories, and a follow button. */
@Controller
class AuthorPageController {
  private static final int PAGE_SIZE = 30;

  private final Authors authors;
  private final Cards cards;
  private final CurrentMember current;
  private final Follows follows;
  private final DemoProgress demo;

  AuthorPageController(
      Authors authors, Cards cards, CurrentMember current, Follows follows, DemoProgress demo) {
    this.authors = authors;
    this.cards = cards;
    this.current = current;
    this.follows = follows;
    this.demo = demo;
  }

  @GetMapping("/authors/{name}")
  String author(
      @PathVariable String name, @RequestParam(name = "p", defaultValue = "0") int p, Model model) {
    AuthorProfile author =
        authors
            .profile(name)
            .orElseThrow(
                () -> new PageNotFound("No paper on Paperboy has an author called " + name + "."));
    int pages = Math.max(1, (author.papers().size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.max(0, Math.min(p, pages - 1));
    List<Paper> shown =
        author
            .papers()
            .subList(page * PAGE_SIZE, Math.min(author.papers().size(), (page + 1) * PAGE_SIZE));
    List<Card> shownCards = cards.of(shown);
    String href = Views.authorHref(author.name());
    boolean followed =
        current
            .get()
            .map(
                member ->
                    follows.of(member.id()).stream()
                        .anyMatch(
                            f ->
                                f.kind() == Follow.Kind.AUTHOR
                                    && f.value().equalsIgnoreCase(author.name())))
            .orElse(false);
    model.addAttribute(
        "page",
        new AuthorPage(
            author,
            href,
            href.replaceFirst("^/authors/", "/feeds/authors/"),
            shownCards,
            author.papers().size(),
            followed,
            page + 1 < pages ? href + "?p=" + (page + 1) : null,
            page > 0 ? href + "?p=" + (page - 1) : null));
    model.addAttribute("chrome", new Chrome(null, demo.status()));
    return "author";
  }
}
