package dev.paperboy.author;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.paper.TexAccents;
import dev.paperboy.search.AuthorPapers;
import dev.paperboy.search.PaperSearch;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** Author pages' and the author API's data: {@link AuthorProfile}. */
@Service
public class Authors {
  /** The most co-authors and categories a profile lists. */
  static final int TOP = 15;

  private final PaperSearch search;
  private final Papers papers;

  Authors(PaperSearch search, Papers papers) {
    this.search = search;
    this.papers = papers;
  }

  /** The author called {@code name}, folded; empty when no paper has the name. */
  public Optional<AuthorProfile> profile(String name) {
    return search.author(name).map(this::profile);
  }

  private AuthorProfile profile(AuthorPapers found) {
    Map<String, Paper> held = papers.findAll(found.papers());
    List<Paper> theirs =
        found.papers().stream().map(ArxivId::base).map(held::get).filter(Objects::nonNull).toList();
    String self = Names.fold(found.name());
    return new AuthorProfile(
        found.name(),
        theirs,
        found.ambiguous(),
        found.namesakes(),
        top(
            theirs.stream()
                .flatMap(p -> p.authors().stream().map(TexAccents::decode))
                .filter(a -> !sameLastAndInitial(Names.fold(a), self)),
            Names::fold),
        top(theirs.stream().flatMap(p -> p.categories().stream()), Function.identity()));
  }

  /** The most frequent values, each counted once per paper it is on, spelled as most often. */
  private static List<AuthorProfile.Count> top(
      Stream<String> values, Function<String, String> key) {
    Map<String, Map<String, Integer>> spellings = new LinkedHashMap<>();
    values.forEach(
        v ->
            spellings
                .computeIfAbsent(key.apply(v), k -> new LinkedHashMap<>())
                .merge(v, 1, Integer::sum));
    return spellings.values().stream()
        .map(
            s ->
                new AuthorProfile.Count(
                    s.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey(),
                    s.values().stream().mapToInt(Integer::intValue).sum()))
        .sorted(Comparator.comparingInt(AuthorProfile.Count::papers).reversed())
        .limit(TOP)
        .toList();
  }

  /** "Patrick Forré" and "P. Forre" are the author's own name, not a co-author. */
  private static boolean sameLastAndInitial(String a, String b) {
    String[] x = a.split(" ");
    String[] y = b.split(" ");
    return !x[0].isEmpty()
        && !y[0].isEmpty()
        && x[x.length - 1].equals(y[y.length - 1])
        && x[0].charAt(0) == y[0].charAt(0);
  }
}
