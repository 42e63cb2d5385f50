package dev.paperboy.bench;

import dev.paperboy.ingest.arxiv.SnapshotAdapter;
import dev.paperboy.ingest.arxiv.SnapshotRecord;
import dev.paperboy.paper.Paper;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * How often search finds the paper a person means, on the 100k corpus, with queries made from the
 * corpus itself (fixed seed, so every run asks the same):
 *
 * <ul>
 *   <li>{@code exact title}: a paper's title as it is;
 *   <li>{@code 5 title words}: five consecutive words of a title, stop words and all, lower case;
 *   <li>{@code last name + 2 title words}: an author's last name, accents dropped as people type,
 *       and two words of the title;
 *   <li>{@code 6 abstract words}: six content words from the abstract, none from the title: a topic
 *       half remembered, where meaning has to help.
 * </ul>
 *
 * <p>Only queries that name one paper are asked: the five words stand in no other title, the name
 * and two words fit no other paper, the exact title is no other paper's. Reports success@1 and
 * success@10 (the paper is first, or in the first ten) for each kind.
 *
 * <pre>
 * mvn -q -Pbench test-compile exec:exec -Dbench.main=dev.paperboy.bench.SearchEvaluation \
 *   -Dbench="CORPUS.jsonl.gz target/eval-data/index lexical,hybrid"
 * </pre>
 */
