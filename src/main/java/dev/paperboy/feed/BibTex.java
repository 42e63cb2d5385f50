package dev.paperboy.feed;

import dev.paperboy.paper.Paper;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * BibTeX in the form arXiv itself offers: the entry a reader copies from the paper page, and a
 * collection's export.
 */
public final class BibTex {
  private BibTex() {}

  /** One entry per paper, in the order given; a key used before gets a number, as LaTeX needs. */
  public static String entries(List<Paper> papers) {
    Map<String, Integer> used = new HashMap<>();
    StringJoiner all = new StringJoiner("\n\n", "", papers.isEmpty() ? "" : "\n");
    for (Paper paper : papers) {
      String key = key(paper);
      int uses = used.merge(key, 1, Integer::sum);
      all.add(entry(paper, uses == 1 ? key : key + uses));
    }
    return all.toString();
  }

  public static String entry(Paper paper) {
    return entry(paper, key(paper));
  }

  private static String entry(Paper paper, String key) {
    int year = year(paper);
    StringBuilder entry = new StringBuilder();
    entry.append("@misc{").append(key).append(",\n");
    field(entry, "title", "{" + braces(paper.title()) + "}");
    field(entry, "author", braces(String.join(" and ", paper.authors())));
    field(entry, "year", Integer.toString(year));
    field(entry, "eprint", paper.id().base());
    field(entry, "archivePrefix", "arXiv");
    if (paper.primaryCategory() != null) {
      field(entry, "primaryClass", paper.primaryCategory());
    }
    if (paper.doi() != null) {
      field(entry, "doi", braces(paper.doi()));
    }
    field(entry, "url", "https://arxiv.org/abs/" + paper.id().base());
    entry.setLength(entry.length() - 2);
    return entry.append("\n}").toString();
  }

  private static void field(StringBuilder entry, String name, String value) {
    entry
        .append("  ")
        .append(String.format("%-13s", name))
        .append(" = {")
        .append(value)
        .append("},\n");
  }

  /** Like arXiv's: first author's last name, year, first word of the title, ASCII only. */
  private static String key(Paper paper) {
    int year = year(paper);
    String author = paper.authors().isEmpty() ? "anonymous" : paper.authors().get(0);
    String[] names = author.split(" ");
    String[] words = paper.title().split("\\s+");
    String word = "";
    for (String w : words) {
      String ascii = ascii(w);
      if (ascii.length() > 3) {
        word = ascii;
        break;
      }
    }
    return ascii(names[names.length - 1]) + year + word;
  }

  private static int year(Paper paper) {
    return paper.publishedAt().atZone(ZoneOffset.UTC).getYear();
  }

  private static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("[^A-Za-z0-9]", "")
        .toLowerCase(Locale.ROOT);
  }

  /** Unbalanced braces would break the entry; balanced ones (LaTeX) are kept. */
  private static String braces(String text) {
    int depth = 0;
    for (char c : text.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth < 0) {
        break;
      }
    }
    return depth == 0 ? text : text.replace("{", "").replace("}", "");
  }
}
