package dev.paperboy.artifact;

import dev.paperboy.paper.Paper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The code and artifacts of one paper, code first, each once.
 *
 * @param links in the order of {@link Artifact.Kind}, then as the paper mentions them
 */
public record Artifacts(List<Artifact> links) {
  public static final Artifacts NONE = new Artifacts(List.of());

  public Artifacts {
    links = List.copyOf(links);
  }

  /** What the paper's abstract and arXiv comments link to. */
  public static Artifacts of(Paper paper) {
    return in(paper.abstractText(), paper.comments());
  }

  /** What an abstract and arXiv comments link to, for a paper known by its fields alone. */
  public static Artifacts in(String abstractText, @Nullable String comments) {
    return LinkFinder.find(comments == null ? abstractText : abstractText + "\n" + comments);
  }

  /**
   * A link a member typed, if it is one Paperboy shows: an http(s) address on a known code, model,
   * data or project-page host, read the way the finder reads a paper's text. Anything else ({@code
   * javascript:}, another host, text around it) is empty.
   */
  public static Optional<Artifact> typed(String url) {
    String text = url.strip();
    if (!text.matches("(?i)https?://\\S+") || text.length() > 300) {
      return Optional.empty();
    }
    List<Artifact> found = LinkFinder.find(text).links();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** These links and {@code more}, none twice. */
  public Artifacts with(List<Artifact> more) {
    List<Artifact> all = new ArrayList<>(links);
    more.stream()
        .filter(link -> all.stream().noneMatch(l -> l.url().equalsIgnoreCase(link.url())))
        .forEach(all::add);
    return new Artifacts(all);
  }

  public boolean isEmpty() {
    return links.isEmpty();
  }

  /** Whether the paper links to code: a repository, a gist or a code host's user page. */
  public boolean hasCode() {
    return links.stream().anyMatch(link -> link.kind() == Artifact.Kind.CODE);
  }

  /**
   * The first GitHub repository, as {@code https://github.com/owner/repo}: Hugging Face's {@code
   * githubRepo}.
   */
  public @Nullable String githubRepo() {
    return links.stream()
        .filter(link -> link.kind() == Artifact.Kind.CODE)
        .map(Artifact::name)
        .filter(name -> name.startsWith("github.com/") && name.indexOf('/', 11) > 0)
        .map(name -> "https://" + name)
        .findFirst()
        .orElse(null);
  }

  /** The first project page: Hugging Face's {@code projectPage}. */
  public @Nullable String projectPage() {
    return first(Artifact.Kind.PROJECT_PAGE).map(Artifact::url).orElse(null);
  }

  /** One link of each kind, for a card's badges. */
  public List<Artifact> firstOfEachKind() {
    return Arrays.stream(Artifact.Kind.values()).flatMap(kind -> first(kind).stream()).toList();
  }

  public Optional<Artifact> first(Artifact.Kind kind) {
    return links.stream().filter(link -> link.kind() == kind).findFirst();
  }
}
