package dev.paperboy.recommend;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.rules.Refusal;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.ObjectResolutionException;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;
import org.jbibtex.Value;
import org.jspecify.annotations.Nullable;

/**
 * What a pasted library names: a BibTeX file as Zotero, Mendeley or Google Scholar export it, or a
 * list of arXiv ids, arXiv URLs and DOIs, one to a line (RIS lines such as {@code DO - 10.…} read
 * too). Each entry or line becomes one {@link Reference}, with an arXiv id or a DOI when it has
 * one, so that what is not found can be said entry by entry.
 */
final class LibraryText {
  /** About a thousand BibTeX entries with abstracts; the form post cap (API-1) is 1 MiB. */
  static final int MAX_CHARS = 1_000_000;

  static final int MAX_REFERENCES = Library.MAX_PER_MEMBER;

  /**
   * BibTeX braces nest a few deep; the parser descends once per brace, so a hostile file of a
   * million braces would overflow its stack. Deeper than this is refused before parsing.
   */
  static final int MAX_BRACE_DEPTH = 32;

  private static final int LABEL_CHARS = 120;

  /**
   * An entry or a line of the library.
   *
   * @param label what the reader will recognise it by: its title, else its key or the line
   * @param arxiv the arXiv id it names, if any
   * @param doi the DOI it names, in lower case, if any (and no arXiv id)
   */
  record Reference(String label, @Nullable ArxivId arxiv, @Nullable String doi) {}

  private static final Pattern BIBTEX_ENTRY = Pattern.compile("(?m)^\\s*@\\s*[A-Za-z]+\\s*[{(]");

  /** arXiv's own DOIs (10.48550/arXiv.2401.00001), URLs and "arXiv:" prefixes name the id. */
  private static final Pattern ARXIV_NAMED =
      Pattern.compile(
          "(?i)(?:10\\.48550/arxiv\\.|arxiv\\.org/(?:abs|pdf|html)/|arxiv:\\s*)"
              + "([a-z][a-z.-]*/\\d{7}|\\d{4}\\.\\d{4,5})(v\\d+)?");

  private static final Pattern ARXIV_BARE =
      Pattern.compile(
          "(?<![\\w./])(\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7})(v\\d+)?");

  private static final Pattern DOI = Pattern.compile("(?i)\\b(10\\.\\d{4,9}/[^\\s\"<>{}]+)");

  /** Fields that name the paper, the most telling first. */
  private static final List<Key> ID_FIELDS =
      List.of(
          new Key("eprint"),
          BibTeXEntry.KEY_DOI,
          BibTeXEntry.KEY_URL,
          BibTeXEntry.KEY_JOURNAL,
          new Key("archiveprefix"),
          BibTeXEntry.KEY_NOTE,
          BibTeXEntry.KEY_HOWPUBLISHED);

  private LibraryText() {}

  /**
   * @throws Refusal INVALID for BibTeX that does not parse or text that names nothing, TOO_LARGE
   *     for more than {@link #MAX_CHARS} characters or {@link #MAX_REFERENCES} entries
   */
  static List<Reference> read(String text) {
    if (text.length() > MAX_CHARS) {
      throw Refusal.of(
          Refusal.Kind.TOO_LARGE, "Paste at most " + MAX_CHARS / 1000 + " thousand characters.");
    }
    List<Reference> references = new ArrayList<>();
    // BibTeX ignores what lies between entries; here it is read line by line, so that a paste of
    // entries and bare ids alike finds both.
    int at = 0;
    Matcher entry = BIBTEX_ENTRY.matcher(text);
    while (entry.find(at)) {
      references.addAll(lines(text.substring(at, entry.start())));
      int end = entryEnd(text, entry.end() - 1);
      references.addAll(bibtex(text.substring(entry.start(), end)));
      at = end;
    }
    references.addAll(lines(text.substring(at)));
    if (references.isEmpty()) {
      throw Refusal.field(
          "library", "Paste a BibTeX file, or arXiv ids, arXiv URLs or DOIs, one to a line.");
    }
    if (references.size() > MAX_REFERENCES) {
      throw Refusal.of(
          Refusal.Kind.TOO_LARGE, "Import at most " + MAX_REFERENCES + " entries at a time.");
    }
    return references;
  }

