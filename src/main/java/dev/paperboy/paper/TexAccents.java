package dev.paperboy.paper;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TeX accents in arXiv's metadata, as authors type them into the submission form ({@code Forr\'e},
 * {@code Sch\"olkopf}, {@code Kosti\' c}, {@code \v{S}ediv\'y}), decoded to the letters they stand
 * for, so that a name reads, folds and matches as the person writes it. Anything else with a
 * backslash is left as it was: this is not a TeX renderer.
 */
public final class TexAccents {
  /** {@code \'e}, {@code \'{e}}, {@code {\'e}}, {@code \' e}, {@code \'\i}: symbol accents. */
  private static final Pattern SYMBOL =
      Pattern.compile(
          "\\{?\\\\([`'^\"~=.])\\s*(?:\\{\\s*(\\\\i|[A-Za-z])\\s*\\}|(\\\\i|[A-Za-z]))\\}?");

  /** {@code \v{c}}, {@code \c c}, {@code \H{o}}: letter accents, braced or spaced. */
  private static final Pattern LETTER =
      Pattern.compile(
          "\\{?\\\\([uvHckr])(?:\\s*\\{\\s*(\\\\i|[A-Za-z])\\s*\\}|\\s+([A-Za-z]))\\}?");

  /** {@code \o}, {@code \ss}, {@code {\aa}}: letters of their own. */
  private static final Pattern SPECIAL =
      Pattern.compile("\\{?\\\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i)(?![A-Za-z])\\s*(?:\\{\\})?\\}?");

  private static final Map<String, String> MARKS =
      Map.ofEntries(
          Map.entry("`", "\u0300"),
          Map.entry("'", "\u0301"),
          Map.entry("^", "\u0302"),
          Map.entry("~", "\u0303"),
          Map.entry("=", "\u0304"),
          Map.entry("u", "\u0306"),
          Map.entry(".", "\u0307"),
          Map.entry("\"", "\u0308"),
          Map.entry("r", "\u030A"),
          Map.entry("H", "\u030B"),
          Map.entry("v", "\u030C"),
          Map.entry("c", "\u0327"),
          Map.entry("k", "\u0328"));

  private static final Map<String, String> LETTERS =
      Map.ofEntries(
          Map.entry("ss", "ß"),
          Map.entry("aa", "å"),
          Map.entry("AA", "Å"),
          Map.entry("ae", "æ"),
          Map.entry("AE", "Æ"),
          Map.entry("oe", "œ"),
          Map.entry("OE", "Œ"),
          Map.entry("o", "ø"),
          Map.entry("O", "Ø"),
          Map.entry("l", "ł"),
          Map.entry("L", "Ł"),
          Map.entry("i", "ı"));

  private TexAccents() {}

  /** The text with its TeX accents decoded; the same string when it has none. */
  public static String decode(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    String marked = accents(accents(text, SYMBOL), LETTER);
    Matcher special = SPECIAL.matcher(marked);
    StringBuilder out = new StringBuilder(marked.length());
    while (special.find()) {
      special.appendReplacement(out, Matcher.quoteReplacement(LETTERS.get(special.group(1))));
    }
    special.appendTail(out);
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  private static String accents(String text, Pattern pattern) {
    Matcher accent = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (accent.find()) {
      String base = accent.group(2) != null ? accent.group(2) : accent.group(3);
      // An accent on a dotless i is an accent on i: \'\i is í.
      String letter = base.equals("\\i") ? "i" : base;
      accent.appendReplacement(out, Matcher.quoteReplacement(letter + MARKS.get(accent.group(1))));
    }
    accent.appendTail(out);
    return out.toString();
  }
}