public final class SearchEvaluation {
  private static final int PER_KIND = 400;
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is",
          "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
          "these", "they", "this", "to", "was", "will", "with", "we", "our", "can", "from", "which",
          "using", "via", "based", "new", "show", "paper", "also", "two", "one", "its", "has", "have");

  public record Asked(String kind, String query, String expected) {}

  private SearchEvaluation() {}

  public static void main(String[] arguments) throws Exception {
    // exec:exec passes -Dbench as one argument.
    String[] args = arguments.length == 1 ? arguments[0].split(" ") : arguments;
    List<Paper> corpus = read(Path.of(args[0]));
    Path index = Path.of(args[1]);
    List<String> modes = List.of((args.length > 2 ? args[2] : "lexical").split(","));
    // A fourth argument prints the misses of the query kind it starts: "5" for "5 title words".
    String failures = args.length > 3 ? args[3] : "";
    List<Asked> queries = queries(corpus);
    System.out.printf("corpus: %,d papers, %d queries%n", corpus.size(), queries.size());
    try (Searchers searchers = Searchers.open(index)) {
      for (String mode : modes) {
        report(mode, queries, q -> searchers.search(mode, q), failures);
      }
    }
  }

  static void report(
      String mode,
      List<Asked> queries,
      Function<SearchQuery, List<SearchHit>> run,
      String failures) {
    Map<String, int[]> byKind = new LinkedHashMap<>();
    long nanos = 0;
    for (Asked asked : queries) {
      long start = System.nanoTime();
      List<SearchHit> hits = run.apply(SearchQuery.of(asked.query(), 10));
      nanos += System.nanoTime() - start;
      int rank = -1;
      for (int i = 0; i < hits.size(); i++) {
        if (hits.get(i).id().base().equals(asked.expected())) {
          rank = i;
          break;
        }
      }
      if (rank != 0 && !failures.isEmpty() && asked.kind().startsWith(failures)) {
        System.out.printf(
            "miss %s %s -> %s%n",
            asked.expected(),
            asked.query(),
            hits.isEmpty() ? "nothing" : hits.get(0).id().base() + " " + hits.get(0).title());
      }
      int[] counts = byKind.computeIfAbsent(asked.kind(), k -> new int[4]);
      counts[0]++;
      counts[1] += rank == 0 ? 1 : 0;
      counts[2] += rank >= 0 ? 1 : 0;
      counts[3] += hits.isEmpty() ? 1 : 0;
    }
    System.out.printf(
        "%n== %s (%.1f ms a query, with highlights)%n%-28s %6s %10s %11s %8s%n",
        mode, nanos / 1e6 / queries.size(), "kind", "asked", "success@1", "success@10", "empty");
    byKind.forEach(
        (kind, c) ->
            System.out.printf(
                "%-28s %6d %10.3f %11.3f %8.3f%n",
                kind, c[0], c[1] / (double) c[0], c[2] / (double) c[0], c[3] / (double) c[0]));
  }

  static List<Asked> queries(List<Paper> corpus) {
    Random random = new Random(20261201);
    Map<String, Integer> titles = new HashMap<>();
    for (Paper paper : corpus) {
      titles.merge(plain(paper.title()), 1, Integer::sum);
    }
    String allTitles = String.join("\n", corpus.stream().map(p -> plain(p.title())).toList());
    Map<String, List<Paper>> byName = new HashMap<>();
    for (Paper paper : corpus) {
      for (String author : paper.authors()) {
        for (String part : ascii(author).toLowerCase(Locale.ROOT).split("[^a-z]+")) {
          List<Paper> papers = byName.computeIfAbsent(part, k -> new ArrayList<>());
          if (papers.isEmpty() || papers.get(papers.size() - 1) != paper) {
            papers.add(paper);
          }
        }
      }
    }
    List<Paper> shuffled = new ArrayList<>(corpus);
    Collections.shuffle(shuffled, random);
    List<Asked> asked = new ArrayList<>();
    int exact = 0;
    int consecutive = 0;
    int named = 0;
    int topic = 0;
    for (Paper paper : shuffled) {
      String id = paper.id().base();
      List<String> words = words(paper.title());
      if (exact < PER_KIND && titles.get(plain(paper.title())) == 1) {
        asked.add(new Asked("exact title", paper.title(), id));
        exact++;
      } else if (consecutive < PER_KIND && words.size() >= 7) {
        int from = random.nextInt(words.size() - 4);
        String five = String.join(" ", words.subList(from, from + 5));
        if (count(allTitles, five) == 1) {
          asked.add(new Asked("5 title words", five, id));
          consecutive++;
        }
      } else if (named < PER_KIND && !paper.authors().isEmpty() && paper.authors().size() <= 10) {
        String author = paper.authors().get(random.nextInt(paper.authors().size()));
        String[] parts = author.split(" ");
        String last = ascii(parts[parts.length - 1]).toLowerCase(Locale.ROOT);
        List<String> content = words.stream().filter(w -> !STOP.contains(w) && w.length() > 2).toList();
        if (content.size() >= 2 && last.length() > 2) {
          List<String> two = new ArrayList<>(content);
          Collections.shuffle(two, random);
          String query = last + " " + two.get(0) + " " + two.get(1);
          if (unique(byName.getOrDefault(last, List.of()), two.subList(0, 2))) {
            asked.add(new Asked("last name + 2 title words", query, id));
            named++;
          }
        }
      } else if (topic < PER_KIND) {
        Set<String> inTitle = Set.copyOf(words);
        List<String> content =
            words(paper.abstractText()).stream()
                .filter(w -> !STOP.contains(w) && w.length() > 3 && !inTitle.contains(w))
                .filter(w -> w.chars().allMatch(Character::isLetter))
                .distinct()
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        if (content.size() >= 12) {
          Collections.shuffle(content, random);
          asked.add(new Asked("6 abstract words", String.join(" ", content.subList(0, 6)), id));
          topic++;
        }
      }
      if (exact + consecutive + named + topic == 4 * PER_KIND) {
        break;
      }
    }
    return asked;
  }

  /** True when exactly one of the papers by that name has both words in its title. */
  private static boolean unique(List<Paper> byName, List<String> two) {
    return byName.stream().filter(p -> words(p.title()).containsAll(two)).count() == 1;
  }

  private static int count(String haystack, String needle) {
    int found = 0;
    for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      found++;
    }
    return found;
  }

  /** The words a person would type: lower case, punctuation and TeX dropped. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    // Nobody types TeX commands: "random walks on $\\mathbb{Z}$" is "random walks on z".
    String typed = text.replaceAll("\\\\[A-Za-z]+", " ");
    for (String word : typed.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  private static String plain(String text) {
    return String.join(" ", words(text));
  }

  private static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }

  static List<Paper> read(Path corpus) throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    List<Paper> papers = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        papers.add(SnapshotAdapter.toPaper(json.readValue(line, SnapshotRecord.class)));
      }
    }
    return papers;
  }
}
