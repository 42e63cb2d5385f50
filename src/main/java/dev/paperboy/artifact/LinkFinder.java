package dev.paperboy.artifact;

import dev.paperboy.artifact.Artifact.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds artifact links in text the way authors write them on arXiv: with or without a scheme
 * ({@code github.com/owner/repo}), wrapped in TeX (the url and href commands) or in HTML, followed
 * by a full stop or a bracket, pointing into a repository ({@code /tree/branch}, {@code /blob/…},
 * {@code .git}). A host it does not know counts only as a project page, and only where the text
 * calls it one; an e-mail address or a DOI is never a link.
 */
final class LinkFinder {
  /** A host and its path, not inside a word, an e-mail address or a longer path. */
  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\w@./-])(https?:/{1,2})?((?:[a-z0-9-]+\\.)+[a-z]{2,})(/[^\\s{}<>\"'\\[\\]()\\\\]*)?",
          Pattern.CASE_INSENSITIVE);

  /** TeX escapes that authors put inside URLs ({@code my\_repo}). */
  private static final Pattern TEX_ESCAPE = Pattern.compile("\\\\([_%#&~])");

  /** The words just before a link that make an unknown host the project's page. */
  private static final Pattern PROJECT_PAGE_CONTEXT =
      Pattern.compile(
          "project\\s+(?:web\\s*)?(?:page|site|website|homepage)\\b[^.;]{0,25}$",
          Pattern.CASE_INSENSITIVE);

  /** One of these is in every text that links to anything {@link #classify} keeps. */
  private static final List<String> MARKERS =
      List.of(
          "github",
          "gitlab",
          "bitbucket",
          "codeberg",
          "sourceforge",
          "huggingface",
          "http",
          "www.");

  private static final String TRAILING_PUNCTUATION = ".,;:!?";
  private static final int MAX_URL = 300;

  /** GitHub paths that are GitHub's own pages, not a user's or an organisation's. */
  private static final Set<String> GITHUB_PAGES =
      Set.of(
          "about",
          "collections",
          "explore",
          "features",
          "join",
          "login",
          "marketplace",
          "pricing",
          "search",
          "settings",
          "sponsors",
          "topics",
          "trending");

  /** Where a GitLab path stops naming the project (its nested groups come before). */
  private static final Set<String> GITLAB_ENDS =
      Set.of("-", "tree", "blob", "raw", "issues", "merge_requests", "releases", "tags", "wikis");

  /** Hugging Face paths that are its own pages, not a model. */
  private static final Set<String> HUGGING_FACE_PAGES =
      Set.of(
          "blog",
          "collections",
          "docs",
          "join",
          "learn",
          "login",
          "models",
          "organizations",
          "papers",
          "posts",
          "pricing",
          "settings",
          "tasks");

  private LinkFinder() {}

  static Artifacts find(String text) {
    if (!mayLink(text)) {
      return Artifacts.NONE;
    }
    String plain = TEX_ESCAPE.matcher(text).replaceAll("$1");
    Map<String, Artifact> found = new LinkedHashMap<>();
    Matcher candidate = CANDIDATE.matcher(plain);
    while (candidate.find()) {
      String scheme = candidate.group(1);
      String written = candidate.group(2);
      String host = written.toLowerCase(Locale.ROOT);
      String path = trimmed(candidate.group(3) == null ? "" : candidate.group(3));
      String before = plain.substring(Math.max(0, candidate.start() - 60), candidate.start());
      Artifact link =
          classify(
              host.startsWith("www.") ? host.substring(4) : host,
              written,
              path,
              scheme == null
                  ? null
                  : scheme.toLowerCase(Locale.ROOT).startsWith("https") ? "https" : "http",
              PROJECT_PAGE_CONTEXT.matcher(before).find());
      if (link != null && link.url().length() <= MAX_URL) {
        found.putIfAbsent(link.kind() + " " + link.name().toLowerCase(Locale.ROOT), link);
      }
    }
    List<Artifact> all = List.copyOf(found.values());
    return new Artifacts(
        all.stream()
            .filter(link -> !isOwnerOf(link, all))
            .sorted(Comparator.comparing(Artifact::kind))
            .toList());
  }

  /**
   * Whether the text names a host this finder knows or a web address at all. Most abstracts name
   * none, and this look costs far less than the full pattern (docs/benchmarks.md, "Code links").
   */
  private static boolean mayLink(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String marker : MARKERS) {
      if (lower.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a host and path are.
   *
   * @param host the host in lower case, without "www."
   * @param written the host as the text has it, which a link to a page keeps
   * @param scheme the scheme as written, or null when the text gave none
   */
  private static @Nullable Artifact classify(
      String host,
      String written,
      String path,
      @Nullable String scheme,
      boolean calledProjectPage) {
    List<String> segments =
        Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    if (host.equals("github.com")) {
      return github(segments);
    }
    if (host.equals("gist.github.com")) {
      return segments.isEmpty()
          ? null
          : code(host, segments.subList(0, Math.min(2, segments.size())));
    }
    if (host.equals("gitlab.com") || host.startsWith("gitlab.")) {
      List<String> project = new ArrayList<>();
      for (String segment : segments) {
        if (GITLAB_ENDS.contains(segment)) {
          break;
        }
        project.add(segment);
      }
      return project.size() < 2 ? null : code(host, project);
    }
    if (host.equals("bitbucket.org") || host.equals("codeberg.org")) {
      return segments.size() < 2 ? null : code(host, segments.subList(0, 2));
    }
    if (host.equals("sourceforge.net")) {
      return segments.size() >= 2 && segments.get(0).equals("projects")
          ? code(host, segments.subList(0, 2))
          : null;
    }
    if (host.equals("huggingface.co")) {
      return huggingFace(segments);
    }
    if (host.endsWith(".github.io")
        || host.endsWith(".gitlab.io")
        || host.endsWith(".sourceforge.net")
        || host.endsWith(".sourceforge.io")) {
      return page(scheme == null ? "https" : scheme, written, path);
    }
    boolean aLink = scheme != null || host.length() < written.length();
    return aLink && calledProjectPage
        ? page(scheme == null ? "http" : scheme, written, path)
        : null;
  }

  /**
   * Whether a link is a code host's page of a user or organisation whose repository the paper also
   * links: the repository says more.
   */
  private static boolean isOwnerOf(Artifact owner, List<Artifact> links) {
    return owner.kind() == Kind.CODE
        && owner.name().chars().filter(c -> c == '/').count() == 1
        && links.stream()
            .anyMatch(
                link ->
                    link.kind() == Kind.CODE
                        && link.name()
                            .toLowerCase(Locale.ROOT)
                            .startsWith(owner.name().toLowerCase(Locale.ROOT) + "/"));
  }

  private static @Nullable Artifact github(List<String> segments) {
    List<String> rest =
        !segments.isEmpty() && segments.get(0).equals("orgs")
            ? segments.subList(1, segments.size())
            : segments;
    if (rest.isEmpty() || GITHUB_PAGES.contains(rest.get(0).toLowerCase(Locale.ROOT))) {
      return null;
    }
    return code("github.com", rest.subList(0, Math.min(2, rest.size())));
  }

  private static @Nullable Artifact huggingFace(List<String> segments) {
    if (segments.isEmpty() || HUGGING_FACE_PAGES.contains(segments.get(0))) {
      return null;
    }
    String first = segments.get(0);
    if (first.equals("datasets") || first.equals("spaces")) {
      List<String> repo = segments.subList(1, Math.min(3, segments.size()));
      if (repo.isEmpty() || (first.equals("spaces") && repo.size() < 2)) {
        return null;
      }
      Kind kind = first.equals("datasets") ? Kind.DATASET : Kind.SPACE;
      return artifact(kind, "huggingface.co/" + first + "/" + String.join("/", repo));
    }
    // Models are owner/name, or a bare name for the oldest ones (bert-base-uncased).
    return artifact(
        Kind.MODEL,
        "huggingface.co/" + String.join("/", segments.subList(0, Math.min(2, segments.size()))));
  }

  /** A repository (or a user's page) on a code host, linked at its root, without {@code .git}. */
  private static Artifact code(String host, List<String> segments) {
    List<String> names = new ArrayList<>(segments);
    int last = names.size() - 1;
    if (last > 0 && names.get(last).endsWith(".git")) {
      names.set(last, names.get(last).substring(0, names.get(last).length() - 4));
    }
    return artifact(Kind.CODE, host + "/" + String.join("/", names));
  }

  private static Artifact artifact(Kind kind, String name) {
    return new Artifact(kind, "https://" + name, name);
  }

  private static Artifact page(String scheme, String host, String path) {
    String name =
        (host.toLowerCase(Locale.ROOT).startsWith("www.") ? host.substring(4) : host) + path;
    if (name.endsWith("/index.html")) {
      name = name.substring(0, name.length() - "/index.html".length());
    }
    while (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    return new Artifact(Kind.PROJECT_PAGE, scheme + "://" + host + path, name);
  }

  /** The path without the punctuation of the sentence around it. */
  private static String trimmed(String path) {
    int end = path.length();
    while (end > 0 && TRAILING_PUNCTUATION.indexOf(path.charAt(end - 1)) >= 0) {
      end--;
    }
    return path.substring(0, end);
  }
}