  private static List<Reference> bibtex(String text) {
    if (braceDepth(text) > MAX_BRACE_DEPTH) {
      throw Refusal.field("library", "This BibTeX nests braces deeper than any real file does.");
    }
    BibTeXDatabase database;
    try {
      database = new Lenient().parse(new StringReader(text));
    } catch (ParseException | TokenMgrException | ObjectResolutionException e) {
      throw Refusal.field("library", "This BibTeX could not be read: " + firstLine(e));
    }
    List<Reference> references = new ArrayList<>();
    for (BibTeXEntry entry : database.getEntries().values()) {
      references.add(reference(entry));
    }
    return references;
  }

  private static Reference reference(BibTeXEntry entry) {
    Value title = entry.getField(BibTeXEntry.KEY_TITLE);
    String label =
        title != null
            ? label(title.toUserString().replaceAll("[{}]", ""))
            : entry.getKey().getValue();
    for (Key field : ID_FIELDS) {
      Value value = entry.getField(field);
      if (value != null) {
        Reference found = identify(label, value.toUserString(), field.equals(ID_FIELDS.get(0)));
        if (found.arxiv() != null || found.doi() != null) {
          return found;
        }
      }
    }
    return new Reference(label, null, null);
  }

  private static List<Reference> lines(String text) {
    List<Reference> references = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String stripped = line.strip();
      if (!stripped.isEmpty()) {
        references.add(identify(label(stripped), stripped, true));
      }
    }
    return references;
  }

  /**
   * The arXiv id or DOI in a piece of text; a bare id ("2401.00001") counts only where nothing else
   * could be meant (a line of its own, an eprint field), not inside a journal's page numbers.
   */
  private static Reference identify(String label, String text, boolean bareIdAllowed) {
    Matcher named = ARXIV_NAMED.matcher(text);
    if (named.find()) {
      ArxivId id = arxiv(named.group(1));
      if (id != null) {
        return new Reference(label, id, null);
      }
    }
    Matcher doi = DOI.matcher(text);
    if (doi.find()) {
      return new Reference(
          label, null, doi.group(1).replaceAll("[.,;)\\]]+$", "").toLowerCase(Locale.ROOT));
    }
    Matcher bare = ARXIV_BARE.matcher(text);
    if (bareIdAllowed && bare.find()) {
      ArxivId id = arxiv(bare.group(1));
      if (id != null) {
        return new Reference(label, id, null);
      }
    }
    return new Reference(label, null, null);
  }

  private static @Nullable ArxivId arxiv(String text) {
    try {
      return ArxivId.parse(text);
    } catch (InvalidArxivId e) {
      return null;
    }
  }

  /**
   * Where the entry whose opening brace or parenthesis is at {@code open} ends: just after its
   * matching close, or the end of the text for an entry left open (which the parser then refuses).
   */
  private static int entryEnd(String text, int open) {
    boolean parenthesised = text.charAt(open) == '(';
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++; // an escaped brace does not nest
      } else if (c == '{' || parenthesised && c == '(' && i == open) {
        depth++;
      } else if (c == '}' || parenthesised && c == ')' && depth == 1) {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
    }
    return text.length();
  }

  static int braceDepth(String text) {
    int depth = 0;
    int deepest = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++; // an escaped brace does not nest
      } else if (c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
    return deepest;
  }

  private static String label(String text) {
    String folded = text.replaceAll("\\s+", " ").strip();
    return folded.length() <= LABEL_CHARS ? folded : folded.substring(0, LABEL_CHARS) + "\u2026";
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? "unexpected text" : e.getMessage();
    return label(message.lines().findFirst().orElse(message));
  }

  /** Month macros and cross references left unresolved are not errors in an export. */
  private static final class Lenient extends BibTeXParser {
    Lenient() throws ParseException {
      super();
    }

    @Override
    public void checkStringResolution(Key key, BibTeXString string) {}

    @Override
    public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {}
  }
}
