package dev.paperboy.search.lucene;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.TexAccents;
import dev.paperboy.search.AuthorPapers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Finds an author's papers by name ({@link AuthorPapers}). Every paper is indexed under each
 * author's short key (first initial and last name, folded: "p forre"); the papers under a short key
 * are read once, and their author names grouped into people by first name and last name, middle
 * names aside. Initials-only spellings join the one person whose first name fits, and stay apart
 * when several do: two people are never merged silently.
 */
final class AuthorLookup {
  /** The most papers read for one short key: a very common name is cut at its newest papers. */
  static final int MAX_PAPERS = 2_000;

  private static final Sort NEWEST =
      new Sort(new SortField(PaperFields.PUBLISHED_AT, SortField.Type.LONG, true));

  /** The short key of an author name: "Patrick Forré" and "P. Forre" are both "p forre". */
  static String shortKey(String name) {
    return shortOf(personKey(name));
  }

  /** A person key's short key: its first name cut to the initial. */
  private static String shortOf(String personKey) {
    int space = personKey.indexOf(' ');
    return space <= 1 ? personKey : personKey.charAt(0) + personKey.substring(space);
  }

  /** The person key: first and last name, folded, middle names aside ("jean serre"). */
  private static String personKey(String name) {
    List<String> words = List.of(Analyzers.key(TexAccents.decode(name)).split(" "));
    return words.size() < 2 ? words.get(0) : words.get(0) + " " + words.get(words.size() - 1);
  }

  private static boolean initialOnly(String personKey) {
    return personKey.indexOf(' ') == 1;
  }

  /** Everything written under one person key: spellings (most used first) and papers. */
  private static final class Person {
    final Map<String, Integer> spellings = new HashMap<>();
    final Set<ArxivId> papers = new LinkedHashSet<>();

    String name() {
      return spellings.entrySet().stream()
          .max(
              Map.Entry.<String, Integer>comparingByValue().thenComparing(e -> e.getKey().length()))
          .orElseThrow()
          .getKey();
    }
  }

  Optional<AuthorPapers> find(IndexSearcher searcher, String name) throws IOException {
    String wanted = personKey(name);
    if (wanted.isBlank()) {
      return Optional.empty();
    }
    String shortKey = shortKey(name);
    TopDocs found =
        searcher.search(
            new TermQuery(new Term(PaperFields.AUTHOR_SHORT, shortKey)), MAX_PAPERS, NEWEST);
    Map<String, Person> people = new LinkedHashMap<>();
    Map<ArxivId, Integer> newest = new HashMap<>();
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc hit : found.scoreDocs) {
      Document doc = stored.document(hit.doc);
      ArxivId id = ArxivId.parse(doc.get(PaperFields.ID));
      newest.put(id, newest.size());
      for (String author : doc.get(PaperFields.AUTHORS).split(PaperFields.AUTHOR_SEPARATOR)) {
        String key = personKey(author); // each name analysed once: this loop reads every paper
        if (shortOf(key).equals(shortKey)) {
          Person person = people.computeIfAbsent(key, k -> new Person());
          person.spellings.merge(author, 1, Integer::sum);
          person.papers.add(id);
        }
      }
    }
    List<String> full = people.keySet().stream().filter(k -> !initialOnly(k)).toList();
    List<String> initials = people.keySet().stream().filter(AuthorLookup::initialOnly).toList();
    String chosen;
    boolean ambiguous = false;
    if (!initialOnly(wanted)) {
      chosen = wanted;
    } else if (full.size() == 1) {
      chosen = full.get(0);
    } else {
      chosen = wanted;
      ambiguous = full.size() > 1;
    }
    Person person = people.get(chosen);
    if (person == null && ambiguous) {
      // "P. Forré" where only full names are written: no papers of its own, only candidates.
      return Optional.of(
          new AuthorPapers(name.strip(), List.of(), true, namesakes(people, "", List.of())));
    }
    if (person == null) {
      return Optional.empty();
    }
    // Initials join the full name when it is the only full name they could stand for.
    List<ArxivId> papers = new ArrayList<>(person.papers);
    if (!initialOnly(chosen) && full.size() == 1) {
      for (String key : initials) {
        if (key.charAt(0) == chosen.charAt(0)) {
          people.get(key).papers.stream().filter(p -> !papers.contains(p)).forEach(papers::add);
        }
      }
      papers.sort(Comparator.comparing(newest::get));
    }
    List<String> joined = !initialOnly(chosen) && full.size() == 1 ? initials : List.of();
    return Optional.of(
        new AuthorPapers(
            person.name(), List.copyOf(papers), ambiguous, namesakes(people, chosen, joined)));
  }

  /** The other people of the short key, most papers first. */
  private static List<AuthorPapers.Namesake> namesakes(
      Map<String, Person> people, String chosen, List<String> joined) {
    return people.entrySet().stream()
        .filter(e -> !e.getKey().equals(chosen) && !joined.contains(e.getKey()))
        .map(e -> new AuthorPapers.Namesake(e.getValue().name(), e.getValue().papers.size()))
        .sorted(Comparator.comparingInt(AuthorPapers.Namesake::papers).reversed())
        .toList();
  }
}
